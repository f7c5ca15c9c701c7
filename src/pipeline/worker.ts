import {parentPort} from 'node:worker_threads'
import type {SourceGazette} from '../types.js'
import {errorText} from '../worker-thread.js'
import {processGazette} from './process-gazette.js'

// A worker thread of the split + tag pool: one gazette in, one out.
parentPort!.on('message', (source: SourceGazette) => {
  try {
    parentPort!.postMessage({gazette: processGazette(source)})
  } catch (error) {
    parentPort!.postMessage({error: errorText(error)})
  }
})
