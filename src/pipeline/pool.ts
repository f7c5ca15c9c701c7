import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {Gazette, SourceGazette} from '../types.js'
import {processGazette} from './process-gazette.js'

/** What became of one gazette: the result, or why the stages failed on it. */
export type Outcome = {gazette: Gazette} | {error: string}

// Below this many files, starting threads (each loads the segmenter's
// dictionary and the gazetteer: about a second) costs more than it saves.
const minFilesForThreads = 24

/**
 * Split and tag gazettes, in worker threads when there are enough of them
 * and more than one core, keeping the input order. A gazette on which the
 * stages throw becomes an error outcome: the others still build.
 */
export async function processAll(sources: readonly SourceGazette[], onDone: () => void = () => {}, threads = availableParallelism()): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(sources.length)
  if (threads < 2 || sources.length < minFilesForThreads) {
    sources.forEach((source, index) => {
      outcomes[index] = processSafely(source)
      onDone()
    })
    return outcomes
  }
  // Under tsx (tests, scripts) this module is TypeScript, and so is the
  // worker: it registers tsx before loading it (`--import` in a worker's
  // execArgv comes too late for its entry module on Node 20).
  const typescript = import.meta.url.endsWith('.ts')
  const entry = new URL(typescript ? './worker.ts' : './worker.js', import.meta.url)
  const start = (): Worker =>
    typescript
      ? new Worker(`import('tsx/esm/api').then(({register}) => { register(); return import(${JSON.stringify(entry.href)}) })`, {eval: true})
      : new Worker(entry)
  let next = 0
  await Promise.all(
    Array.from({length: Math.min(threads, sources.length)}, async () => {
      const worker = start()
      try {
        while (next < sources.length) {
          const index = next++
          outcomes[index] = await ask(worker, sources[index]!)
          onDone()
        }
      } finally {
        await worker.terminate()
      }
    })
  )
  return outcomes
}

function processSafely(source: SourceGazette): Outcome {
  try {
    return {gazette: processGazette(source)}
  } catch (error) {
    return {error: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }
}

function ask(worker: Worker, source: SourceGazette): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (outcome: Outcome) => {
      worker.off('error', onError)
      resolve(outcome)
    }
    const onError = (error: Error) => {
      worker.off('message', onMessage)
      reject(error)
    }
    worker.once('message', onMessage)
    worker.once('error', onError)
    worker.postMessage(source)
  })
}
