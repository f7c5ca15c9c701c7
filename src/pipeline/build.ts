import {createHash} from 'node:crypto'
import {readdir, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import type {Archive} from '../archive/model.js'
import {buildArchive} from '../archive/build-archive.js'
import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import type {Gazette, ReadRecord, SourceGazette} from '../model/types.js'
import {readChanged, type FolderOptions, type KnownFiles} from '../read/read-folder.js'
import {
  cacheKey,
  entryName,
  isCached,
  temporaryName,
  pipelineVersion,
  readCached,
  readStored,
  writeCached,
  writeStored
} from './cache.js'
import {tagInPaperContext} from './paper-context.js'
import {Pool, readsWorthAProcess} from './pool.js'
import type {Outcome} from './process-gazette.js'
import {timed, type Timings} from './timings.js'
import {isProcessGone} from '../util/process-gone.js'

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
  const {gazettes, keys, reports} = await readAndSplit({...options, pool}, await knownFiles(options))
  // A process started ahead and not needed would hold its memory through the render.
  pool.coolDown()
  const archive = await timed(options.timings, 'archive', () => buildArchive(gazettes, {reports}))
  return {archive, gazettes, keys}
}

/**
 * Read the content folder, only the files changed since `known`, and split
 * and tag it. The files not read are taken from the cache: should an entry
 * have gone since, every file is read again.
 */
async function readAndSplit(
  options: PipelineOptions & {pool: Pool},
  known?: Known
): Promise<Pick<Built, 'gazettes' | 'keys'> & {reports: VFileMessage[]}> {
  const {timings, cache} = options
  const read = await timed(timings, 'read', () => readChanged(options.input, options, known?.files))
  const keys = cache ? await Promise.all(read.gazettes.map(cacheKey)) : []
  const record = async (entries: string[]) =>
    cache &&
    writeStored(knownPath(cache, options.input), {
      version: await pipelineVersion(),
      files: read.known,
      keys: [...keys, ...entries]
    } satisfies Known)
  await record([])
  const split = await timed(timings, 'split+tag', () => splitAndTag(read.gazettes, keys, read.reports, options))
  if (!split) return readAndSplit(options)
  const inContext = await timed(timings, 'split+tag', () =>
    tagInPaperContext(split.gazettes, split.keys, cache, () => options.pool.namesHere())
  )
  if (inContext.entries.length > 0) await record(inContext.entries)
  return {gazettes: inContext.gazettes, keys: inContext.keys, reports: read.reports}
}

/** What the last build with this cache read of the content folder, for the read of this one. */
interface Known {
  /** The read code's version (part of the pipeline's): its records are valid only for the same code. */
  version: string
  files: KnownFiles
  /** The cache entries of the folder's gazettes: the ones `pruneCache` keeps. */
  keys: string[]
}

async function knownFiles({cache, input}: PipelineOptions): Promise<Known | undefined> {
  return cache ? readKnown(knownPath(cache, input)) : undefined
}

/** A folder record, if it is there and of this pipeline version. */
async function readKnown(path: string): Promise<Known | undefined> {
  const known = readStored<Known>(path)
  return isKnown(known) && known.version === (await pipelineVersion()) ? known : undefined
}

function isKnown(value: unknown): value is Known {
  if (typeof value !== 'object' || value === null) return false
  const {version, files, keys} = value as Partial<Known>
  const filesOk =
    typeof files === 'object' &&
    files !== null &&
    typeof files.context === 'string' &&
    typeof files.files === 'object' &&
    files.files !== null
  return typeof version === 'string' && filesOk && Array.isArray(keys) && keys.every((key) => typeof key === 'string')
}

/** Names of folder records (`knownPath`). */
const recordName = /^[0-9a-f]{16}\.v8$/u

function knownPath(cache: string, input: string): string {
  return join(cache, 'folders', `${createHash('sha1').update(resolve(input)).digest('hex').slice(0, 16)}.v8`)
}

/**
 * Split and tag every gazette, taking unchanged ones from the cache and
 * the rest from the process pool; a gazette the stages fail on is reported
 * and left out. The pool starts first and works while the cache is read,
 * even for a single new gazette when there are many entries to read:
 * loading the segmenter takes as long as reading thousands of them.
 * Undefined when a gazette read without its text is not in the cache.
 */
