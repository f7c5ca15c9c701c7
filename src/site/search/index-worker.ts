import {parentPort} from 'node:worker_threads'
import {required} from '../../util/required.js'
import {errorText} from '../../util/worker-thread.js'
import {indexer, type IndexJob} from './write-bundle.js'

// The search indexer's thread: jobs in (see `IndexJob`), the segment written out when it finishes.
const handle = indexer()
const port = required(parentPort, 'the port to the build thread')
port.on('message', (job: IndexJob) => {
  try {
    const written = handle(job)
    if (written !== undefined) port.postMessage({written})
  } catch (error) {
    port.postMessage({error: errorText(error)})
  }
})
