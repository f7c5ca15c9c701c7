import type UserConfig from '@11ty/eleventy/UserConfig'
import type {Archive, ArchiveGazette, ArchiveItem, Locality, Person} from '../archive/model.js'
import {compareNewestFirst} from '../archive/order.js'
import {dateLabel} from '../archive/labels.js'
import {dateUrl, originalUrl, placeUrl} from '../archive/urls.js'
import {citationMeta, cslDataUrl, cslJson, gbt7714} from './citation.js'
import type {SiteSettings} from './settings.js'
import {renderBody} from './render-body.js'
import {required} from '../util/required.js'

/**
 * Register the filters the templates use (every one the site has), as
 * eleventy-base-blog's `_config/filters.js` does. Lookups go through maps
 * built once here, so that pages name items by id and the data Eleventy
 * holds stays one copy of each item.
 */
export function addFilters(eleventyConfig: UserConfig, archive: Archive, site: SiteSettings): void {
  const items = new Map<string, ArchiveItem>(archive.items.map((item) => [item.id, item]))
  const gazettes = new Map<string, ArchiveGazette>(archive.gazettes.map((gazette) => [gazette.id, gazette]))
  const people = new Map<string, Person>(archive.people.map((person) => [person.name, person]))

  eleventyConfig.addFilter('item', (id: string) => items.get(id))
  eleventyConfig.addFilter('items', (ids: string[]) => ids.map((id) => required(items.get(id), 'an item listed')))
  eleventyConfig.addFilter('gazette', (id: string) => gazettes.get(id))
  eleventyConfig.addFilter('itemCount', (ids: string[]) =>
    ids.reduce((sum, id) => sum + required(gazettes.get(id), 'a gazette listed').itemIds.length, 0)
  )
  eleventyConfig.addFilter('locality', (code: string) => archive.localities[code])
  eleventyConfig.addFilter('localities', (codes: string[]) =>
    codes.map((code) => required(archive.localities[code], 'a locality listed'))
  )
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
    return cslDataUrl([cslJson(item, site.url ? absolute(site, item.url) : '')])
  })
  // The URLs templates make from an id (src/archive/urls.ts); the model's records carry their own `url`.
  eleventyConfig.addFilter('placeUrl', placeUrl)
  eleventyConfig.addFilter('originalUrl', originalUrl)
  eleventyConfig.addFilter('dayUrl', (date: string | null) => (date ? dateUrl(date) : null))
}

export function ancestors(archive: Archive, code: string): Locality[] {
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

export function absolute(site: SiteSettings, path: string): string {
  const base = `${site.basePath.replace(/\/$/u, '')}${path}`
  return site.url ? new URL(base, site.url).href : base
}

export function newest(list: ArchiveItem[], count: number): ArchiveItem[] {
  return [...list].sort(compareNewestFirst).slice(0, count)
}

/** schema.org NewsArticle of an item, for JSON-LD. */
export function newsArticle(item: ArchiveItem, site: SiteSettings): Record<string, unknown> {
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
