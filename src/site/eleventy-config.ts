import {HtmlBasePlugin} from '@11ty/eleventy'
import type UserConfig from '@11ty/eleventy/UserConfig'
import type {Archive, ArchiveGazette, ArchiveItem, Locality, Person} from '../archive/model.js'
import {compareNewestFirst} from '../archive/build-archive.js'
import {extname} from 'node:path'
import {dayLabel} from '../archive/labels.js'
import {citationMeta, cslJson, gbt7714} from './citation.js'
import {markdownToHtml} from './markdown.js'
import {renderBody} from './render-body.js'
import {pageLists, type PageLists} from './site-state.js'
import {sitemapParts} from './sitemaps.js'

/** What the archivist says of the site (`gazette.config.yaml`); each has a default. */
export interface SiteText {
  title?: string | undefined
  description?: string | undefined
  /** BCP 47 language tag of the pages. */
  language?: string | undefined
  /** Markdown of the about page. */
  about?: string | undefined
  /** Markdown of the footer. */
  footer?: string | undefined
  /** Path of an image file, copied to the site as `logo.<ext>`. */
  logo?: string | undefined
}

/** Site-wide settings, as global data `site`. */
export interface SiteSettings {
  /** Absolute URL of the published site, for feeds and the sitemap (optional). */
  url: string
  /** Prefix every URL lives under, e.g. `/gazettes/` on GitHub Pages. */
  basePath: string
  title: string
  description: string
  language: string
  /** HTML of the about page and the footer, from their Markdown; empty when not given. */
  aboutHtml: string
  footerHtml: string
  /** URL path of the logo in the site (`/logo.png`), and the file it is copied from; empty without one. */
  logo: string
  logoFile: string
  /** Each newspaper page's text as extracted is published beside it (`page.txt`). */
  originals: boolean
}

/** The defaults of what the archivist may say. */
export const defaultSiteText = {
  title: '地方报纸档案',
  description: '地方报纸版面与稿件档案：按地方、日期、版面浏览，全文检索。',
  language: 'zh-CN'
}

/** Site settings from the archivist's text: Markdown made HTML, defaults filled in. */
export function siteSettingsOf(text: SiteText, url: string, basePath: string): SiteSettings {
  return {
    url,
    basePath,
    title: text.title ?? defaultSiteText.title,
    description: text.description ?? defaultSiteText.description,
    language: text.language ?? defaultSiteText.language,
    aboutHtml: text.about ? markdownToHtml(text.about) : '',
    footerHtml: text.footer ? markdownToHtml(text.footer) : '',
    logo: text.logo ? `/logo${extname(text.logo).toLowerCase()}` : '',
    logoFile: text.logo ?? '',
    originals: false
  }
}

/**
 * Register the archive, the pages to render and the filters the templates use. Lookups go
 * through maps built once here, so that pages name items by id and the
 * data Eleventy holds stays one copy of each item.
 */
