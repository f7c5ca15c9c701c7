import {decodePostings, docsPerFile, type BundleInfo, type DocRow} from './format.js'
import {queryParts, shardOf, type QueryPart} from './tokens.js'

/*
 * The search page's query engine (this module is copied into the site as it
 * is compiled). It fetches only the shards its tokens live in, from each
 * bundle, and the item lists of the results it shows.
 */

/** Fetch and parse a JSON file of the index, by its path inside `search-index/`. */
export type Load = (path: string) => Promise<unknown>

/** Filters of the search form: a year, and place filters (`district:南通市通州区`). */
export interface Filters {
  year?: string
  places?: string[]
}

/** An item found, with its score (the more often and the more prominently the query occurs, the higher). */
export interface Hit {
  bundle: string
  doc: number
  score: number
}

export interface Shown {
  url: string
  heading: string
  date: string | null
  /** Paper, page and page name, as far as known. */
  printed: string | null
}

/**
 * A search over the bundles of an index. Items match when they hold every
 * part of the query and have every filter; best score first, then newest.
 */
export function openIndex(bundles: readonly BundleInfo[], load: Load) {
  const files = new Map<string, Promise<unknown>>()
  const get = <T>(path: string) => {
    if (!files.has(path)) files.set(path, load(path))
    return files.get(path) as Promise<T>
  }

  async function partScores(bundle: BundleInfo, part: QueryPart): Promise<Map<number, number>> {
    const shard = (token: string) =>
      get<Record<string, string>>(`${bundle.name}/t/${shardOf(token, bundle.shards)}.json`)
    if (part.prefix) {
      const [token] = part.tokens as [string]
      const scores = new Map<number, number>()
      for (const [key, postings] of Object.entries(await shard(token))) {
        if (!key.startsWith(token)) continue
        for (const [doc, weight] of decodePostings(postings)) scores.set(doc, (scores.get(doc) ?? 0) + weight)
      }
      return scores
    }
    // A phrase occurs at most as often as its rarest pair.
    const lists = await Promise.all(part.tokens.map(async (token) => decodePostings(own(await shard(token), token))))
    return lists.reduce((scores, list) => keep(scores, list, Math.min))
  }

  async function inBundle(bundle: BundleInfo, parts: readonly QueryPart[], places: readonly string[]): Promise<Hit[]> {
    let scores: Map<number, number> | undefined
    for (const part of parts) scores = keep(scores, await partScores(bundle, part), (a, b) => a + b)
    if (places.length > 0) {
      const table = await get<Record<string, string>>(`${bundle.name}/filters.json`)
      for (const place of places) scores = keep(scores, decodePostings(own(table, place)), (a) => a)
    }
    if (!scores) return Array.from({length: bundle.docs}, (_, doc) => ({bundle: bundle.name, doc, score: 0}))
    return [...scores].map(([doc, score]) => ({bundle: bundle.name, doc, score}))
  }

  return {
    /** Every item that matches, best first (newest first among equals). */
    async search(query: string, filters: Filters = {}): Promise<Hit[]> {
      const parts = queryParts(query)
      const chosen = bundles.filter((bundle) => !filters.year || bundle.year === filters.year)
      const found = await Promise.all(chosen.map((bundle) => inBundle(bundle, parts, filters.places ?? [])))
      const order = new Map(bundles.map((bundle, index) => [bundle.name, index]))
      return found
        .flat()
        .sort((a, b) => b.score - a.score || order.get(a.bundle)! - order.get(b.bundle)! || a.doc - b.doc)
    },
    /** The URL, heading and date of each hit. */
    async show(hits: readonly Hit[]): Promise<Shown[]> {
      return Promise.all(
        hits.map(async ({bundle, doc}) => {
          const rows = await get<DocRow[]>(`${bundle}/docs/${Math.floor(doc / docsPerFile)}.json`)
          const [url, heading, date, printed] = rows[doc % docsPerFile]!
          return {url, heading, date, printed: printed ?? null}
        })
      )
    }
  }
}

/** `table[key]` if the table has it as its own (a word such as `constructor` is not a posting list). */
function own(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** The entries of `scores` also in `list`, their scores merged by `merge`; all of `list` when there are no scores yet. */
function keep(
  scores: Map<number, number> | undefined,
  list: Map<number, number>,
  merge: (a: number, b: number) => number
): Map<number, number> {
  if (!scores) return list
  const kept = new Map<number, number>()
  for (const [doc, score] of scores) {
    const other = list.get(doc)
    if (other !== undefined) kept.set(doc, merge(score, other))
  }
  return kept
}
