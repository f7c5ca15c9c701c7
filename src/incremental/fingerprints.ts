import {hash as hashOnce} from 'node:crypto'
import type {Archive, ArchiveGazette, ArchiveItem, DateNode, LocalityPage, PersonPage} from '../archive/model.js'
import {pageEntries, type PageEntry} from '../site/page-lists.js'
import {urlsBySource} from '../site/redirects.js'
import {searchBundles} from '../site/search/bundles.js'
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

/** What each paginated page shows, as a hash. */
function pageHasher(archive: Archive, hash: Hashers): (entry: PageEntry) => string {
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
    hashText(`${JSON.stringify(heading)}\n${hash.cards(itemIds)}`)
  return (entry) => {
    switch (entry.list) {
      case 'items':
        return hash.itemPage(entry.record)
      case 'gazettes':
        return hash.gazettePage(entry.record)
      // A paper's page shows its issues' dates and page counts; an issue's, its pages and their items.
      case 'papers':
        return hashOf(entry.record)
      case 'issues': {
        const issue = entry.record
        return list(
          [issue, issue.gazetteIds.map((id) => gazetteLabels.get(id))],
          issue.gazetteIds.flatMap((id) => gazetteItems.get(id) ?? [])
        )
      }
      case 'redirects':
        return hashText(entry.record.to)
      case 'datePages':
        return hash.datePage(entry.record)
      case 'personPages':
        return list([entry.record, person(entry.record)], entry.record.itemIds)
      case 'localityPages':
        return list([entry.record, locality(entry.record)], entry.record.itemIds)
      case 'localityCodes': {
        const place = localityOf(entry.record)
        return list(place.name, place.itemIds.slice(0, 50))
      }
      case 'sitemaps':
        return hashOf(entry.record)
    }
  }
}

/** The state of a site built from `archive` (its gazettes' cache `keys` by source) with templates etc. `version`. */
export function siteState(archive: Archive, version: string, keys: ReadonlyMap<string, string> = new Map()): SiteState {
  const hash = hashers(archive, keys)
  const pageHash = pageHasher(archive, hash)
  const pages: Record<string, string> = {}
  for (const entry of pageEntries(archive)) pages[entry.file] = pageHash(entry)
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
