import type {Archive} from '../archive/model.js'
import {required} from '../util/required.js'
import {fileOf} from './output-file.js'
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

/** A page of the paginated templates: its list, its record and the file it is written to. */
export type PageEntry = {
  [List in keyof PageLists]: {list: List; record: PageLists[List][number]; file: string}
}[keyof PageLists]

/** Every page of the paginated templates, in the order of the lists. */
export function pageEntries(archive: Archive): PageEntry[] {
  const feedOf = (code: string) => required(archive.localities[code], 'a locality listed').feedUrl
  return [
    ...archive.items.map((record) => ({list: 'items' as const, record, file: fileOf(record.url)})),
    ...archive.gazettes.map((record) => ({list: 'gazettes' as const, record, file: fileOf(record.url)})),
    ...archive.papers.map((record) => ({list: 'papers' as const, record, file: fileOf(record.url)})),
    ...archive.issues.map((record) => ({list: 'issues' as const, record, file: fileOf(record.url)})),
    ...archive.redirects.map((record) => ({list: 'redirects' as const, record, file: fileOf(record.from)})),
    ...archive.datePages.map((record) => ({list: 'datePages' as const, record, file: fileOf(record.url)})),
    ...archive.personPages.map((record) => ({list: 'personPages' as const, record, file: fileOf(record.url)})),
    ...archive.localityPages.map((record) => ({list: 'localityPages' as const, record, file: fileOf(record.url)})),
    ...archive.localityCodes.map((record) => ({list: 'localityCodes' as const, record, file: fileOf(feedOf(record))})),
    ...sitemapParts(archive).map((record) => ({list: 'sitemaps' as const, record, file: fileOf(record.url)}))
  ]
}

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
