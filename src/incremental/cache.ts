import {createHash, hash as hashOnce} from 'node:crypto'
import {accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {restore, store, toRecord, type Stored} from '../model/messages.js'
import type {Gazette, ReadRecord} from '../model/types.js'
import {isArray} from '../util/is-array.js'
import {isRecord} from '../util/is-record.js'

/*
 * Split + tag results, one file per gazette, keyed by everything the
 * result depends on: the file's path and bytes, its metadata (home region
 * included), corrections and read reports, and the version of the code and
 * data that made it. Entries are in V8's serialization format, not JSON:
 * a rebuild reads thousands of them, and V8 reads its own format in half
 * the time it parses the same data as JSON.
 */

/** The cache key of one gazette under a pipeline `version`; its home region is in its metadata. */
export function cacheKey(source: ReadRecord, version: string): string {
  return createHash('sha256')
    .update(version)
    .update(
      JSON.stringify([source.source, source.hash, source.metadata, source.corrections, source.reports.map(toRecord)])
    )
    .digest('hex')
    .slice(0, 32)
}

/*
 * Entries are read synchronously: the build thread has nothing else to do
 * meanwhile, and fs/promises takes three times as long for a small file
 * (a file handle, and four trips to the thread pool).
 */

/** Whether an entry is there (it may still fail to read). */
export function isCached(folder: string, key: string): boolean {
  return existsSync(entryPath(folder, key))
}

/** An entry, or undefined when it is missing, damaged or not a gazette (a cache miss). */
export function readCached(folder: string, key: string): Gazette | undefined {
  const value = readStored<Stored<Gazette>>(entryPath(folder, key))
  return isGazette(value) ? restore(value) : undefined
}

export function writeCached(folder: string, key: string, gazette: Gazette): Promise<void> {
  return writeStored(entryPath(folder, key), store(gazette))
}

/*
 * A stored value is a checksum and V8's serialization of the value: a bit
 * flipped on disk would otherwise be published as it reads (白甸镇 → 發甸镇),
 * V8's format having no check of its own. SHA-1 of 100 MB of entries takes
 * about 0.2 s.
 */
const magic = Buffer.from('GZC1')
const sumLength = 20

/** A value kept in V8's format, or undefined when it is missing, damaged or unreadable. */
export function readStored<T>(path: string): T | undefined {
  try {
    const bytes = readFileSync(path)
    const payload = bytes.subarray(magic.length + sumLength)
    if (
      !bytes.subarray(0, magic.length).equals(magic) ||
      !bytes.subarray(magic.length, magic.length + sumLength).equals(checksum(payload))
    )
      return undefined
    return deserialize(payload) as T
  } catch {
    return undefined
  }
}

export function writeStored(path: string, value: unknown): Promise<void> {
  const payload = serialize(value)
  return writeAtomically(path, Buffer.concat([magic, checksum(payload), payload]))
}

function checksum(payload: Uint8Array): Buffer {
  return hashOnce('sha1', payload, 'buffer')
}

/**
 * Whether a value read back has the shape of a gazette, as far as the
 * build relies on it: an entry of another shape (written by hand, or by a
 * version whose key collided) would otherwise crash every build.
 */
export function isGazette(value: unknown): value is Stored<Gazette> {
  if (
    !isRecord(value) ||
    typeof value.id !== 'string' ||
    typeof value.source !== 'string' ||
    typeof value.hash !== 'string'
  )
    return false
  if (!isRecord(value.metadata) || !Array.isArray(value.reports) || !isArray(value.items)) return false
  return value.items.every(isItem)
}

function isItem(item: unknown): boolean {
  if (!isRecord(item) || typeof item.id !== 'string' || typeof item.kind !== 'string' || !isRecord(item.start))
    return false
  return Array.isArray(item.body) && Array.isArray(item.places) && Array.isArray(item.bylines)
}

function entryPath(folder: string, key: string): string {
  return join(folder, `${key}.v8`)
}

/** Names of the files a build writes in the cache folder; `pruneCache` deletes no other. */
export const entryName = /^[0-9a-f]{32}\.v8$/u
/** A temporary file of `writeAtomically`, left by a killed build. */
export const temporaryName = /^[0-9a-f]{16,32}\.(?:v8|json)\.\d+\.tmp$/u
const tagName = 'CACHEDIR.TAG'
// The Cache Directory Tagging Specification: backup tools skip a folder holding it.
const tagText =
  'Signature: 8a477f597d28d172789f06886806bc55\n# A cache of gazette build (gazette-archive). It may be deleted.\n'

/**
 * Make `folder` the build's cache, or say why it cannot be one: it is a
 * file, cannot be written, or holds files the build did not write (a
 * mistyped `--cache` must not have them pruned). A folder of an older
 * version (no tag, only the build's files) is taken and tagged.
 */
export function claimCache(folder: string): string | undefined {
  try {
    if (existsSync(folder) && !statSync(folder).isDirectory()) return `${folder} is a file, not a folder`
    mkdirSync(folder, {recursive: true})
    accessSync(folder, constants.W_OK)
    const tag = join(folder, tagName)
    if (existsSync(tag))
      return readFileSync(tag, 'utf8') === tagText ? undefined : `${folder} holds another program's cache (${tagName})`
    const foreign = readdirSync(folder).filter(
      (name) => !['folders', 'sites'].includes(name) && !entryName.test(name) && !temporaryName.test(name)
    )
    if (foreign.length > 0) return `${folder} holds files the build did not write (${foreign.slice(0, 3).join(', ')})`
    writeFileSync(tag, tagText)
    return undefined
  } catch (error) {
    return `${folder} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
  }
}

/** A cache file's value, or undefined when it is missing or unreadable (a cache miss). */
export async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    return undefined
  }
}

export function writeJson(path: string, value: unknown): Promise<void> {
  return writeAtomically(path, JSON.stringify(value))
}

/** Written to a temporary name first, so that a killed build leaves no half file. */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, path)
}
