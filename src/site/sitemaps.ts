import {monthOf} from '../archive/export.js'
import type {Archive} from '../archive/model.js'
import {namedParts} from '../archive/parts.js'
import {sitemapUrl} from '../archive/urls.js'
import {groupBy} from '../util/group-by.js'

/** One file of the sitemap and the site paths it lists. */
export interface SitemapPart {
  url: string
  entries: Array<{path: string; lastmod: string | null}>
}

/**
 * Most URLs a sitemap part lists: the protocol allows 50,000; a fifth of
 * that keeps each part a page of a megabyte or two to render and fetch.
 */
export const sitemapLimit = 10_000

type Entries = SitemapPart['entries']

const computed = new WeakMap<Archive, SitemapPart[]>()

/**
 * The parts of the sitemap, which `/sitemap.xml` indexes: a sitemap may
 * list at most 50,000 URLs, and the archive has more pages than that. One
 * part per month holds its gazette pages and items, one the undated ones,
 * one the lists (places, dates, people); each cut into parts of at most
 * `limit` (`2024-03.xml`, `2024-03-2.xml`…), as the undated pages or the
 * lists of a big archive are more than a sitemap may hold. Adding today's
 * pages thus changes this month's part and the lists, not the whole
 * sitemap. Computed once per archive: the site state, the page lists and
 * the templates all ask.
 */
export function sitemapParts(archive: Archive, limit = sitemapLimit): SitemapPart[] {
  let parts = limit === sitemapLimit ? computed.get(archive) : undefined
  if (parts) return parts
  // An item's metadata is its gazette's.
  const issues = archive.issues.map((issue) => ({url: issue.url, metadata: {date: issue.date}}))
  const months = groupBy([...archive.gazettes, ...issues, ...archive.items], (page) => monthOf(page.metadata))
  const listPages = [...archive.localityPages, ...archive.datePages, ...archive.personPages, ...archive.papers]
  // The fixed pages are at their templates' permalinks; the other URLs are made in src/archive/urls.ts.
  const lists = ['/', '/places/', '/dates/', '/papers/', '/people/', ...listPages.map((page) => page.url)]
  const named: Array<[string, Entries]> = [
    ['lists', lists.map((path) => ({path, lastmod: null}))],
    ...[...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, pages]): [string, Entries] => [month, pages.map(entryOf)])
  ]
  parts = named.flatMap(([name, entries]) => namedParts(name, entries, limit).map(([part, run]) => toPart(part, run)))
  if (limit === sitemapLimit) computed.set(archive, parts)
  return parts
}

function entryOf(page: {url: string; metadata: {date: string | null}}): Entries[number] {
  return {path: page.url, lastmod: page.metadata.date}
}

function toPart(name: string, entries: Entries): SitemapPart {
  return {url: sitemapUrl(name), entries}
}
