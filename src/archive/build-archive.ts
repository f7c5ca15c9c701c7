import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import type {Division, Gazette, Item} from '../model/types.js'
import {loadDivisions, parentCode} from '../tag/gazetteer.js'
import {distinctIds, freeName} from './distinct-ids.js'
import {slugify} from './ids.js'
import {cutByCount} from './parts.js'
import {calendarOf} from './calendar.js'
import {dayLabel, monthLabel} from './labels.js'
import {buildPapers} from './papers.js'
import {dateUrl, gazetteUrl, itemUrl, listPageUrl, personUrl, placeFeedUrl, placeUrl, undatedUrl} from './urls.js'
import type {
  Archive,
  ArchiveGazette,
  ArchiveItem,
  DateNode,
  Issue,
  ListPage,
  Locality,
  LocalityPage,
  Person
} from './model.js'

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
  const archiveGazettes: ArchiveGazette[] = gazettes.map((gazette) => {
    const {items: gazetteItems, ...rest} = gazette
    const pageItems = gazetteItems.map((item, index) => toArchiveItem(item, gazette, index))
    items.push(...pageItems)
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
  linkContinuations(items, gazettes)
  const byId = new Map(items.map((item) => [item.id, item]))
  // One link to each item, shared by every page that links to it: its heading is final now.
  const links = new Map(items.map((item) => [item.id, {url: item.url, heading: item.heading}]))
  for (const gazette of archiveGazettes) {
    gazette.itemIds.forEach((id, index) => {
      const item = byId.get(id)!
      item.previous = index > 0 ? links.get(gazette.itemIds[index - 1]!)! : null
      item.next = links.get(gazette.itemIds[index + 1]!) ?? null
    })
  }

  const newestFirst = [...items].sort(compareNewestFirst)
  const localities = buildLocalities(newestFirst, divisions)
  const positions = new Map<string, Map<string, number>>()
  for (const item of items) {
    const place = item.primaryPlace ? localities[item.primaryPlace] : undefined
    if (!place) continue
    let position = positions.get(place.code)
    if (!position) positions.set(place.code, (position = new Map(place.itemIds.map((id, index) => [id, index]))))
    item.related = around(place.itemIds, position.get(item.id)!, 5).map((id) => links.get(id)!)
  }
  const pageSize = options.pageSize ?? 20
  const dated = archiveGazettes.filter((gazette) => gazette.metadata.date)
  const undatedGazettes = archiveGazettes.filter((gazette) => !gazette.metadata.date)
  const dates = dated.map((gazette) => gazette.metadata.date!).sort()
  const dateTree = buildDateTree(dated)
  const undatedPages = paginateUndated(undatedGazettes, options.undatedPageSize ?? 500)
  const sources = new Map(gazettes.map((gazette) => [gazette.id, gazette.source]))
  const {people, reports: peopleReports} = buildPeople(newestFirst, (id) => sources.get(byId.get(id)!.gazetteId)!)

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

/**
 * The neighbours of `list[index]` in a newest-first timeline: two newer,
 * the rest older, topped up from the other side at either end. Only items
 * near a new one change their list, so a rebuild after adding today's
 * pages touches few old item pages.
 */
export function around<T>(list: readonly T[], index: number, count: number): T[] {
  const start = Math.max(0, Math.min(index - 2, list.length - 1 - count))
  return [...list.slice(start, index), ...list.slice(index + 1, start + count + 1)]
}

function toArchiveItem(item: Item, gazette: Gazette, index: number): ArchiveItem {
  // Every field named, not a spread or Object.assign: objects of one shape, built in half the time.
  return {
    id: item.id,
    kind: item.kind,
    dateline: item.dateline,
    kicker: item.kicker,
    title: item.title,
    subtitle: item.subtitle,
    byline: item.byline,
    bylines: item.bylines,
    body: item.body,
    start: item.start,
    continuedFrom: item.continuedFrom,
    continuedTo: item.continuedTo,
    places: item.places,
    primaryPlace: item.primaryPlace,
    corrections: item.corrections,
    gazetteId: gazette.id,
    url: itemUrl(item.id),
    heading: headingOf(item),
    metadata: gazette.metadata,
    order: index + 1,
    previous: null,
    next: null,
    related: [],
    continues: null,
    continuedBy: null
  }
}

/** What lists show for an item: its title, else the start of its text. */
export function headingOf(item: Pick<Item, 'title' | 'kind' | 'body'>): string {
  if (item.title) return item.title
  const text = item.body.find((block) => block.type === 'paragraph')?.text ?? ''
  const start = [...text].slice(0, 24).join('') + ([...text].length > 24 ? '…' : '')
  return item.kind === 'photo' ? `图片新闻：${start}` : `（续）${start}`
}

function gazetteLabel(gazette: Gazette): string {
  const {paper, date, page, pageName} = gazette.metadata
  const parts = [paper, date, page === null ? null : `第${page}版`, pageName].filter((part) => part !== null)
  return parts.length > 0 ? parts.join(' ') : gazette.source
}

/** Dated before undated; then paper, date, page, source: a total order. */
function compareGazettes(a: Gazette, b: Gazette): number {
  const am = a.metadata
  const bm = b.metadata
  return (
    Number(am.date === null) - Number(bm.date === null) ||
    (am.date ?? '').localeCompare(bm.date ?? '') ||
    (am.paper ?? '').localeCompare(bm.paper ?? '') ||
    (am.page ?? 0) - (bm.page ?? 0) ||
    a.source.localeCompare(b.source)
  )
}

/** Dated items newest first, then undated; by id within a date. */
export function compareNewestFirst(a: ArchiveItem, b: ArchiveItem): number {
  return (
    Number(a.metadata.date === null) - Number(b.metadata.date === null) ||
    (b.metadata.date ?? '').localeCompare(a.metadata.date ?? '') ||
    a.id.localeCompare(b.id)
  )
}

/** Previous and next page (版) within the same issue (paper and date). */
function linkIssuePages(gazettes: ArchiveGazette[]): void {
  const issues = new Map<string, ArchiveGazette[]>()
  for (const gazette of gazettes) {
    if (!gazette.metadata.date) continue
    const key = `${gazette.metadata.paper ?? ''}|${gazette.metadata.date}`
    issues.set(key, [...(issues.get(key) ?? []), gazette])
  }
  for (const pages of issues.values()) {
    pages.forEach((gazette, index) => {
      const before = pages[index - 1]
      const after = pages[index + 1]
      gazette.previous = before ? {url: before.url, label: before.label} : null
      gazette.next = after ? {url: after.url, label: after.label} : null
    })
  }
}

/**
 * `(上接1版)` on page 2 continues the item on page 1 of the same issue
 * that says `(下转2版)`; link the two so the site shows one story.
 */
function linkContinuations(items: ArchiveItem[], gazettes: Gazette[]): void {
  const pageOf = new Map(gazettes.map((gazette) => [gazette.id, gazette.metadata]))
  const key = (paper: string | null, date: string | null, page: number | null) => `${paper ?? ''}|${date}|${page}`
  const continuedTo = new Map<string, ArchiveItem[]>()
  for (const item of items) {
    const meta = pageOf.get(item.gazetteId)!
    if (item.continuedTo === null || !meta.date || meta.page === null) continue
    const target = key(meta.paper, meta.date, item.continuedTo)
    continuedTo.set(target, [...(continuedTo.get(target) ?? []), item])
  }
  for (const item of items) {
    const meta = pageOf.get(item.gazetteId)!
    if (item.continuedFrom === null || !meta.date || meta.page === null) continue
    const candidates = (continuedTo.get(key(meta.paper, meta.date, meta.page)) ?? []).filter(
      (other) => pageOf.get(other.gazetteId)!.page === item.continuedFrom
    )
    const head = candidates[0]
    if (!head) continue
    if (item.title === null) item.heading = `${head.heading}（续）`
    item.continues = {id: head.id, url: head.url, heading: head.heading, page: item.continuedFrom}
    head.continuedBy = {id: item.id, url: item.url, heading: item.heading, page: meta.page}
  }
}

function buildLocalities(items: ArchiveItem[], divisions: ReadonlyMap<string, Division>): Record<string, Locality> {
  const localities: Record<string, Locality> = {}
  // A municipality's city level (上海市's 市辖区) is a grouping, not a place: its districts sit under the municipality.
  const grouping = (code: string) => divisions.get(code)?.level === 'city' && divisions.get(code)!.path.length === 1
  const above = (code: string) => {
    const parent = parentCode(code)
    return parent !== undefined && grouping(parent) ? parentCode(parent) : parent
  }
  const ensure = (code: string): Locality => {
    const existing = localities[code]
    if (existing) return existing
    const division = divisions.get(code)!
    const parent = above(code) ?? null
    const locality: Locality = {
      ...division,
      url: placeUrl(code),
      feedUrl: placeFeedUrl(code),
      parent,
      children: [],
      itemIds: []
    }
    localities[code] = locality
    if (parent && divisions.has(parent)) ensure(parent).children.push(code)
    else locality.parent = null
    return locality
  }
  for (const item of items) {
    const codes = new Set<string>()
    for (const place of item.places) {
      for (let code: string | undefined = place.code; code && divisions.has(code); code = above(code)) codes.add(code)
    }
    for (const code of codes) ensure(code).itemIds.push(item.id)
  }
  for (const locality of Object.values(localities)) locality.children.sort()
  return localities
}

function paginateLocalities(
  localities: Record<string, Locality>,
  byId: ReadonlyMap<string, ArchiveItem>,
  size: number
): LocalityPage[] {
  return Object.values(localities)
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((locality) =>
      paginate(locality.itemIds, locality.url, byId, size).map((page) => ({code: locality.code, ...page}))
    )
}

/**
 * The pages of a newest-first list of items whose own page is at `url`.
 * The list is cut into runs of `size` counted from the oldest; archive page
 * n holds run n. The own page holds the newest run, and the one before it
 * while the newest is less than half full. A new item thus changes the own
 * page and, when it starts a run, one archive page appears and its older
 * neighbour's link changes: the other pages stay as they are, however long
 * the list grows.
 */
export function paginate(
  itemIds: readonly string[],
  url: string,
  byId: ReadonlyMap<string, ArchiveItem>,
  size: number
): ListPage[] {
  const oldestFirst = [...itemIds].reverse()
  const runs = Math.ceil(oldestFirst.length / size)
  const onOwnPage = runs > 1 && oldestFirst.length - (runs - 1) * size < size / 2 ? runs - 1 : runs
  const urlOf = (n: number) => (n >= onOwnPage ? url : listPageUrl(url, n))
  const page = (archivePage: number | null, ids: string[]): ListPage => {
    const n = archivePage ?? onOwnPage
    return {
      archivePage,
      url: urlOf(n),
      itemIds: ids,
      dates: {newest: byId.get(ids[0]!)?.metadata.date ?? null, oldest: byId.get(ids.at(-1)!)?.metadata.date ?? null},
      newerUrl: archivePage === null ? null : urlOf(n + 1),
      olderUrl: n > 1 ? urlOf(n - 1) : null
    }
  }
  const pages = [page(null, oldestFirst.slice(Math.max(0, onOwnPage - 1) * size).reverse())]
  for (let n = onOwnPage - 1; n >= 1; n--) pages.push(page(n, oldestFirst.slice((n - 1) * size, n * size).reverse()))
  return pages
}

/** Year → month → day, newest first; each day lists its issues and their pages. */
function buildDateTree(gazettes: ArchiveGazette[]): DateNode[] {
  const years = new Map<string, DateNode>()
  const node = (parent: DateNode[] | Map<string, DateNode>, key: string, label: string, url: string): DateNode => {
    const list = parent instanceof Map ? [...parent.values()] : parent
    let found = list.find((each) => each.key === key)
    if (!found) {
      found = {key, label, url, itemCount: 0, children: [], issues: [], calendar: []}
      if (parent instanceof Map) parent.set(key, found)
      else parent.push(found)
    }
    return found
  }
  for (const gazette of gazettes) {
    const date = gazette.metadata.date!
    const [y, m] = date.split('-') as [string, string]
    const year = node(years, y, `${y}年`, dateUrl(y))
    const month = node(year.children, `${y}-${m}`, monthLabel(`${y}-${m}`), dateUrl(`${y}-${m}`))
    const day = node(month.children, date, dayLabel(date), dateUrl(date))
    let issue: Issue | undefined = day.issues.find((each) => each.paper === gazette.metadata.paper)
    if (!issue) {
      issue = {date, paper: gazette.metadata.paper, gazetteIds: []}
      day.issues.push(issue)
    }
    issue.gazetteIds.push(gazette.id)
    for (const each of [year, month, day]) each.itemCount += gazette.itemIds.length
  }
  const newestFirst = (list: DateNode[]): DateNode[] =>
    list.sort((a, b) => b.key.localeCompare(a.key)).map((each) => ({...each, children: newestFirst(each.children)}))
  const tree = newestFirst([...years.values()])
  for (const month of tree.flatMap((year) => year.children))
    month.calendar = calendarOf(month.key, new Map(month.children.map((day) => [Number(day.key.slice(8)), day])))
  return tree
}

/**
 * The undated gazettes, in archive order, in pages of at most `size`
 * (`/dates/undated/1/`…), each listing its gazettes by paper as a day
 * lists its issues: the dates page links the pages rather than listing
 * thousands of gazettes itself. None when one page would hold them all.
 */
function paginateUndated(gazettes: ArchiveGazette[], size: number): DateNode[] {
  if (gazettes.length <= size) return []
  return cutByCount(gazettes, size).map((run, index) => ({
    key: `undated-${index + 1}`,
    label: `日期不详的版面（第${index + 1}部分）`,
    url: undatedUrl(index + 1),
    itemCount: run.reduce((sum, gazette) => sum + gazette.itemIds.length, 0),
    children: [],
    issues: issuesByPaper(run),
    calendar: []
  }))
}

/** Undated gazettes as issues, one per run of one paper (archive order keeps a paper's together). */
function issuesByPaper(gazettes: ArchiveGazette[]): Issue[] {
  const issues: Issue[] = []
  for (const gazette of gazettes) {
    const last = issues.at(-1)
    if (last && last.paper === gazette.metadata.paper) last.gazetteIds.push(gazette.id)
    else issues.push({date: null, paper: gazette.metadata.paper, gazetteIds: [gazette.id]})
  }
  return issues
}

type SourceOf = (itemId: string) => string

function buildPeople(items: ArchiveItem[], sourceOf: SourceOf): {people: Person[]; reports: VFileMessage[]} {
  const people = new Map<string, Person>()
  for (const item of items) {
    for (const byline of item.bylines) {
      const person = people.get(byline.name) ?? {name: byline.name, slug: '', url: '', roles: [], itemIds: []}
      if (byline.role && !person.roles.includes(byline.role)) person.roles.push(byline.role)
      if (person.itemIds.at(-1) !== item.id) person.itemIds.push(item.id)
      people.set(byline.name, person)
    }
  }
  const list = [...people.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.name.localeCompare(b.name)
  )
  const reports = assignSlugs(list).map(([person, keeper]) => sameSlug(person, keeper, sourceOf))
  return {people: list, reports}
}

/**
 * A slug and URL for every person. Names slug alike (张三 and 章三 are both
 * `zhang-san`): the first by name keeps the slug, each other gets a hash
 * of the name after it, which no other name's slug takes (a number counted
 * up would: a person named `zhang-san-2`). The people renamed, with the one
 * who kept the slug.
 */
function assignSlugs(people: Person[]): Array<[Person, Person]> {
  const bases = new Map(people.map((person) => [person, slugify(person.name)]))
  const taken = new Set(bases.values())
  const keepers = new Map<string, Person>()
  const renamed: Array<[Person, Person]> = []
  // By code point, not by the locale's collation: the same on every machine.
  for (const person of [...people].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const base = bases.get(person)!
    const keeper = keepers.get(base)
    if (keeper) {
      person.slug = freeName(base, person.name, taken)
      taken.add(person.slug)
      renamed.push([person, keeper])
    } else {
      keepers.set(base, person)
      person.slug = base
    }
    person.url = personUrl(person.slug)
  }
  return renamed
}

/** A note, not a warning: names that sound alike are common, and the URL is still the person's own. */
function sameSlug(person: Person, keeper: Person, sourceOf: SourceOf): VFileMessage {
  const reason =
    `${person.name} would share the URL ${personUrl(keeper.slug)} with ${keeper.name}` +
    ` (of ${sourceOf(keeper.itemIds[0]!)}): built at ${person.url}`
  return message(sourceOf(person.itemIds[0]!), 'archive', 'same-slug', reason, {severity: 'info'})
}

function flattenDates(nodes: DateNode[]): DateNode[] {
  return nodes.flatMap((node) => [node, ...flattenDates(node.children)])
}
