import {parentPort} from 'node:worker_threads'
import {errorText} from '../../worker-thread.js'
import {writeBundle, type BundleJob} from './write-bundle.js'

// The search indexer's thread: a bundle in, its number of shards out.
parentPort!.on('message', (job: BundleJob) => {
  try {
    parentPort!.postMessage({shards: writeBundle(job)})
  } catch (error) {
    parentPort!.postMessage({error: errorText(error)})
  }
})
