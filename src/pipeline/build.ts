import type {VFileMessage} from 'vfile-message'
import type {Archive} from '../archive/model.js'
import {buildArchive} from '../archive/index.js'
import {cacheKey, isCached, readCached, writeCached} from '../incremental/cache.js'
import {readFolderRecord, writeFolderRecord, type FolderRecord} from '../incremental/folder-record.js'
import {pipelineVersion} from '../incremental/version.js'
import {message} from '../model/messages.js'
import type {Gazette, ReadRecord, SourceGazette} from '../model/types.js'
import {type FolderOptions, type KnownFiles, readChanged} from '../read/index.js'
import {tagInPaperContext} from './paper-context.js'
import {Pool, readsWorthAProcess} from './pool.js'
import type {Outcome} from './process-gazette.js'
import {timed, type Timings} from '../util/timings.js'
import {required} from '../util/required.js'

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
  /** The split + tag processes to use (default: a pool of `processes`), which may have one started ahead. */
  pool?: Pool
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
  const pool = options.pool ?? new Pool({processes: options.processes})
  const version = options.cache ? await pipelineVersion() : ''
  const previous = options.cache ? readFolderRecord(options.cache, options.input, version) : undefined
  const {gazettes, keys, reports} = await readAndSplit({...options, pool}, version, previous)
  // A process started ahead and not needed would hold its memory through the render.
  pool.coolDown()
  const archive = await timed(options.timings, 'archive', () => buildArchive(gazettes, {reports}))
  return {archive, gazettes, keys}
}

/**
 * Read the content folder, only the files changed since the `previous`
 * read, and split and tag it. The files not read are taken from the cache;
 * one whose entry has gone since is read again.
 */
async function readAndSplit(
  options: PipelineOptions & {pool: Pool},
  version: string,
  previous: FolderRecord | undefined
): Promise<Pick<Built, 'gazettes' | 'keys'> & {reports: VFileMessage[]}> {
  const {timings, cache, input} = options
  const read = await timed(timings, 'read', () => readChanged(input, options, previous?.files))
  const keys = cache ? read.gazettes.map((source) => cacheKey(source, version)) : []
  const record = (entries: string[]) =>
    cache && writeFolderRecord(cache, input, {version, files: read.known, keys: [...keys, ...entries]})
  await record([])
  const reread = (paths: string[]) => readAgain(options, read.known, paths)
  const split = await timed(timings, 'split+tag', () => splitAndTag(read.gazettes, keys, read.reports, options, reread))
  const inContext = await timed(timings, 'split+tag', () =>
    tagInPaperContext(split.gazettes, split.keys, cache, () => options.pool.namesHere())
  )
  if (inContext.entries.length > 0) await record(inContext.entries)
  return {gazettes: inContext.gazettes, keys: inContext.keys, reports: read.reports}
}

/** The files at `paths` read again with their text: their records were known, but their cache entries are gone. */
async function readAgain(options: PipelineOptions, known: KnownFiles, paths: string[]): Promise<SourceGazette[]> {
  const forgotten = new Set(paths)
  const files = Object.fromEntries(Object.entries(known.files).filter(([path]) => !forgotten.has(path)))
  const again = await readChanged(options.input, options, {...known, files})
  return again.gazettes.filter((source): source is SourceGazette => forgotten.has(source.source) && hasText(source))
}

/**
 * Split and tag every gazette, taking unchanged ones from the cache and
 * the rest from the process pool; a gazette the stages fail on is reported
 * and left out. The pool starts first and works while the cache is read,
 * even for a single new gazette when there are many entries to read:
 * loading the segmenter takes as long as reading thousands of them. A
 * gazette read without its text whose entry is missing or damaged is read
 * again (`reread`) and split.
 */
async function splitAndTag(
  records: Array<SourceGazette | ReadRecord>,
  keys: readonly string[],
  reports: VFileMessage[],
  options: PipelineOptions & {pool: Pool},
  reread: (paths: string[]) => Promise<SourceGazette[]>
): Promise<Pick<Built, 'gazettes' | 'keys'>> {
  const {cache} = options
  // Each record with its cache key: `keys` are the records', one each, or none without a cache.
  const entries = records.map((record, index) => ({index, record, key: keys[index]}))
  const stored = cache ? keys.map((key) => isCached(cache, key)) : []
  /** The sources of `picked`, those read without text read again; one whose file has gone is dropped. */
  const withText = async (picked: ReadonlyArray<(typeof entries)[number]>) => {
    const missing = picked.flatMap(({record}) => (hasText(record) ? [] : [record.source]))
    const again = new Map((missing.length > 0 ? await reread(missing) : []).map((source) => [source.source, source]))
    return picked.flatMap((entry) => {
      const source = hasText(entry.record) ? entry.record : again.get(entry.record.source)
      return source ? [{...entry, source}] : []
    })
  }
  const fresh = await withText(entries.filter(({index}) => !stored[index]))
  // Progress counts the cached gazettes as done from the start.
  let done = records.length - fresh.length
  // Each result is kept as it comes, not after the last: a cold build of
  // 40,000 articles spent two seconds writing them at the end.
  const writes: Array<Promise<void>> = []
  const onDone = (split: ReadonlyArray<{key: string | undefined}>) => (position: number, outcome: Outcome) => {
    options.onProgress?.(++done, records.length)
    if (!cache || !('gazette' in outcome)) return
    const write = writeCached(cache, required(split[position]?.key, 'a cache key'), outcome.gazette)
    write.catch(() => undefined) // awaited below; a failure must not go unhandled meanwhile
    writes.push(write)
  }
  const running = options.pool.processAll(
    fresh.map(({source}) => source),
    onDone(fresh),
    {inBackground: records.length - fresh.length >= readsWorthAProcess}
  )
  // The processes have their work: they go on while this thread reads.
  const gazettes = cache ? keys.map((key, index) => (stored[index] ? readCached(cache, key) : undefined)) : []
  // An entry that was there but could not be read is split again.
  const unreadable = await withText(entries.filter(({index}) => stored[index] && !gazettes[index]))
  done -= unreadable.length
  const outcomes = [
    ...(await running),
    ...(await options.pool.processAll(
      unreadable.map(({source}) => source),
      onDone(unreadable)
    ))
  ]
  await Promise.all(writes)
  for (const [position, {index, record}] of [...fresh, ...unreadable].entries()) {
    const outcome = required(outcomes[position], 'the outcome of a gazette split')
    if ('error' in outcome) {
      const reason = `left out: split and tag failed: ${outcome.error.split('\n')[0]}`
      reports.push(message(record.source, 'pipeline', 'crash', reason))
      continue
    }
    gazettes[index] = outcome.gazette
  }
  return {
    gazettes: gazettes.filter((gazette): gazette is Gazette => gazette !== undefined),
    keys: new Map(
      entries.flatMap(({record, key}): Array<[string, string]> => (key === undefined ? [] : [[record.source, key]]))
    )
  }
}

function hasText(record: SourceGazette | ReadRecord): record is SourceGazette {
  return 'text' in record
}
