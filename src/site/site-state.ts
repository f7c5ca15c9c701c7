import {createHash, hash as hashOnce} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Archive, ArchiveGazette, ArchiveItem, DateNode, LocalityPage, PersonPage} from '../archive/model.js'
import type {MessageRecord} from '../model/messages.js'
import {hashFiles, readJson, writeJson} from '../pipeline/cache.js'
import {fileOf} from './output-file.js'
import {urlsBySource} from './redirects.js'
import {isInsidePath} from '../util/inside-path.js'
import {searchBundles} from './search/bundles.js'
import {sitemapParts, type SitemapPart} from './sitemaps.js'
import {dataParts} from './write-data.js'

/**
 * What a built site was made from: for every page of the paginated
 * templates, its output file and a hash of everything it shows, and for
 * every search bundle a hash of its items. Comparing two states tells
 * which pages a new archive changes, so a rebuild renders only those.
 */
export interface SiteState {
  /** Templates, site code and settings the pages were rendered with: any change means a full build. */
  version: string
  /** By output file (`items/x/index.html`): a hash of what the page shows. */
  pages: Record<string, string>
  /** By bundle name: a hash of its items' articles. */
  bundles: Record<string, string>
  /** By data part (year): a hash of its gazettes. */
  data: Record<string, string>
  /** The release of the output the state describes: a state of another (a killed build's) means a full build. */
  release?: string
  /** The content folder the site was built from, as `folderSnapshot` sees it. */
  input?: string
  /** The build's summary and problems, printed again when nothing changed. */
  summary?: {lines: string[]; problems: MessageRecord[]}
  /** By source file: the URL of its newspaper page, then its items' (what a later build compares to leave redirects). */
  urls?: Record<string, string[]>
  /** Redirects kept: old URL → where it went. */
  moved?: Record<string, string>
}

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

/** What a rebuild must do to turn the previous site into the new one. */
export interface UpdatePlan {
  /** Paginated pages to render, by output file. */
  files: Set<string>
  /** Output files of pages that no longer exist. */
  stale: string[]
  /** Search bundles to index afresh. */
  bundles: Set<string>
  /** Search bundles that no longer exist. */
  staleBundles: string[]
  /** Data parts to write afresh. */
  data: Set<string>
  /** Data parts that no longer exist. */
  staleData: string[]
}

/**
 * What pages show of the archive, as text to hash. An item is shown in
 * three ways, each a superset of the one before: its card (what a list
 * shows: heading, date, places…), its article (what the search index holds:
 * the card and the rest of a continued story) and its own page (the article
 * and the links around it). A list hashes its items' cards, not their pages,
 * so that a new neighbour in an old item's "related" list re-renders that
 * item's page and not its gazette's and dates' pages too. What split and tag
 * made of a gazette stands as its cache key: at 40,000 items, hashing their
 * text took a second. Each page is hashed once, as one text.
 */
function hashers(archive: Archive, keys: ReadonlyMap<string, string>) {
  const items = new Map(archive.items.map((item) => [item.id, item]))
  const gazettes = new Map(archive.gazettes.map((gazette) => [gazette.id, gazette]))
  const personUrls = new Map(archive.people.map((person) => [person.name, person.url]))
  // Without a cache (tests), the item itself, but the links around it.
  const content = (item: ArchiveItem) =>
    keys.get(gazettes.get(item.gazetteId)!.source) ?? hashOf({...item, previous: null, next: null, related: null})
  const cardHashes = new Map<string, string>()
  const card = (item: ArchiveItem) => {
    let hash = cardHashes.get(item.id)
    if (hash === undefined) cardHashes.set(item.id, (hash = hashText(`${content(item)}\t${item.id}\t${item.heading}`)))
    return hash
  }
  const article = (item: ArchiveItem) => {
    const rest = item.continuedBy && items.get(item.continuedBy.id)
    return rest ? `${card(item)}\t${card(rest)}` : card(item)
  }
  const cards = (ids: readonly string[]) => ids.map((id) => card(items.get(id)!)).join('\n')
  const link = (to: {url: string; heading?: string; label?: string; page?: number} | null) =>
    to ? `${to.url}\t${to.heading ?? to.label}\t${to.page ?? ''}` : ''
  const itemPage = (item: ArchiveItem) => {
    const gazette = gazettes.get(item.gazetteId)!
    const links = [item.continues, item.continuedBy, item.previous, item.next, ...item.related].map(link)
    return hashText(
      [
        article(item),
        ...links,
        gazette.source,
        gazette.label,
        ...item.bylines.map((byline) => personUrls.get(byline.name))
      ].join('\n')
    )
  }
  // Not the record itself: its reports alone are megabytes of JSON at 40,000 items.
  const gazettePage = (gazette: ArchiveGazette) =>
    hashText(
      [
        keys.get(gazette.source) ?? hashOf(gazette),
        gazette.url,
        gazette.label,
        link(gazette.previous),
        link(gazette.next),
        hashOf(gazette.issue),
        cards(gazette.itemIds)
      ].join('\n')
    )
  // A date page lists its gazettes by label and count.
  const datePage = (node: DateNode) =>
    hashText(
      [
        JSON.stringify(node),
        ...node.issues.flatMap((issue) =>
          issue.gazetteIds.map((id) => link(gazettes.get(id)!) + gazettes.get(id)!.itemIds.length)
        )
      ].join('\n')
    )
  return {article, cards, itemPage, gazettePage, datePage}
}

