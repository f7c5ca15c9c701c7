import {monthOf} from '../archive/export.js'
import type {Archive} from '../archive/model.js'
import {groupBy} from './group-by.js'

/** One file of the sitemap and the site paths it lists. */
export interface SitemapPart {
  url: string
  entries: Array<{path: string; lastmod: string | null}>
}

const computed = new WeakMap<Archive, SitemapPart[]>()

/**
 * The parts of the sitemap, which `/sitemap.xml` indexes: a sitemap may
 * list at most 50,000 URLs, and the archive has more pages than that. One
 * part per month holds its gazette pages and items, one the undated ones,
 * one the lists (places, dates, people). Adding today's pages thus changes
 * this month's part and the lists, not the whole sitemap. Computed once per
 * archive: the site state, the page lists and the templates all ask.
 */
export function sitemapParts(archive: Archive): SitemapPart[] {
  let parts = computed.get(archive)
  if (parts) return parts
  // An item's metadata is its gazette's.
  const months = groupBy([...archive.gazettes, ...archive.items], (page) => monthOf(page.metadata))
  const lists = ['/', '/places/', '/dates/', '/people/', ...[...archive.localityPages, ...archive.datePages, ...archive.personPages].map((page) => page.url)]
  parts = [
    {url: '/sitemaps/lists.xml', entries: lists.map((path) => ({path, lastmod: null}))},
    ...[...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, pages]) => ({url: `/sitemaps/${month}.xml`, entries: pages.map((page) => ({path: page.url, lastmod: page.metadata.date}))}))
  ]
  computed.set(archive, parts)
  return parts
}
