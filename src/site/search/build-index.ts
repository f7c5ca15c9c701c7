import {encodeSet, shardOf, type Entry, type Fragment} from './format.js'
import {Postings} from './postings.js'
import {countTokens, pairs, tokenText, type TokenKey} from './tokens.js'

/** An item as the search index takes it. */
export interface SearchDoc {
  fragment: Fragment
  /** Kicker, title and subtitle. */
  heading: string[]
  text: string[]
  /** Search filters of its districts and towns (`searchFilter`). */
  filters: string[]
}

/** About how many bytes a shard holds: a query fetches a shard per token it asks for. */
const shardBytes = 32 * 1024
/** Occurrences in an item that make it one that holds a token `often`. */
const oftenCount = 3

/**
 * The search index of an archive, gathered item by item in number order
 * (`add`), then cut into shards (`shards`). Words are what the search page
 * cuts a query by: the dictionary's, and the archive's place names.
 */
export class IndexBuilder {
  private docs = 0
  private readonly all = new Map<TokenKey, Postings>()
  private readonly heading = new Map<TokenKey, Postings>()
  private readonly often = new Map<TokenKey, Postings>()
  private readonly filters = new Map<string, Postings>()

  constructor(private readonly words: ReadonlySet<string>) {}

  /** Add the next item. */
  add(doc: SearchDoc): void {
    const number = this.docs++
    const inHeading = new Map<TokenKey, number>()
    for (const text of doc.heading) countTokens(text, inHeading)
    const counts = new Map<TokenKey, number>(inHeading)
    for (const text of doc.text) countTokens(text, counts)
    for (const [key, count] of counts) {
      posting(this.all, key).add(number)
      if (count >= oftenCount) posting(this.often, key).add(number)
    }
    for (const key of inHeading.keys()) posting(this.heading, key).add(number)
    for (const filter of new Set(doc.filters)) posting(this.filters, filter).add(number)
  }

  /** The shards of the index, each a table token → entry (`Entry`), for the items added. */
  shards(): Array<Record<string, Entry>> {
    const total = this.docs
    const set = (list: Postings | undefined) => (list ? encodeSet(list.numbers(), total) : '')
    const entries = new Map<string, Entry>()
    for (const [key, list] of this.all) {
      const entry: Entry = [set(list), set(this.heading.get(key)), set(this.often.get(key))]
      entries.set(tokenText(key), entry)
    }
    for (const [token, entry] of entries) {
      if ([...token].length !== 2) continue
      entry[3] = this.words.has(token) ? 1 : 0
    }
    for (const word of this.words) {
      const wordPairs = pairs(word)
      if (wordPairs.length < 2 || !wordPairs.every((pair) => entries.has(pair))) continue
      ;(entries.get(wordPairs[0]!)![4] ??= []).push(word)
    }
    for (const [filter, list] of this.filters) entries.set(`@${filter}`, [set(list)])
    const bytes = [...entries].reduce((sum, [token, entry]) => sum + token.length * 3 + JSON.stringify(entry).length, 0)
    const count = Math.max(1, Math.ceil(bytes / shardBytes))
    const shards = Array.from({length: count}, () => ({}) as Record<string, Entry>)
    for (const [token, entry] of entries) shards[shardOf(token, count)]![token] = trimmed(entry)
    return shards
  }
}

function posting<K>(map: Map<K, Postings>, key: K): Postings {
  let list = map.get(key)
  if (!list) map.set(key, (list = new Postings()))
  return list
}

/** An entry without its empty trailing parts. */
function trimmed(entry: Entry): Entry {
  const parts = [...entry]
  while (parts.length > 1 && (parts.at(-1) === '' || parts.at(-1) === 0 || parts.at(-1) === undefined)) parts.pop()
  return parts as Entry
}
