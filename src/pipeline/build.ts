import pMap from 'p-map'
import type {Archive} from '../archive/model.js'
import {buildArchive} from '../archive/build-archive.js'
import type {Gazette, Report, SourceGazette} from '../types.js'
import {readFolder, type FolderOptions} from '../read/read-folder.js'
import {cacheKey, readCached, writeCached} from './cache.js'
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
 * the rest from the worker pool; a gazette the stages fail on is reported
 * and left out.
 */
async function splitAndTag(sources: SourceGazette[], reports: Report[], options: PipelineOptions): Promise<Pick<Built, 'gazettes' | 'keys'>> {
  const keys = options.cache ? await Promise.all(sources.map(cacheKey)) : []
  // A few at a time: thousands of files opened at once would run out of descriptors.
  const cached = options.cache ? await pMap(keys, (key) => readCached(options.cache!, key), {concurrency: 16}) : []
  const missing = sources.flatMap((source, index) => (cached[index] ? [] : [index]))
  let done = sources.length - missing.length
  const outcomes = await processAll(
    missing.map((index) => sources[index]!),
    () => options.onProgress?.(++done, sources.length),
    options.processes
  )
  const gazettes: Array<Gazette | undefined> = Array.from(sources, (_, index) => cached[index])
  for (const [position, index] of missing.entries()) {
    const outcome = outcomes[position]!
    const source = sources[index]!
    if ('error' in outcome) {
      reports.push({file: source.source, line: null, column: null, ruleId: 'pipeline:crash', severity: 'error', message: `left out: split and tag failed: ${outcome.error.split('\n')[0]}`})
      continue
    }
    gazettes[index] = outcome.gazette
    if (options.cache) await writeCached(options.cache, keys[index]!, outcome.gazette)
  }
  return {gazettes: gazettes.filter((gazette): gazette is Gazette => gazette !== undefined), keys: new Map(keys.map((key, index) => [sources[index]!.source, key]))}
}