async function splitAndTag(
  records: Array<SourceGazette | ReadRecord>,
  keys: readonly string[],
  reports: VFileMessage[],
  options: PipelineOptions & {pool: Pool}
): Promise<Pick<Built, 'gazettes' | 'keys'> | undefined> {
  const {cache} = options
  const stored = cache ? keys.map((key) => isCached(cache, key)) : []
  const fresh = records.flatMap((_, index) => (stored[index] ? [] : [index]))
  const withText = (indices: number[]) => {
    const sources = indices.map((index) => records[index]!)
    return sources.every(hasText) ? sources : undefined
  }
  const freshSources = withText(fresh)
  if (!freshSources) return undefined
  // Progress counts the cached gazettes as done from the start.
  let done = records.length - fresh.length
  // Each result is kept as it comes, not after the last: a cold build of 40,000 articles spent two seconds writing them at the end.
  const writes: Array<Promise<void>> = []
  const onDone = (indices: number[]) => (position: number, outcome: Outcome) => {
    options.onProgress?.(++done, records.length)
    if (!cache || !('gazette' in outcome)) return
    const write = writeCached(cache, keys[indices[position]!]!, outcome.gazette)
    write.catch(() => undefined) // awaited below; a failure must not go unhandled meanwhile
    writes.push(write)
  }
  const running = options.pool.processAll(freshSources, onDone(fresh), {
    inBackground: records.length - fresh.length >= readsWorthAProcess
  })
  // The processes have their work: they go on while this thread reads.
  const gazettes = cache ? keys.map((key, index) => (stored[index] ? readCached(cache, key) : undefined)) : []
  // An entry that was there but could not be read is split again.
  const unreadable = records.flatMap((_, index) => (stored[index] && !gazettes[index] ? [index] : []))
  const again = withText(unreadable)
  if (!again) {
    // Rare (a damaged cache): what the processes make now is made again in the next try.
    await running
    await Promise.all(writes)
    return undefined
  }
  done -= unreadable.length
  const outcomes = [...(await running), ...(await options.pool.processAll(again, onDone(unreadable)))]
  await Promise.all(writes)
  for (const [position, index] of [...fresh, ...unreadable].entries()) {
    const outcome = outcomes[position]!
    if ('error' in outcome) {
      const reason = `left out: split and tag failed: ${outcome.error.split('\n')[0]}`
      reports.push(message(records[index]!.source, 'pipeline', 'crash', reason))
      continue
    }
    gazettes[index] = outcome.gazette
  }
  return {
    gazettes: gazettes.filter((gazette): gazette is Gazette => gazette !== undefined),
    keys: new Map(keys.map((key, index) => [records[index]!.source, key]))
  }
}

function hasText(record: SourceGazette | ReadRecord): record is SourceGazette {
  return 'text' in record
}

/**
 * Delete the cache entries no content folder known to the cache uses: those
 * of files changed or gone since, and all those of an older pipeline
 * version, with its folder records. Left alone, the cache would only grow:
 * every upgrade would leave a copy of every result behind. The number of
 * entries deleted. A build calls it last: deleting thousands of files slows
 * the writing of files that comes right after (see `scripts/bench.ts`).
 */
export async function pruneCache(cache: string): Promise<number> {
  const live = new Set<string>()
  const folders = join(cache, 'folders')
  for (const name of await readdir(folders).catch(() => [])) {
    if (!recordName.test(name) && !isLeftOver(name)) continue
    const known = isLeftOver(name) ? undefined : await readKnown(join(folders, name))
    if (known) for (const key of known.keys) live.add(key)
    else await rm(join(folders, name), {force: true})
  }
  // Only names the build writes: nothing else in the folder is its to delete.
  const stale = (await readdir(cache)).filter(
    (name) => isLeftOver(name) || (entryName.test(name) && !live.has(name.slice(0, -'.v8'.length)))
  )
  for (const name of stale) await rm(join(cache, name), {force: true})
  return stale.length
}

/** A temporary file of a build that was killed (its process is gone): one still running may be about to rename it. */
function isLeftOver(name: string): boolean {
  return temporaryName.test(name) && isProcessGone(Number(name.split('.').at(-2)))
}
