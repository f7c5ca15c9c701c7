import {availableParallelism} from 'node:os'
import type {Gazette, SourceGazette} from '../types.js'
import {ask, errorText, startWorker} from '../worker-thread.js'
import {processGazette} from './process-gazette.js'

/** What became of one gazette: the result, or why the stages failed on it. */
export type Outcome = {gazette: Gazette} | {error: string}

// Below this many files, starting threads (each loads the segmenter's
// dictionary and the gazetteer: about a second) costs more than it saves.
const minFilesForThreads = 24

// A thread holds the dictionary, the gazetteer and one gazette's trees
// (about 100 MB); bounded, its heap is collected before garbage doubles it.
const threadHeapMb = 256

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
  let next = 0
  await Promise.all(
    Array.from({length: Math.min(threads, sources.length)}, async () => {
      const worker = startWorker(import.meta.url, 'worker', {resourceLimits: {maxOldGenerationSizeMb: threadHeapMb}})
      try {
        while (next < sources.length) {
          const index = next++
          outcomes[index] = await ask<Outcome>(worker, sources[index]!)
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
    return {error: errorText(error)}
  }
}
