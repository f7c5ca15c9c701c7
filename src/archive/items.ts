import type {Gazette, Item} from '../model/types.js'
import {itemUrl} from './urls.js'
import type {ArchiveItem} from './model.js'

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

export function toArchiveItem(item: Item, gazette: Gazette, index: number): ArchiveItem {
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

/**
 * `(上接1版)` on page 2 continues the item on page 1 of the same issue
 * that says `(下转2版)`; link the two so the site shows one story.
 */
export function linkContinuations(items: ArchiveItem[]): void {
  const key = (paper: string | null, date: string | null, page: number | null) => `${paper ?? ''}|${date}|${page}`
  const continuedTo = new Map<string, ArchiveItem[]>()
  // An item's metadata is its gazette's (toArchiveItem).
  for (const item of items) {
    const meta = item.metadata
    if (item.continuedTo === null || !meta.date || meta.page === null) continue
    const target = key(meta.paper, meta.date, item.continuedTo)
    continuedTo.set(target, [...(continuedTo.get(target) ?? []), item])
  }
  for (const item of items) {
    const meta = item.metadata
    if (item.continuedFrom === null || !meta.date || meta.page === null) continue
    const candidates = (continuedTo.get(key(meta.paper, meta.date, meta.page)) ?? []).filter(
      (other) => other.metadata.page === item.continuedFrom
    )
    const head = candidates[0]
    if (!head) continue
    if (item.title === null) item.heading = `${head.heading}（续）`
    item.continues = {id: head.id, url: head.url, heading: head.heading, page: item.continuedFrom}
    head.continuedBy = {id: item.id, url: item.url, heading: item.heading, page: meta.page}
  }
}
