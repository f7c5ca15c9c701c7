import {parentPort} from 'node:worker_threads'
import {errorText} from '../../util/worker-thread.js'
import {indexer, type IndexJob} from './write-bundle.js'

// The search indexer's thread: jobs in (see `IndexJob`), the number of shards out when it finishes.
const handle = indexer()
parentPort!.on('message', (job: IndexJob) => {
  try {
    const shards = handle(job)
    if (shards !== undefined) parentPort!.postMessage({shards})
  } catch (error) {
    parentPort!.postMessage({error: errorText(error)})
  }
})
