import {compareNewestFirst} from './order.js'
import type {VFileMessage} from 'vfile-message'
import type {Division, Gazette} from '../model/types.js'
import {loadDivisions} from '../tag/gazetteer.js'
import {distinctIds} from './distinct-ids.js'
import {buildPapers} from './papers.js'
import {gazetteUrl} from './urls.js'
import type {Archive, ArchiveGazette, ArchiveItem} from './model.js'
import {around, linkContinuations, toArchiveItem} from './items.js'
import {compareGazettes, gazetteLabel, linkIssuePages} from './gazettes.js'
import {buildLocalities, paginateLocalities} from './localities.js'
import {paginate} from './paginate.js'
import {buildDateTree, flattenDates, isDated, paginateUndated} from './date-tree.js'
import {buildPeople} from './people.js'
import {required} from '../util/required.js'

export interface ArchiveOptions {
  /** Items per page of a locality's list. */
  pageSize?: number
  /** Reports from reading the folder itself (manifest, unreadable files). */
  reports?: VFileMessage[]
  /** Gazettes per page of the undated ones. */
  undatedPageSize?: number
}

/**
 * Turn the processed gazettes into the archive the site renders: items in a
 * stable order with their neighbours, the locality tree with counts, the
 * date tree, people from bylines, and URLs for all of them, one page each.
 * Gazettes that share an id are given their own, in place (`distinctIds`).
 */
export function buildArchive(
  input: Gazette[],
  options: ArchiveOptions = {},
  divisions: ReadonlyMap<string, Division> = loadDivisions()
): Archive {
  const gazettes = [...input].sort(compareGazettes)
  const idReports = distinctIds(gazettes)
  const items: ArchiveItem[] = []
  // Each gazette's items, in its order.
  const pages: ArchiveItem[][] = []
  const archiveGazettes: ArchiveGazette[] = gazettes.map((gazette) => {
    const {items: gazetteItems, ...rest} = gazette
    const pageItems = gazetteItems.map((item, index) => toArchiveItem(item, gazette, index))
    items.push(...pageItems)
    pages.push(pageItems)
    return {
      ...rest,
      url: gazetteUrl(gazette.id),
      label: gazetteLabel(gazette),
      itemIds: pageItems.map((item) => item.id),
      previous: null,
      next: null,
      issue: null
    }
  })
  linkIssuePages(archiveGazettes)
  const {papers, issues} = buildPapers(archiveGazettes)
  // Before neighbours are linked: a continued fragment takes its story's heading.
  linkContinuations(items)
  const byId = new Map(items.map((item) => [item.id, item]))
  // One link to each item, shared by every page that links to it: its heading is final now.
  const links = new Map<string, {url: string; heading: string}>()
  for (const pageItems of pages) {
    const linked = pageItems.map((item) => ({item, link: {url: item.url, heading: item.heading}}))
    for (const [index, {item, link}] of linked.entries()) {
      links.set(item.id, link)
      item.previous = linked[index - 1]?.link ?? null
      item.next = linked[index + 1]?.link ?? null
    }
  }
  const linkTo = (id: string) => required(links.get(id), 'link to an item')

  const newestFirst = [...items].sort(compareNewestFirst)
  const localities = buildLocalities(newestFirst, divisions)
  const positions = new Map<string, Map<string, number>>()
  for (const item of items) {
    const place = item.primaryPlace ? localities[item.primaryPlace] : undefined
    if (!place) continue
    let position = positions.get(place.code)
    if (!position) positions.set(place.code, (position = new Map(place.itemIds.map((id, index) => [id, index]))))
    // The item is in the list of its primary place: buildLocalities put it there.
    const index = required(position.get(item.id), 'item in its primary place')
    item.related = around(place.itemIds, index, 5).map(linkTo)
  }
  const pageSize = options.pageSize ?? 20
  const dated = archiveGazettes.filter(isDated)
  const undatedGazettes = archiveGazettes.filter((gazette) => !gazette.metadata.date)
  const dates = dated.map((gazette) => gazette.metadata.date).sort()
  const dateTree = buildDateTree(dated)
  const undatedPages = paginateUndated(undatedGazettes, options.undatedPageSize ?? 500)
  const sources = new Map(gazettes.map((gazette) => [gazette.id, gazette.source]))
  // Every id a person lists is an item's, and every item's gazette is in `sources`.
  const sourceOf = (id: string) => required(sources.get(required(byId.get(id), 'item').gazetteId), 'gazette of an item')
  const {people, reports: peopleReports} = buildPeople(newestFirst, sourceOf)

  return {
    gazettes: archiveGazettes,
    papers,
    issues,
    // Only a build that knows the site before can tell what moved (see site/redirects.ts).
    redirects: [],
    items,
    localities,
    localityRoots: Object.values(localities)
      .filter((locality) => locality.parent === null)
      .map((locality) => locality.code)
      .sort(),
    localityPages: paginateLocalities(localities, byId, pageSize),
    localityCodes: Object.keys(localities).sort(),
    dates: dateTree,
    datePages: [...flattenDates(dateTree), ...undatedPages],
    undated:
      undatedGazettes.length > 0
        ? {date: null, paper: null, gazetteIds: undatedGazettes.map((gazette) => gazette.id)}
        : null,
    undatedPages,
    people,
    personPages: people.flatMap((person) =>
      paginate(person.itemIds, person.url, byId, pageSize).map((page) => ({name: person.name, ...page}))
    ),
    stats: {
      gazettes: gazettes.length,
      items: items.length,
      articles: items.filter((item) => item.kind === 'article').length,
      photos: items.filter((item) => item.kind === 'photo').length,
      fragments: items.filter((item) => item.kind === 'fragment').length,
      papers: [
        ...new Set(gazettes.map((gazette) => gazette.metadata.paper).filter((paper): paper is string => paper !== null))
      ].sort(),
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
      places: Object.values(localities).filter((locality) => locality.level === 'district' || locality.level === 'town')
        .length
    },
    reports: [
      ...(options.reports ?? []),
      ...gazettes.flatMap((gazette) => gazette.reports),
      ...idReports,
      ...peopleReports
    ]
  }
}
