import {createHash} from 'node:crypto'
import {readdir, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import type {KnownFiles} from '../read/read-folder.js'
import {isProcessGone} from '../util/process-gone.js'
import {entryName, readStored, temporaryName, writeStored} from './cache.js'

/**
 * What the last build with this cache read of a content folder, for the
 * read of the next one: each file's size and time with its read record, and
 * the cache entries of the folder's gazettes.
 */
export interface FolderRecord {
  /** The pipeline's version: its records are valid only for the same code. */
  version: string
  files: KnownFiles
  /** The cache entries of the folder's gazettes: the ones `pruneCache` keeps. */
  keys: string[]
}

/** The folder's record, if there is one of this pipeline `version`. */
export function readFolderRecord(cache: string, input: string, version: string): FolderRecord | undefined {
  const record = readStored<FolderRecord>(recordPath(cache, input))
  return isFolderRecord(record) && record.version === version ? record : undefined
}

export function writeFolderRecord(cache: string, input: string, record: FolderRecord): Promise<void> {
  return writeStored(recordPath(cache, input), record)
}

function isFolderRecord(value: unknown): value is FolderRecord {
  if (typeof value !== 'object' || value === null) return false
  const {version, files, keys} = value as Partial<FolderRecord>
  const filesOk =
    typeof files === 'object' &&
    files !== null &&
    typeof files.context === 'string' &&
    typeof files.files === 'object' &&
    files.files !== null
  return typeof version === 'string' && filesOk && Array.isArray(keys) && keys.every((key) => typeof key === 'string')
}

/** Names of folder records (`recordPath`). */
const recordName = /^[0-9a-f]{16}\.v8$/u

function recordPath(cache: string, input: string): string {
  return join(cache, 'folders', `${createHash('sha1').update(resolve(input)).digest('hex').slice(0, 16)}.v8`)
}

/**
 * Delete the cache entries no content folder known to the cache uses: those
 * of files changed or gone since, and all those of an older pipeline
 * version, with its folder records. Left alone, the cache would only grow:
 * every upgrade would leave a copy of every result behind. The number of
 * entries deleted. A build calls it last: deleting thousands of files slows
 * the writing of files that comes right after (see `scripts/bench.ts`).
 */
export async function pruneCache(cache: string, version: string): Promise<number> {
  const live = new Set<string>()
  const folders = join(cache, 'folders')
  for (const name of await readdir(folders).catch(() => [])) {
    if (!recordName.test(name) && !isLeftOver(name)) continue
    const record = isLeftOver(name) ? undefined : readStored<FolderRecord>(join(folders, name))
    if (isFolderRecord(record) && record.version === version) for (const key of record.keys) live.add(key)
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
