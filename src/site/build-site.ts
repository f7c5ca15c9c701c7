import {mkdir, writeFile, copyFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import Eleventy from '@11ty/eleventy'
import type {Archive} from '../archive/model.js'
import {toCsv, toPublicArchive} from '../archive/export.js'
import type {Gazette} from '../types.js'
import {configureSite, type EleventyConfig} from './eleventy-config.js'
import {searchFilter} from './search/bundles.js'
import {indexForSearch} from './search/write-index.js'
import {timed, type Timings} from '../pipeline/timings.js'
import {pageLists, type UpdatePlan} from './site-state.js'
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
}

/** Render the archive with Eleventy (all of it, or what a rebuild plan names), write the bulk data files and index for search. */
export async function buildSite(archive: Archive, gazettes: Gazette[], options: SiteOptions): Promise<{pages: number; searchBundles: number}> {
  const basePath = normaliseBasePath(options.basePath)
  const elev = new Eleventy(join(packageRoot, 'templates'), options.output, {
    configPath: join(packageRoot, '.eleventy.js'),
    pathPrefix: basePath,
    quietMode: true,
    config: (eleventyConfig: EleventyConfig) => configureSite(eleventyConfig, archive, {url: options.siteUrl, basePath}, pageLists(archive, options.update?.plan.files))
  })
  const results = (await timed(options.timings, 'render', () => elev.write())) as unknown as [unknown[], unknown[]] | unknown[]
  const pages = Array.isArray(results[1]) ? results[1].length : results.length
  await timed(options.timings, 'data', () => writeData(archive, gazettes, options.output))
  const {update} = options
  const search = await timed(options.timings, 'search', () => indexForSearch(options.output, archive.items, update ? {only: update.plan.bundles, previous: update.previous} : {}))
  return {pages, searchBundles: search.indexed.length}
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
