import cliProgress from 'cli-progress'
import type {BuildOptions} from './build-command.js'
import {readsWorthAProcess} from '../pipeline/pool.js'
import {folderFiles, type FileStat} from '../incremental/snapshot.js'
import {errorText, startWorker} from '../util/worker-thread.js'

/** What the build thread is given: the build's options, and whether to start a split + tag process at once. */
export interface BuildData {
  options: BuildOptions
  warm: boolean
}

/** What the build thread tells the command line: progress, then the exit code. */
export type BuildMessage = {progress: [done: number, total: number]; stage: string} | {exitCode: number}

/**
 * Run `gazette build` in a worker thread with a bounded heap: left alone,
 * V8 on a machine with memory to spare lets garbage grow the heap to five
 * times what the build holds live (1.5 GB at 40,000 articles, of which
 * 0.3 GB live) before it collects. Bounded, it collects sooner, at no cost
 * in time. Node bounds the heap of a worker thread (`resourceLimits`); the
 * main thread's only with a `node` flag users would have to pass.
 */
export async function buildInThread(options: BuildOptions, maxHeapMb?: number): Promise<number> {
  const files = folderFilesOrNone(options.input)
  const limit = maxHeapMb ?? heapLimit(files.reduce((sum, file) => sum + file.size, 0))
  // A big archive with a cache is most likely rebuilt with a few new files, which a process splits.
  const data: BuildData = {options, warm: options.cache !== false && files.length >= readsWorthAProcess}
  const worker = startWorker(import.meta.url, 'build-worker', {
    workerData: data,
    resourceLimits: {maxOldGenerationSizeMb: limit}
  })
  const bar =
    process.stderr.isTTY && !options.quiet
      ? new cliProgress.SingleBar(
          {format: '{stage} {bar} {value}/{total} {unit}', hideCursor: true},
          cliProgress.Presets.shades_classic
        )
      : undefined
  let exitCode = 1
  let stage: string | undefined
  worker.on('message', (message: BuildMessage) => {
    if ('exitCode' in message) {
      exitCode = message.exitCode
      return
    }
    const [done, total] = message.progress
    // One bar a stage: the files split and tagged, then the pages written.
    const labels = {stage: message.stage.padEnd(9), unit: message.stage === 'render' ? 'pages' : 'files'}
    if (message.stage !== stage) {
      bar?.stop()
      bar?.start(total, 0, labels)
      stage = message.stage
    }
    bar?.update(done, labels)
    if (done === total) bar?.stop()
  })
  worker.on('error', (error: Error & {code?: string}) => {
    bar?.stop()
    console.error(outOfMemory(error, limit) ?? errorText(error))
  })
  await new Promise((resolve) => worker.once('exit', resolve))
  return exitCode
}

/**
 * What to say when the build ran out of memory, naming the limit that was
 * reached: the build thread's own (`--max-heap`), or that of a thread of
 * its own the build started (the search indexer's), which its error names.
 * Node's error of a nested thread reaches this one as its own would, so a
 * thread that starts one must give its error a code of its own.
 */
function outOfMemory(error: Error & {code?: string}, limit: number): string | undefined {
  const own = `gazette build: out of memory: the build may take ${limit} MB of heap; give it more with --max-heap`
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return own
  if (error.code === 'ERR_GAZETTE_OUT_OF_MEMORY') return `gazette build: ${error.message}`
  return undefined
}

/**
 * The heap a build of a content folder of `bytes` may take, in MB: it holds
 * about 2.5 times the text live (the archive, an Eleventy run's pages), and
 * needs room besides to collect without thrashing.
 */
export function heapLimit(bytes: number): number {
  return Math.round(512 + (4 * bytes) / 1024 / 1024)
}

/** The files under `folder` (none when it cannot be read: the build reports why). */
function folderFilesOrNone(folder: string): FileStat[] {
  try {
    return folderFiles(folder)
  } catch {
    return []
  }
}
