import {readdir} from 'node:fs/promises'
import {join, relative} from 'node:path'
import Eleventy from '@11ty/eleventy'
import type UserConfig from '@11ty/eleventy/UserConfig'
import type {Archive} from '../archive/model.js'
import type {Gazette} from '../model/types.js'
import {configureSite} from './eleventy-config.js'
import {defaultSiteText, siteSettingsOf, type SiteText} from './settings.js'
import {manifestOf, writeSiteManifest} from './site-manifest.js'
import {layerTemplates} from './layer-templates.js'
import {assetUrls} from './assets.js'
import {indexForSearch} from './search/write-index.js'
import {timed, type Timings} from '../util/timings.js'
import type {UpdatePlan} from './update.js'
import {pageCount, pageLists, slicePages} from './page-lists.js'
import {normaliseBasePath} from './base-path.js'
import {packageRoot} from './package-root.js'
import {writeData} from './write-data.js'
import {writeOriginals} from './write-originals.js'
import {isArray} from '../util/is-array.js'

export interface SiteOptions {
  output: string
  basePath: string
  siteUrl: string
  /** What the archivist says of the site: title, about text… (`gazette.config.yaml`). */
  text?: SiteText | undefined
  /** The archivist's templates, laid over the tool's file by file. */
  templates?: string | undefined
  /** The content folder: each newspaper page's text as extracted is published from it. */
  input?: string | undefined
  /** Filled with the time each stage took. */
  timings?: Timings
  /** A rebuild: render, index and export only what `plan` names; the rest is in `previous`. */
  update?: {plan: UpdatePlan; previous: string}
  /**
   * Pages an Eleventy run renders at most: it holds them all until it ends (10,000 take about 0.5 GB, too
   * near the bounded heap).
   */
  pagesPerRun?: number
  /** Hears of each page written, with the number expected (a progress bar). */
  onPage?: ((done: number, total: number) => void) | undefined
}

/** Templates with a page per record of a list; the others render the whole-site pages (home, lists, feeds, search). */
const paginated = new Set([
  'item.njk',
  'gazette.njk',
  'paper.njk',
  'issue.njk',
  'redirect.njk',
  'date.njk',
  'person.njk',
  'place.njk',
  'place-feed.njk',
  'sitemap-part.njk'
])

/**
 * Render the archive with Eleventy (all of it, or what a rebuild plan names), write the bulk data files
 * and index for search.
 */
export async function buildSite(
  archive: Archive,
  gazettes: Gazette[],
  options: SiteOptions
): Promise<{pages: number; searchBundles: number}> {
  const {update} = options
  // The index is built from the archive, not the pages: in a thread of its own it runs beside the render.
  // A rebuild indexes by its plan (see `planSearch`): nothing, the bundles that changed, or all.
  const plan = update?.plan.search ?? {kind: 'full'}
  const search = timed(options.timings, 'search', async () =>
    plan.kind === 'keep' ? undefined : indexForSearch(options.output, archive.items, {plan})
  )
  search.catch(() => undefined) // awaited below; a failure must not go unhandled meanwhile
  let pages: number
  try {
    pages = await timed(options.timings, 'render', () => render(archive, options))
    await timed(options.timings, 'data', () => writeData(archive, gazettes, options.output, update?.plan.data))
    const title = options.text?.title ?? defaultSiteText.title
    await writeSiteManifest(
      options.output,
      manifestOf(archive, {...options, basePath: normaliseBasePath(options.basePath), title})
    )
    const {input} = options
    if (input)
      await timed(options.timings, 'data', () =>
        writeOriginals(archive.gazettes, input, options.output, update?.plan.files)
      )
  } catch (error) {
    // Let the index finish writing into the output before the caller removes it.
    await search.catch(() => undefined)
    throw error
  }
  return {pages, searchBundles: (await search)?.indexed.length ?? 0}
}

/**
 * Render the pages in runs of at most `options.pagesPerRun`, the whole-site pages in the first; the number
 * of pages written.
 */
async function render(archive: Archive, options: SiteOptions): Promise<number> {
  const basePath = normaliseBasePath(options.basePath)
  const layered = await layerTemplates(join(packageRoot, 'templates'), options.templates)
  try {
    return await renderFrom(layered.folder, archive, {...options, basePath})
  } finally {
    await layered.done()
  }
}

async function renderFrom(templates: string, archive: Archive, options: SiteOptions): Promise<number> {
  const {basePath} = options
  const site = siteSettingsOf(options.text ?? {}, options.siteUrl, basePath, {
    originals: options.input !== undefined,
    assets: await assetUrls(templates)
  })
  // Eleventy reads ignores against the working directory.
  const wholeSite = (await readdir(templates, {recursive: true}))
    .filter((name) => name.endsWith('.njk') && !name.startsWith('_includes') && !paginated.has(name))
    .map((name) => relative(process.cwd(), join(templates, name)))
  let pages = 0
  const lists = pageLists(archive, options.update?.plan.files)
  // What the bar expects: a page per record, and the whole-site pages.
  const expected = pageCount(lists) + wholeSite.length
  let written = 0
  for (const [index, slice] of slicePages(lists, options.pagesPerRun ?? 5_000).entries()) {
    const elev = new Eleventy(templates, options.output, {
      configPath: join(packageRoot, '.eleventy.js'),
      pathPrefix: basePath,
      quietMode: true,
      config: (eleventyConfig: UserConfig) => {
        configureSite(eleventyConfig, archive, site, slice)
        const {onPage} = options
        if (onPage)
          eleventyConfig.addTransform('progress', (content: unknown) => {
            written++
            onPage(Math.min(written, expected), expected)
            return content
          })
        // (Eleventy's JSDoc leaves the globs of `ignores` untyped.)
        const {ignores}: {ignores: Set<string>} = eleventyConfig
        if (index > 0) for (const template of wholeSite) ignores.add(template)
      }
    })
    // quietMode still prints "Wrote N files"; the CLI prints its own summary, and errors are thrown.
    elev.disableLogger()
    // Eleventy's JSDoc says `Promise<{Array}>`: it is the passthrough copies and the pages written.
    const results: unknown = await elev.write()
    if (!isArray(results)) throw new Error('Eleventy’s write gave no list of what it wrote')
    const [, pageResults] = results
    pages += isArray(pageResults) ? pageResults.length : results.length
  }
  options.onPage?.(expected, expected)
  return pages
}
