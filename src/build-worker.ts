import {parentPort, workerData} from 'node:worker_threads'
import {build, type BuildOptions} from './build-command.js'
import type {BuildMessage} from './build-thread.js'

// The build thread (see build-thread.ts): runs one build, reports progress and its exit code.
const post = (message: BuildMessage) => parentPort!.postMessage(message)
post({exitCode: await build(workerData as BuildOptions, (done, total) => post({progress: [done, total]}))})
