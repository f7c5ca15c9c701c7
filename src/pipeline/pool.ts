import {fork, type ChildProcess} from 'node:child_process'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {SourceGazette} from '../model/types.js'
import {restore, store, type Stored} from '../model/messages.js'
import type {Gazette} from '../model/types.js'
import type {Outcome} from './process-gazette.js'
import type {PlaceNames} from '../tag/index.js'
import {errorText} from '../util/worker-thread.js'

// Below this many files, starting processes (each loads the segmenter's
// dictionary and the gazetteer: about a second) costs more than it saves.
const minFilesForProcesses = 24

// A process holds the dictionary, the gazetteer and one gazette's trees
// (about 100 MB of heap); bounded, its heap is collected before garbage doubles it.
const processHeapMb = 256

/**
 * Cache entries to read from which a rebuild splits its few new gazettes in
 * a process meanwhile; with fewer, the build is small, and splitting them
 * in its own thread costs less than starting a process.
 */
export const readsWorthAProcess = 1000

export interface PoolOptions {
  /** Processes to start at most (default: one per core; below 2, none). */
  processes?: number | undefined
  /** The gazetteer and segmenter for work in this thread, when the caller has them loaded (default: load them). */
  names?: PlaceNames | undefined
}

export interface RunOptions {
  /** The caller has other work meanwhile: use processes however few the files. */
  inBackground?: boolean
}

/** Processes of one `processAll` that may end before it gives up. */
const maxEnded = 3

/**
 * Split and tag gazettes, in child processes when there are enough of them
 * and more than one core, else in this thread.
 *
 * Processes, not worker threads: a process gives back all it took (the
 * segmenter's dictionary, the gazetteer) when it exits, and one that runs out
 * of memory or is killed costs one gazette, not the build. (nodejieba, the
 * segmenter before, never freed its dictionary when a thread ended.)
 */
export class Pool {
  readonly #processes: number
  /** A process started ahead (`warmUp`), for the next `processAll` to take. */
  #warm: ChildProcess | undefined
  /** The gazetteer and segmenter of this thread, loaded on first need. */
  #names: Promise<PlaceNames> | undefined

  constructor(options: PoolOptions = {}) {
    this.#processes = options.processes ?? availableParallelism()
    if (options.names) this.#names = Promise.resolve(options.names)
  }

  /**
   * Split and tag `sources`, keeping the input order; `onDone` hears of each
   * outcome as it comes. A gazette on which the stages throw becomes an error
   * outcome, and so does one whose process ends: the others still build.
   */
  async processAll(
    sources: readonly SourceGazette[],
    onDone: (index: number, outcome: Outcome) => void = () => {},
    options: RunOptions = {}
  ): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(sources.length)
    if (sources.length === 0) return outcomes
    if (this.#processes < 2 || (sources.length < minFilesForProcesses && !options.inBackground)) {
      // Loaded only now: a rebuild that splits in processes does without the stages' modules (0.15 s).
      const {processSafely} = await import('./process-gazette.js')
      const names = await this.namesHere()
      sources.forEach((source, index) => {
        const outcome = processSafely(source, names)
        outcomes[index] = outcome
        onDone(index, outcome)
      })
      return outcomes
    }
    // One queue for every process: each takes the next gazette when it is free.
    const queue = sources.entries()
    let ended = 0
    let failure: Error | undefined
    await Promise.all(
      Array.from({length: Math.min(this.#processes, sources.length)}, async () => {
        let child = this.#takeWarm() ?? startChild()
        for (const [index, source] of queue) {
          if (failure) break
          let outcome: Outcome
          try {
            outcome = await ask(child, source)
          } catch (error) {
            // A process ended (out of memory on some gazette, killed): the rest
            // go on in a new one, unless processes keep ending, which no
            // gazette explains.
            if (failure || ++ended > maxEnded) {
              failure ??= error as Error
              break
            }
            outcome = {error: errorText(error)}
            child = startChild()
          }
          outcomes[index] = outcome
          onDone(index, outcome)
        }
        if (child.connected) child.disconnect()
      })
    )
    if (failure) throw failure
    return outcomes
  }

  /** The gazetteer and segmenter in this thread, for work done here (a page tagged again in its paper's region). */
  namesHere(): Promise<PlaceNames> {
    this.#names ??= import('../tag/mentions.js').then(({loadPlaceNames}) => loadPlaceNames())
    return this.#names
  }

  /**
   * Start a process ahead of `processAll`, for a build that will likely need
   * one: it loads the segmenter (more than a second) while the build reads
   * the content folder and the cache. `coolDown` ends it if nothing took it.
   */
  warmUp(): void {
    // On one core, processAll splits in its own thread.
    if (this.#processes > 1) this.#warm ??= startChild()
  }

  /** End the process started ahead, if nothing took it; whether there was one. */
  coolDown(): boolean {
    const ended = this.#warm?.kill() ?? false
    this.#warm = undefined
    return ended
  }

  #takeWarm(): ChildProcess | undefined {
    const child = this.#warm
    this.#warm = undefined
    return child
  }
}

/** An outcome as a split + tag process sends it (messages as records: see messages.ts). */
export type StoredOutcome = {gazette: Stored<Gazette>} | {error: string}

export function storeOutcome(outcome: Outcome): StoredOutcome {
  return 'gazette' in outcome ? {gazette: store(outcome.gazette)} : outcome
}

export function restoreOutcome(outcome: StoredOutcome): Outcome {
  return 'gazette' in outcome ? {gazette: restore(outcome.gazette)} : outcome
}

/** A process running `child.ts` (under tsx in tests and scripts, which run `src/`). */
function startChild(): ChildProcess {
  const typescript = import.meta.url.endsWith('.ts')
  const entry = fileURLToPath(new URL(`./child${typescript ? '.ts' : '.js'}`, import.meta.url))
  const execArgv = [...(typescript ? ['--import', 'tsx'] : []), `--max-old-space-size=${processHeapMb}`]
  return fork(entry, [], {execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
}

/** Send a gazette to a child and wait for its outcome. */
function ask(child: ChildProcess, source: SourceGazette): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (outcome: StoredOutcome) => {
      child.off('exit', onExit)
      resolve(restoreOutcome(outcome))
    }
    const onExit = (code: number | null, signal: string | null) => {
      child.off('message', onMessage)
      // V8 aborts a process out of heap: the limit reached is the process's own, not the build's --max-heap.
      const why =
        signal === 'SIGABRT' || code === 134
          ? `out of memory: a split + tag process may take ${processHeapMb} MB of heap`
          : (signal ?? `exit code ${code}`)
      reject(new Error(`split + tag process ended (${why}) on ${source.source}`))
    }
    child.once('message', onMessage)
    child.once('exit', onExit)
    // Sending to a process that has just ended fails with an error event; its exit follows.
    child.send(store(source), () => undefined)
  })
}