type Hashers = ReturnType<typeof hashers>

/** Every paginated page of the archive, with its file and what it shows. */
function pageEntries(
  archive: Archive,
  hashes?: Hashers
): Array<{file: string; list: keyof PageLists; record: unknown; hash: () => string}> {
  // Made on the first hash: a rebuild's page lists only pick entries by file.
  let made = hashes
  const hash = () => (made ??= hashers(archive, new Map()))
  // A locality's own page shows its counts and its children's; its archive pages only its name and place in the tree.
  const locality = (listing: LocalityPage) => {
    const {itemIds, children, ...rest} = archive.localities[listing.code]!
    if (listing.archivePage !== null) return rest
    return {
      ...rest,
      count: itemIds.length,
      children: children.map((child) => [archive.localities[child]!.name, archive.localities[child]!.itemIds.length])
    }
  }
  // A person's own page shows their roles and count too.
  const people = new Map(archive.people.map((person) => [person.name, person]))
  const person = (listing: PersonPage) => {
    const {roles, itemIds} = people.get(listing.name)!
    return listing.archivePage === null ? [roles, itemIds.length] : null
  }
  const gazetteLabels = new Map(archive.gazettes.map((gazette) => [gazette.id, gazette.label]))
  const gazetteItems = new Map(archive.gazettes.map((gazette) => [gazette.id, gazette.itemIds]))
  const list = (heading: unknown, itemIds: readonly string[]) =>
    hashText(`${JSON.stringify(heading)}\n${hash().cards(itemIds)}`)
  return [
    ...archive.items.map((item) => ({
      file: fileOf(item.url),
      list: 'items' as const,
      record: item,
      hash: () => hash().itemPage(item)
    })),
    ...archive.gazettes.map((gazette) => ({
      file: fileOf(gazette.url),
      list: 'gazettes' as const,
      record: gazette,
      hash: () => hash().gazettePage(gazette)
    })),
    // A paper's page shows its issues' dates and page counts; an issue's, its pages and their items.
    ...archive.papers.map((paper) => ({
      file: fileOf(paper.url),
      list: 'papers' as const,
      record: paper,
      hash: () => hashOf(paper)
    })),
    ...archive.issues.map((issue) => ({
      file: fileOf(issue.url),
      list: 'issues' as const,
      record: issue,
      hash: () =>
        list(
          [issue, issue.gazetteIds.map((id) => gazetteLabels.get(id))],
          issue.gazetteIds.flatMap((id) => gazetteItems.get(id) ?? [])
        )
    })),
    ...archive.redirects.map((redirect) => ({
      file: fileOf(redirect.from),
      list: 'redirects' as const,
      record: redirect,
      hash: () => hashText(redirect.to)
    })),
    ...archive.datePages.map((node) => ({
      file: fileOf(node.url),
      list: 'datePages' as const,
      record: node,
      hash: () => hash().datePage(node)
    })),
    ...archive.personPages.map((listing) => ({
      file: fileOf(listing.url),
      list: 'personPages' as const,
      record: listing,
      hash: () => list([listing, person(listing)], listing.itemIds)
    })),
    ...archive.localityPages.map((listing) => ({
      file: fileOf(listing.url),
      list: 'localityPages' as const,
      record: listing,
      hash: () => list([listing, locality(listing)], listing.itemIds)
    })),
    ...archive.localityCodes.map((code) => {
      const place = archive.localities[code]!
      return {
        file: fileOf(place.feedUrl),
        list: 'localityCodes' as const,
        record: code,
        hash: () => list(place.name, place.itemIds.slice(0, 50))
      }
    }),
    ...sitemapParts(archive).map((part) => ({
      file: fileOf(part.url),
      list: 'sitemaps' as const,
      record: part,
      hash: () => hashOf(part)
    }))
  ]
}

/** The state of a site built from `archive` (its gazettes' cache `keys` by source) with templates and settings `version`. */
export function siteState(archive: Archive, version: string, keys: ReadonlyMap<string, string> = new Map()): SiteState {
  const hash = hashers(archive, keys)
  const pages: Record<string, string> = {}
  for (const entry of pageEntries(archive, hash)) pages[entry.file] = entry.hash()
  const bundles: Record<string, string> = {}
  for (const [bundle, members] of searchBundles(archive.items))
    bundles[bundle] = hashText(members.map(hash.article).join('\n'))
  const data: Record<string, string> = {}
  for (const [part, members] of dataParts(archive.gazettes)) {
    // The id too: a file added elsewhere can rename a gazette (two that would share a URL), and the data carries ids.
    data[part] = hashText(
      members.map((gazette) => `${keys.get(gazette.source) ?? hash.gazettePage(gazette)}\t${gazette.id}`).join('\n')
    )
  }
  const moved = Object.fromEntries(archive.redirects.map(({from, to}) => [from, to]))
  return {version, pages, bundles, data, urls: urlsBySource(archive), moved}
}