export function configureSite(
  eleventyConfig: UserConfig,
  archive: Archive,
  site: SiteSettings,
  pages: PageLists = pageLists(archive)
): void {
  const items = new Map<string, ArchiveItem>(archive.items.map((item) => [item.id, item]))
  const gazettes = new Map<string, ArchiveGazette>(archive.gazettes.map((gazette) => [gazette.id, gazette]))
  const people = new Map<string, Person>(archive.people.map((person) => [person.name, person]))

  // Installed, the tool's templates live below node_modules, which Eleventy
  // ignores by default, as it does what the user's .gitignore lists.
  eleventyConfig.ignores.delete('**/node_modules/**')
  eleventyConfig.setUseGitIgnore(false)
  // Eleventy warns of slow filters (`[11ty] Benchmark 159ms 72% …`) even in quiet mode, through a logger of
  // its own: the build times its stages itself (--stats), and the warning would only alarm an archivist.
  ;(eleventyConfig.benchmarks as Benchmarks).config.setMinimumThresholdMs(0)
  eleventyConfig.addGlobalData('archive', archive)
  // What the paginated templates render: everything, or in a rebuild only the pages that changed.
  eleventyConfig.addGlobalData('pages', pages)
  eleventyConfig.addGlobalData('site', site)
  if (site.logoFile) eleventyConfig.addPassthroughCopy({[site.logoFile]: site.logo.slice(1)})
  eleventyConfig.addGlobalData('sitemaps', sitemapParts(archive))
  // The plugin rewrites every link of every page; at the root there is nothing to rewrite.
  if (site.basePath !== '/') eleventyConfig.addPlugin(HtmlBasePlugin)

  eleventyConfig.addFilter('item', (id: string) => items.get(id))
  eleventyConfig.addFilter('items', (ids: string[]) => ids.map((id) => items.get(id)!))
  eleventyConfig.addFilter('gazette', (id: string) => gazettes.get(id))
  eleventyConfig.addFilter('itemCount', (ids: string[]) =>
    ids.reduce((sum, id) => sum + gazettes.get(id)!.itemIds.length, 0)
  )
  eleventyConfig.addFilter('locality', (code: string) => archive.localities[code])
  eleventyConfig.addFilter('localities', (codes: string[]) => codes.map((code) => archive.localities[code]!))
  eleventyConfig.addFilter('person', (name: string) => people.get(name))
  eleventyConfig.addFilter('ancestors', (code: string) => ancestors(archive, code))
  eleventyConfig.addFilter('bodyHtml', (item: ArchiveItem) => renderBody(item.body))
  eleventyConfig.addFilter('jsonLd', (value: unknown) => safeJson(value))
  eleventyConfig.addFilter('newsArticle', (item: ArchiveItem) => newsArticle(item, site))
  eleventyConfig.addFilter('dateLabel', (date: string | null) => dateLabel(date))
  eleventyConfig.addFilter('absolute', (path: string) => absolute(site, path))
  eleventyConfig.addFilter('newest', (list: ArchiveItem[], count: number) => newest(list, count))
  // The date a page was built, as the date it is cited (the page's script puts today's in its place).
  const cited = new Date().toISOString().slice(0, 10)
  eleventyConfig.addFilter('citation', (item: ArchiveItem) => gbt7714(item))
  eleventyConfig.addFilter('onlineCitation', (item: ArchiveItem) =>
    site.url ? gbt7714(item, {url: absolute(site, item.url), cited}) : ''
  )
  eleventyConfig.addFilter('citationMeta', (item: ArchiveItem) => citationMeta(item, site.language))
  eleventyConfig.addFilter('cslHref', (item: ArchiveItem) => {
    const csl = JSON.stringify([cslJson(item, site.url ? absolute(site, item.url) : '')])
    return `data:application/vnd.citationstyles.csl+json;charset=utf-8,${encodeURIComponent(csl)}`
  })
  eleventyConfig.addFilter('dayUrl', (date: string | null) => (date ? `/dates/${date.replaceAll('-', '/')}/` : null))
}

/** Eleventy's JSDoc types `benchmarks` as a bare `object`: its `config` is the group that times filters. */
type Benchmarks = {config: {setMinimumThresholdMs(ms: number): void}}

function ancestors(archive: Archive, code: string): Locality[] {
  const chain: Locality[] = []
  for (
    let locality = archive.localities[code];
    locality;
    locality = locality.parent ? archive.localities[locality.parent] : undefined
  )
    chain.unshift(locality)
  return chain
}

/** JSON that can stand inside `<script>`: `<` never appears raw. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029')
}

export function dateLabel(date: string | null): string {
  return date ? dayLabel(date) : '日期不详'
}

function absolute(site: SiteSettings, path: string): string {
  const base = `${site.basePath.replace(/\/$/u, '')}${path}`
  return site.url ? new URL(base, site.url).href : base
}

function newest(list: ArchiveItem[], count: number): ArchiveItem[] {
  return [...list].sort(compareNewestFirst).slice(0, count)
}

/** schema.org NewsArticle of an item, for JSON-LD. */
function newsArticle(item: ArchiveItem, site: SiteSettings): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.heading,
    ...(item.subtitle ? {alternativeHeadline: item.subtitle} : {}),
    ...(item.metadata.date ? {datePublished: item.metadata.date} : {}),
    ...(item.metadata.paper ? {publisher: {'@type': 'Organization', name: item.metadata.paper}} : {}),
    author: item.bylines.map((byline) => ({'@type': 'Person', name: byline.name})),
    contentLocation: item.places.map((place) => ({
      '@type': 'Place',
      name: place.path.join(''),
      identifier: place.code
    })),
    inLanguage: site.language,
    url: absolute(site, item.url)
  }
}
