import * as threads from 'node:worker_threads'
import type {BuildData, BuildMessage} from './build-thread.js'
import {Pool} from '../pipeline/index.js'
import {required} from '../util/required.js'
import {systemError} from '../util/system-error.js'

// The build thread (see build-thread.ts): runs one build, reports progress and its exit code.
// Its data is what buildInThread gives it (Node types `workerData` as `any`).
const {workerData}: {workerData: BuildData} = threads
const {options, warm} = workerData
const port = required(threads.parentPort, 'the port to the main thread')
// Before the build's modules load: the process loads the segmenter meanwhile.
const pool = new Pool()
if (warm) pool.warmUp()
const {build} = await import('./build-command.js')
const post = (message: BuildMessage) => port.postMessage(message)
try {
  post({exitCode: await build(options, (done, total, stage) => post({progress: [done, total], stage}), pool)})
} catch (error) {
  // A full disk or a folder that cannot be written: one line, not a stack per page.
  const system = systemError(error)
  if (!system) throw error
  console.error(`gazette build: ${system.text}; the published site was left as it was`)
  post({exitCode: 1})
} finally {
  // A build with nothing new to split (or one that failed) did not take it.
  pool.coolDown()
}