/** What to rebuild to go from `previous` to `next`; undefined when only a full build will do. */
export function planUpdate(previous: SiteState | undefined, next: SiteState): UpdatePlan | undefined {
  if (!previous || previous.version !== next.version) return undefined
  const changed = (from: Record<string, string>, to: Record<string, string>) =>
    new Set(Object.keys(to).filter((key) => from[key] !== to[key]))
  const gone = (from: Record<string, string>, to: Record<string, string>) =>
    Object.keys(from).filter((key) => !(key in to))
  return {
    files: changed(previous.pages, next.pages),
    stale: gone(previous.pages, next.pages),
    bundles: changed(previous.bundles, next.bundles),
    staleBundles: gone(previous.bundles, next.bundles),
    data: changed(previous.data, next.data),
    staleData: gone(previous.data, next.data)
  }
}

/** Whether a plan leaves the site exactly as it is. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return (
    plan.files.size === 0 &&
    plan.stale.length === 0 &&
    plan.bundles.size === 0 &&
    plan.staleBundles.length === 0 &&
    plan.data.size === 0 &&
    plan.staleData.length === 0
  )
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
  for (const key of Object.keys(lists) as Array<keyof PageLists>) {
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

function hashOf(value: unknown): string {
  return hashText(JSON.stringify(value))
}

function hashText(text: string): string {
  return hashOnce('sha1', text, 'base64url').slice(0, 16)
}

/**
 * A hash of what every page is rendered with besides the archive: the
 * templates, this module's folder (filters, body rendering, the search
 * index), the Eleventy version, and the site settings.
 */
export async function siteVersion(settings: unknown, ownTemplates?: string): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(settings))
  const here = dirname(fileURLToPath(import.meta.url))
  const templates = resolve(here, '../../templates')
  for (const folder of [templates, here, ...(ownTemplates ? [ownTemplates] : [])])
    await hashFiles(hash, folder, /\.(?:njk|css|js|ts)$/u)
  // Eleventy does not export its package.json: look up from its entry point.
  let folder = dirname(fileURLToPath(import.meta.resolve('@11ty/eleventy')))
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder)
  hash.update(await readFile(join(folder, 'package.json')))
  return hash.digest('base64url').slice(0, 16)
}

/** Where the state of the site built into `output` is kept in the cache folder. */
export function statePath(cache: string, output: string): string {
  return join(cache, 'sites', `${createHash('sha1').update(resolve(output)).digest('hex').slice(0, 16)}.json`)
}

/** The state kept at `path`; undefined when there is none or it is not sound (then a full build runs). */
export async function readState(path: string): Promise<SiteState | undefined> {
  const state = await readJson<unknown>(path)
  return isSiteState(state) ? state : undefined
}

/**
 * Whether a state read back from the cache is sound: a rebuild deletes the
 * pages it lists that are gone, so a tampered or damaged one could name
 * files outside the output (`../victim.txt`).
 */
export function isSiteState(value: unknown): value is SiteState {
  if (typeof value !== 'object' || value === null) return false
  const {version, pages, bundles, data, release, input, summary, urls, moved} = value as Partial<
    Record<keyof SiteState, unknown>
  >
  const hashes = (record: unknown, key: (name: string) => boolean) =>
    typeof record === 'object' &&
    record !== null &&
    Object.entries(record).every(([name, hash]) => key(name) && typeof hash === 'string')
  const optional = (field: unknown) => field === undefined || typeof field === 'string'
  const sound =
    typeof version === 'string' && hashes(pages, isInsidePath) && hashes(bundles, isName) && hashes(data, isName)
  const paths = (record: unknown) =>
    record === undefined ||
    (typeof record === 'object' &&
      record !== null &&
      Object.values(record).every((value) =>
        Array.isArray(value) ? value.every((url) => typeof url === 'string') : typeof value === 'string'
      ))
  const links = paths(urls) && paths(moved)
  return sound && links && optional(release) && optional(input) && (summary === undefined || isSummary(summary))
}

/** The summary printed again: lines, and reports with a file and a message. */
function isSummary(value: unknown): boolean {
  const {lines, problems} = value as {lines?: unknown; problems?: unknown}
  const isReport = (report: unknown) =>
    typeof report === 'object' &&
    report !== null &&
    typeof (report as MessageRecord).file === 'string' &&
    typeof (report as MessageRecord).reason === 'string'
  return (
    Array.isArray(lines) &&
    lines.every((line) => typeof line === 'string') &&
    Array.isArray(problems) &&
    problems.every(isReport)
  )
}

/** A bundle's or data part's name: one path segment. */
function isName(name: string): boolean {
  return isInsidePath(name) && !name.includes('/')
}

/** Write the state of a site. */
export function writeState(path: string, state: SiteState): Promise<void> {
  return writeJson(path, state)
}
