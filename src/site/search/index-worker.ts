import {parentPort} from 'node:worker_threads'
import {inTurn, type BundleJob} from './write-bundle.js'

// The search indexer's thread: bundles in, their numbers of shards out.
parentPort!.on('message', (jobs: BundleJob[]) => {
  inTurn(jobs).then(
    (shards) => parentPort!.postMessage({shards}),
    (error: unknown) => parentPort!.postMessage({error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  )
})
