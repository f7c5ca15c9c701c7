import type {Archive} from '../archive/model.js'
import {pageEntries} from '../incremental/fingerprints.js'
import {sitemapParts, type SitemapPart} from './sitemaps.js'

/** The records of the paginated templates to render (all of them in a full build). */
export interface PageLists {
  items: Archive['items']
  gazettes: Archive['gazettes']
  papers: Archive['papers']
  issues: Archive['issues']
  redirects: Archive['redirects']
  datePages: Archive['datePages']
  personPages: Archive['personPages']
  localityPages: Archive['localityPages']
  localityCodes: Archive['localityCodes']
  sitemaps: SitemapPart[]
}

/** The names of the lists, in the order they are rendered (and built, below). */
const names = [
  'items',
  'gazettes',
  'papers',
  'issues',
  'redirects',
  'datePages',
  'personPages',
  'localityPages',
  'localityCodes',
  'sitemaps'
] as const
// Every list named: one left out would be left out of the slices, and `listNames` would not compile.
const listNames: [Exclude<keyof PageLists, (typeof names)[number]>] extends [never] ? typeof names : never = names

/** The records of the pages to render: all, or those whose file is in `files`. */
export function pageLists(archive: Archive, files?: ReadonlySet<string>): PageLists {
  if (!files)
    return {
      items: archive.items,
      gazettes: archive.gazettes,
      papers: archive.papers,
      issues: archive.issues,
      redirects: archive.redirects,
      datePages: archive.datePages,
      personPages: archive.personPages,
      localityPages: archive.localityPages,
      localityCodes: archive.localityCodes,
      sitemaps: sitemapParts(archive)
    }
  const lists = emptyLists()
  for (const entry of pageEntries(archive)) {
    if (files.has(entry.file)) (lists[entry.list] as unknown[]).push(entry.record)
  }
  return lists
}

/**
 * Cut page lists into slices of at most `size` pages, in order: Eleventy
 * holds every page it renders until the end of a run, so a big archive is
 * rendered in several runs to bound the memory it takes.
 */
export function slicePages(lists: PageLists, size: number): PageLists[] {
  const slices: PageLists[] = []
  let slice: PageLists | undefined
  let count = 0
  for (const key of listNames) {
    for (const record of lists[key]) {
      if (!slice || count === size) {
        slice = emptyLists()
        slices.push(slice)
        count = 0
      }
      ;(slice[key] as unknown[]).push(record)
      count++
    }
  }
  return slices.length > 0 ? slices : [emptyLists()]
}

/** How many pages the lists hold. */
export function pageCount(lists: PageLists): number {
  return listNames.reduce((sum, name) => sum + lists[name].length, 0)
}

function emptyLists(): PageLists {
  return {
    items: [],
    gazettes: [],
    papers: [],
    issues: [],
    redirects: [],
    datePages: [],
    personPages: [],
    localityPages: [],
    localityCodes: [],
    sitemaps: []
  }
}
