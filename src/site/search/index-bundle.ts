import {docsPerFile, encodePostings, type DocRow} from './format.js'
import {countTokens, shardOf, tokenText, type TokenKey} from './tokens.js'

/** An item as the search index takes it. */
export interface SearchDoc {
  row: DocRow
  /** Kicker, title and subtitle: a word there weighs `headingWeight` times as much. */
  heading: string[]
  text: string[]
  /** Search filters of its districts and towns (`searchFilter`). */
  filters: string[]
}

const headingWeight = 5

/** About how many bytes of postings a shard holds: a query fetches one shard per token and bundle. */
const shardBytes = 64 * 1024

/**
 * The files of one search bundle (paths inside its folder, JSON values),
 * for `docs` numbered in the order given.
 */
export function indexBundle(docs: readonly SearchDoc[]): {shards: number; files: Map<string, unknown>} {
  // Item numbers and weights, flat (number, weight, number, weight…): a pair array each would take four times the memory.
  const postings = new Map<TokenKey, number[]>()
  const filters = new Map<string, number[]>()
  docs.forEach((doc, number) => {
    const counts = new Map<TokenKey, number>()
    for (const text of doc.heading) countTokens(text, counts, headingWeight)
    for (const text of doc.text) countTokens(text, counts)
    for (const [token, weight] of counts) add(postings, token, number, weight)
    for (const filter of new Set(doc.filters)) add(filters, filter, number, 1)
  })
  const encoded = [...postings].map(([key, list]) => [tokenText(key), encodePostings(list)] as const)
  // Han tokens take three bytes a character in UTF-8.
  const bytes = encoded.reduce((sum, [token, text]) => sum + token.length * 3 + text.length + 6, 0)
  const shards = Math.max(1, Math.ceil(bytes / shardBytes))
  const tables = Array.from({length: shards}, () => ({}) as Record<string, string>)
  for (const [token, text] of encoded) tables[shardOf(token, shards)]![token] = text
  const files = new Map<string, unknown>()
  tables.forEach((table, shard) => files.set(`t/${shard}.json`, table))
  files.set('filters.json', Object.fromEntries([...filters].map(([filter, list]) => [filter, encodePostings(list)])))
  for (let start = 0; start < docs.length; start += docsPerFile) {
    files.set(
      `docs/${start / docsPerFile}.json`,
      docs.slice(start, start + docsPerFile).map((doc) => doc.row)
    )
  }
  return {shards, files}
}

function add<K>(map: Map<K, number[]>, key: K, doc: number, weight: number): void {
  const list = map.get(key)
  if (list) list.push(doc, weight)
  else map.set(key, [doc, weight])
}
