import type {Archive} from '../archive/model.js'
import {required} from '../util/required.js'

/** What a built site keeps of its URLs for the next build's redirects (in the site state). */
export interface UrlHistory {
  /** By source file: the URL of its newspaper page, then its items' (a later build compares them for redirects). */
  urls?: Record<string, string[]>
  /** Redirects kept: old URL → where it went. */
  moved?: Record<string, string>
}

/**
 * Where the URLs of the site before went. An item's and a newspaper page's
 * URL come from paper, date and page (`/items/tong-zhou-ri-bao-2022-02-15-p1-03/`),
 * so correcting a page number, or dating an undated file, moves them: the old
 * URL then keeps a redirect page to the new one, in this build and every
 * later one, so that a citation or a link from elsewhere still arrives.
 * Pages are matched by their source file; items by their order on it (an
 * item past the new count goes to its newspaper page). A redirect whose old
 * URL is a page again, or whose target is gone, is dropped; chains are
 * followed to their end.
 */
export function redirectsFrom(previous: UrlHistory | undefined, archive: Archive): Archive['redirects'] {
  if (!previous?.urls) return []
  const now = new Map(Object.entries(urlsBySource(archive)))
  const live = new Set([...now.values()].flat())
  const moved = new Map(Object.entries(previous.moved ?? {}))
  for (const [source, before] of Object.entries(previous.urls)) {
    const after = now.get(source)
    // The newspaper page's URL comes first: there is one for every source.
    const page = after?.[0]
    if (!after || page === undefined) continue
    before.forEach((url, index) => {
      const target = after[index] ?? page
      if (url !== target) moved.set(url, target)
    })
  }
  const redirects: Archive['redirects'] = []
  for (const [from, first] of moved) {
    let to = first
    for (let hops = 0; !live.has(to) && hops < moved.size; hops++) {
      const next = moved.get(to)
      if (next === undefined) break
      to = next
    }
    if (!live.has(from) && live.has(to)) redirects.push({from, to})
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from))
}

/** By source file: the URL of its newspaper page, then its items' (what the site state keeps for `redirectsFrom`). */
export function urlsBySource(archive: Archive): Record<string, string[]> {
  const items = new Map(archive.items.map((item) => [item.id, item.url]))
  return Object.fromEntries(
    archive.gazettes.map((gazette) => [
      gazette.source,
      [gazette.url, ...gazette.itemIds.map((id) => required(items.get(id), 'an item of a gazette'))]
    ])
  )
}
