import {hash as hashOnce} from 'node:crypto'
import type {Archive, ArchiveGazette, ArchiveItem, DateNode, LocalityPage, PersonPage} from '../archive/model.js'
import {fileOf} from '../site/output-file.js'
import type {PageLists} from '../site/page-lists.js'
import {urlsBySource} from '../site/redirects.js'
import {searchBundles} from '../site/search/bundles.js'
import {sitemapParts} from '../site/sitemaps.js'
import {dataParts} from '../site/write-data.js'
import {required} from '../util/required.js'
import type {SiteState} from './site-state.js'

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
  const gazetteOf = (item: ArchiveItem) => required(gazettes.get(item.gazetteId), 'the gazette of an item')
  // Without a cache (tests), the item itself, but the links around it.
  const content = (item: ArchiveItem) =>
    keys.get(gazetteOf(item).source) ?? hashOf({...item, previous: null, next: null, related: null})
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
  const cards = (ids: readonly string[]) => ids.map((id) => card(required(items.get(id), 'an item listed'))).join('\n')
  const link = (to: {url: string; heading?: string; label?: string; page?: number} | null) =>
    to ? `${to.url}\t${to.heading ?? to.label}\t${to.page ?? ''}` : ''
  const itemPage = (item: ArchiveItem) => {
    const gazette = gazetteOf(item)
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
          issue.gazetteIds.map((id) => {
            const gazette = required(gazettes.get(id), 'a gazette of an issue')
            return link(gazette) + gazette.itemIds.length
          })
        )
      ].join('\n')
    )
  return {article, cards, itemPage, gazettePage, datePage}
}

type Hashers = ReturnType<typeof hashers>

/** Every paginated page of the archive, with its file and what it shows. */
export function pageEntries(
  archive: Archive,
  hashes?: Hashers
): Array<{file: string; list: keyof PageLists; record: unknown; hash: () => string}> {
  // Made on the first hash: a rebuild's page lists only pick entries by file.
  let made = hashes
  const hash = () => (made ??= hashers(archive, new Map()))
  const localityOf = (code: string) => required(archive.localities[code], 'a locality listed')
  // A locality's own page shows its counts and its children's; its archive pages only its name and place in the tree.
  const locality = (listing: LocalityPage) => {
    const {itemIds, children, ...rest} = localityOf(listing.code)
    if (listing.archivePage !== null) return rest
    return {
      ...rest,
      count: itemIds.length,
      children: children.map((code) => {
        const child = localityOf(code)
        return [child.name, child.itemIds.length]
      })
    }
  }
  // A person's own page shows their roles and count too.
  const people = new Map(archive.people.map((person) => [person.name, person]))
  const person = (listing: PersonPage) => {
    const {roles, itemIds} = required(people.get(listing.name), 'a person listed')
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
      const place = localityOf(code)
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

/** The state of a site built from `archive` (its gazettes' cache `keys` by source) with templates etc. `version`. */
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

function hashOf(value: unknown): string {
  return hashText(JSON.stringify(value))
}

function hashText(text: string): string {
  return hashOnce('sha1', text, 'base64url').slice(0, 16)
}
