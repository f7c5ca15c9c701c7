import {mkdir, readdir, writeFile, copyFile} from 'node:fs/promises'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import Eleventy from '@11ty/eleventy'
import type {Archive} from '../archive/model.js'
import {toCsv, toPublicArchive} from '../archive/export.js'
import type {Gazette} from '../types.js'
import {configureSite, type EleventyConfig} from './eleventy-config.js'
import {searchFilter} from './search/bundles.js'
import {indexForSearch} from './search/write-index.js'
import {timed, type Timings} from '../pipeline/timings.js'
import {pageLists, slicePages, type UpdatePlan} from './site-state.js'
import {shortName} from '../tag/gazetteer.js'

/** The package root: templates, .eleventy.js and schema/ live there. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface SiteOptions {
  output: string
  basePath: string
  siteUrl: string
  /** Filled with the time each stage took. */
  timings?: Timings
  /** A rebuild: render and index only what `plan` names; the other item pages are in `previous`. */
  update?: {plan: UpdatePlan; previous: string}
  /** Pages an Eleventy run renders at most: it holds them all until it ends (10,000 take about 0.35 GB). */
  pagesPerRun?: number
}


/** The templates with one page per record of a list; the others render the whole-site pages (home, indexes, feeds, search). */
const paginated = new Set(['item.njk', 'gazette.njk', 'date.njk', 'person.njk', 'place.njk', 'place-feed.njk'])

/** Render the archive with Eleventy (all of it, or what a rebuild plan names), write the bulk data files and index for search. */
export async function buildSite(archive: Archive, gazettes: Gazette[], options: SiteOptions): Promise<{pages: number; searchBundles: number}> {
  const {update} = options
  // The index is built from the archive, not the pages: in a thread of its own it runs beside the render.
  const search = timed(options.timings, 'search', () => indexForSearch(options.output, archive.items, update ? {only: update.plan.bundles, previous: update.previous} : {}))
  search.catch(() => undefined) // awaited below; a failure must not go unhandled meanwhile
  let pages: number
  try {
    pages = await timed(options.timings, 'render', () => render(archive, options))
    await timed(options.timings, 'data', () => writeData(archive, gazettes, options.output))
  } catch (error) {
    // Let the index finish writing into the output before the caller removes it.
    await search.catch(() => undefined)
    throw error
  }
  const {indexed} = await search
  return {pages, searchBundles: indexed.length}
}

/** Render the pages in runs of at most `options.pagesPerRun`, the whole-site pages in the first; the number of pages written. */
async function render(archive: Archive, options: SiteOptions): Promise<number> {
  const basePath = normaliseBasePath(options.basePath)
  const templates = join(packageRoot, 'templates')
  // Eleventy reads ignores against the working directory.
  const wholeSite = (await readdir(templates, {recursive: true})).filter((name) => name.endsWith('.njk') && !name.startsWith('_includes') && !paginated.has(name)).map((name) => relative(process.cwd(), join(templates, name)))
  let pages = 0
  for (const [index, slice] of slicePages(pageLists(archive, options.update?.plan.files), options.pagesPerRun ?? 10_000).entries()) {
    const elev = new Eleventy(templates, options.output, {
      configPath: join(packageRoot, '.eleventy.js'),
      pathPrefix: basePath,
      quietMode: true,
      config: (eleventyConfig: EleventyConfig) => {
        configureSite(eleventyConfig, archive, {url: options.siteUrl, basePath}, slice)
        if (index > 0) for (const template of wholeSite) eleventyConfig.ignores.add(template)
      }
    })
    // quietMode still prints "Wrote N files"; the CLI prints its own summary, and errors are thrown.
    // disableLogger is public, but missing from Eleventy's types.
    ;(elev as unknown as {disableLogger(): void}).disableLogger()
    const results = (await elev.write()) as unknown as [unknown[], unknown[]] | unknown[]
    pages += Array.isArray(results[1]) ? results[1].length : results.length
  }
  return pages
}

async function writeData(archive: Archive, gazettes: Gazette[], output: string): Promise<void> {
  const folder = join(output, 'data')
  await mkdir(folder, {recursive: true})
  await writeFile(join(folder, 'places.json'), JSON.stringify(searchPlaces(archive)))
  await writeFile(join(folder, 'archive.json'), JSON.stringify(toPublicArchive(gazettes)))
  await writeFile(join(folder, 'items.csv'), '\uFEFF' + toCsv(gazettes))
  await copyFile(join(packageRoot, 'schema', 'gazette-archive.schema.json'), join(folder, 'gazette-archive.schema.json'))
}

/** `gazettes` → `/gazettes/`. */
export function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/gu, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/**
 * The districts and towns of the archive under every name a reader may
 * type (`石港镇`, `石港`, `通州区石港镇`), with the search filter each
 * stands for: the search page turns such words into filters.
 */
function searchPlaces(archive: Archive) {
  return Object.values(archive.localities)
    .filter((locality) => locality.level === 'district' || locality.level === 'town')
    .map((locality) => {
      const [level, filter] = searchFilter(locality).split(/:(.*)/u) as [string, string]
      const names = [locality.name, shortName(locality.name, locality.level), filter].filter((name): name is string => name !== undefined)
      return {level, filter, label: filter, url: locality.url, names: [...new Set(names)]}
    })
}
