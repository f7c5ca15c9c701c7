/*
 * The search index's files, written by the indexer and read by the search
 * page (this module is copied into the site as it is compiled):
 *
 *   search-index/bundles.json           BundleInfo[], newest first
 *   search-index/filters.json           FilterCounts, for the search form
 *   search-index/<bundle>/t/<n>.json    token → postings, shard n (`shardOf`)
 *   search-index/<bundle>/filters.json  place filter → postings
 *   search-index/<bundle>/docs/<k>.json DocRow[], docs k·docsPerFile onwards
 *
 * A bundle numbers its items from 0, newest first.
 */

/** Items per file of a bundle's item list: the search page fetches one file per shown result at most. */
export const docsPerFile = 100

/** One search bundle: a year, a run of months or a month (see `searchBundles`). */
export interface BundleInfo {
  name: string
  /** The year its items are filtered under, or `undated`. */
  year: string
  docs: number
  shards: number
}

/** What the search page shows of an item: its URL below the site's base path, heading and date. */
/** `printed`: where the item was printed, `通州日报 第2版 镇村新闻`, or null when the archive does not know. */
export type DocRow = [url: string, heading: string, date: string | null, printed: string | null]

/** Items under each value of each filter of the search form. */
export type FilterCounts = Record<'district' | 'town' | 'year', Record<string, number>>

/**
 * Item numbers (ascending) with a weight each, given flat (number, weight,
 * number, weight…), as text: base-36 gaps, `:weight` when it is not 1.
 */
export function encodePostings(postings: readonly number[]): string {
  const parts: string[] = []
  let previous = 0
  for (let index = 0; index < postings.length; index += 2) {
    const doc = postings[index]!
    const weight = postings[index + 1]!
    const gap = (doc - previous).toString(36)
    previous = doc
    parts.push(weight === 1 ? gap : `${gap}:${weight.toString(36)}`)
  }
  return parts.join(',')
}

/** The item numbers and weights of `encodePostings` text. */
export function decodePostings(text: string | undefined): Map<number, number> {
  const postings = new Map<number, number>()
  if (!text) return postings
  let doc = 0
  for (const posting of text.split(',')) {
    const [gap, weight] = posting.split(':')
    doc += parseInt(gap!, 36)
    postings.set(doc, weight === undefined ? 1 : parseInt(weight, 36))
  }
  return postings
}
