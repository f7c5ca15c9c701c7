import type {Archive} from '../archive/model.js'
import {buildArchive} from '../archive/build-archive.js'
import type {Gazette, Report, SourceGazette} from '../types.js'
import {readFolder, type FolderOptions} from '../read/read-folder.js'
import {cacheKey, isCached, readCached, writeCached} from './cache.js'
import {processAll} from './pool.js'
import {timed, type Timings} from './timings.js'

export interface PipelineOptions extends FolderOptions {
  input: string
  /** Called after each gazette is split and tagged (for a progress bar). */
  onProgress?: (done: number, total: number) => void
  /** Filled with the time each stage took. */
  timings?: Timings
  /** Folder of cached split + tag results (none: no cache). */
  cache?: string | undefined
  /** Processes for split + tag (default: one per core). */
  processes?: number
}

/** What the pipeline made of a content folder. */
export interface Built {
  archive: Archive
  gazettes: Gazette[]
  /**
   * By source path, the cache key of each gazette (none without a cache):
   * it stands for all split and tag made of the file, so that what a page
   * shows can be compared between builds without hashing the text again.
   */
  keys: Map<string, string>
}

// With fewer cache entries to read, the build is small: splitting its few new gazettes here costs less than starting a process.
const readsWorthAProcess = 1000

/** read → split → tag → archive, for a whole content folder. */
export async function buildArchiveFromFolder(options: PipelineOptions): Promise<Built> {
  const {timings} = options
  const {gazettes: sources, reports} = await timed(timings, 'read', () => readFolder(options.input, options))
  const {gazettes, keys} = await timed(timings, 'split+tag', () => splitAndTag(sources, reports, options))
  const archive = await timed(timings, 'archive', () => buildArchive(gazettes, {reports}))
  return {archive, gazettes, keys}
}

/**
 * Split and tag every gazette, taking unchanged ones from the cache and
 * the rest from the process pool; a gazette the stages fail on is reported
 * and left out. The pool starts first and works while the cache is read,
 * even for a single new gazette when there are many entries to read:
 * loading the segmenter takes as long as reading thousands of them.
 */
async function splitAndTag(sources: SourceGazette[], reports: Report[], options: PipelineOptions): Promise<Pick<Built, 'gazettes' | 'keys'>> {
  const {cache} = options
  const keys = cache ? await Promise.all(sources.map(cacheKey)) : []
  const stored = cache ? keys.map((key) => isCached(cache, key)) : []
  const fresh = sources.flatMap((_, index) => (stored[index] ? [] : [index]))
  // Progress counts the cached gazettes as done from the start.
  let done = sources.length - fresh.length
  const progress = () => options.onProgress?.(++done, sources.length)
  const running = processAll(
    fresh.map((index) => sources[index]!),
    progress,
    {processes: options.processes, inBackground: sources.length - fresh.length >= readsWorthAProcess}
  )
  // The processes have their work: they go on while this thread reads.
  const gazettes = cache ? keys.map((key, index) => (stored[index] ? readCached(cache, key) : undefined)) : []
  // An entry that was there but could not be read is split again.
  const unreadable = sources.flatMap((_, index) => (stored[index] && !gazettes[index] ? [index] : []))
  done -= unreadable.length
  const outcomes = [...(await running), ...(await processAll(unreadable.map((index) => sources[index]!), progress))]
  for (const [position, index] of [...fresh, ...unreadable].entries()) {
    const outcome = outcomes[position]!
    const source = sources[index]!
    if ('error' in outcome) {
      reports.push({file: source.source, line: null, column: null, ruleId: 'pipeline:crash', severity: 'error', message: `left out: split and tag failed: ${outcome.error.split('\n')[0]}`})
      continue
    }
    gazettes[index] = outcome.gazette
    if (cache) await writeCached(cache, keys[index]!, outcome.gazette)
  }
  return {gazettes: gazettes.filter((gazette): gazette is Gazette => gazette !== undefined), keys: new Map(keys.map((key, index) => [sources[index]!.source, key]))}
}
