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
  private readonly tokens = new Map<TokenKey, TokenPostings>()
  private readonly filters = new Map<string, Postings>()

  constructor(private readonly words: ReadonlySet<string>) {}

  /** Add the next item. */
  add(doc: SearchDoc): void {
    const number = this.docs++
    const inHeading = new Map<TokenKey, number>()
    for (const text of doc.heading) countTokens(text, inHeading)
    const counts = new Map<TokenKey, number>()
    for (const text of doc.text) countTokens(text, counts)
    for (const [key, count] of inHeading) counts.set(key, (counts.get(key) ?? 0) + count)
    for (const [key, count] of counts) {
      let token = this.tokens.get(key)
      if (!token) this.tokens.set(key, (token = {all: new Postings(), heading: null, often: null}))
      token.all.add(number)
      if (count >= oftenCount) (token.often ??= new Postings()).add(number)
      if (inHeading.has(key)) (token.heading ??= new Postings()).add(number)
    }
    for (const filter of new Set(doc.filters)) {
      let list = this.filters.get(filter)
      if (!list) this.filters.set(filter, (list = new Postings()))
      list.add(number)
    }
  }

  /** The shards of the index, each a table token → entry (`Entry`), for the items added. */
  shards(): Array<Record<string, Entry>> {
    const total = this.docs
    const set = (list: Postings | null) => (list ? encodeSet(list.numbers(), total) : '')
    const entries = new Map<string, Entry>()
    for (const [key, token] of this.tokens) {
      const text = tokenText(key)
      const entry: Entry = [set(token.all), set(token.heading), set(token.often)]
      if (text.length === 2 && text.codePointAt(0)! < 0x10000) entry[3] = this.words.has(text) ? 1 : 0
      entries.set(text, entry)
    }
    for (const word of this.words) {
      // Most words of the dictionary are in no item: their first pair tells, without cutting them into pairs.
      if (word.length < 3 || !entries.has(word.slice(0, 2))) continue
      const wordPairs = pairs(word)
      if (wordPairs.every((pair) => entries.has(pair))) (entries.get(wordPairs[0]!)![4] ??= []).push(word)
    }
    for (const [filter, list] of this.filters) entries.set(`@${filter}`, [set(list)])
    const bytes = [...entries].reduce((sum, [token, entry]) => sum + token.length * 3 + JSON.stringify(entry).length, 0)
    const count = Math.max(1, Math.ceil(bytes / shardBytes))
    const shards = Array.from({length: count}, () => ({}) as Record<string, Entry>)
    for (const [token, entry] of entries) shards[shardOf(token, count)]![token] = trimmed(entry)
    return shards
  }
}

/** The items a token is in, has in a heading, holds often (none yet: null). */
interface TokenPostings {
  all: Postings
  heading: Postings | null
  often: Postings | null
}

/** An entry without its empty trailing parts. */
function trimmed(entry: Entry): Entry {
  const parts = [...entry]
  while (parts.length > 1 && (parts.at(-1) === '' || parts.at(-1) === 0 || parts.at(-1) === undefined)) parts.pop()
  return parts as Entry
}
