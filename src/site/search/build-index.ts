import {shardOf, type Entry, type Fragment} from './format.js'
import {Postings} from './postings.js'
import {forEachToken, pairs, tokenText, type TokenKey} from './tokens.js'
import {required} from '../../util/required.js'

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
/** What an occurrence in a heading counts (see `add`): more than a token occurs in an item's text. */
const headingMark = 2 ** 20

/**
 * The search index of an archive, gathered item by item in number order
 * (`add`), then cut into shards (`shards`). Words are what the search page
 * cuts a query by: the dictionary's, and the archive's place names.
 */
export class IndexBuilder {
  private docs = 0
  private readonly ids = new TokenIds()
  private readonly all: Postings[] = []
  private readonly heading: Array<Postings | undefined> = []
  private readonly often: Array<Postings | undefined> = []
  private readonly filters = new Map<string, Postings>()
  // The current item's count of each token (by id; `headingMark` added for each occurrence in a heading), and
  // the ids it holds: an array and a list, not a Map an item, which were half the index's time.
  private counts = new Int32Array(1024)
  private readonly held: number[] = []

  /** Add the next item. */
  add(doc: SearchDoc): void {
    const number = this.docs++
    for (const text of doc.text) forEachToken(text, (key) => this.count(key, 1))
    for (const text of doc.heading) forEachToken(text, (key) => this.count(key, headingMark))
    for (const id of this.held) {
      // `?? 0`: an id held is below the length the array was grown to (`count`).
      const count = this.counts[id] ?? 0
      this.counts[id] = 0
      ;(this.all[id] ??= new Postings()).add(number)
      if (count % headingMark >= oftenCount) (this.often[id] ??= new Postings()).add(number)
      if (count >= headingMark) (this.heading[id] ??= new Postings()).add(number)
    }
    this.held.length = 0
    for (const filter of new Set(doc.filters)) {
      let list = this.filters.get(filter)
      if (!list) this.filters.set(filter, (list = new Postings()))
      list.add(number)
    }
  }

  private count(key: TokenKey, weight: number): void {
    const id = this.ids.of(key)
    if (id >= this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2)
      grown.set(this.counts)
      this.counts = grown
    }
    // `?? 0`: the array was grown to hold `id` just above.
    const count = this.counts[id] ?? 0
    if (count === 0) this.held.push(id)
    this.counts[id] = count + weight
  }

  /**
   * The shards of the index, each a table token → entry (`Entry`), for the
   * items added; `words` are those to cut queries by (given only now: the
   * dictionary's 350,000 need not be held while indexing).
   */
  shards(words: Iterable<string, unknown, undefined>): Array<Record<string, Entry>> {
    const total = this.docs
    const set = (list: Postings | undefined) => list?.encode(total) ?? ''
    const entries = new Map<string, Entry>()
    for (const [id, key] of this.ids.keys.entries()) {
      entries.set(tokenText(key), [set(this.all[id]), set(this.heading[id]), set(this.often[id])])
    }
    for (const word of words) {
      // Most words of the dictionary are in no item: their first pair tells, without cutting them into pairs.
      const first = entries.get(word.slice(0, 2))
      if (!first) continue
      if (word.length === 2) first[3] = 1
      else if (pairs(word).every((pair) => entries.has(pair))) {
        first[3] ??= 0
        ;(first[4] ??= []).push(word)
      }
    }
    for (const [filter, list] of this.filters) entries.set(`@${filter}`, [set(list)])
    const bytes = [...entries].reduce((sum, [token, entry]) => sum + token.length * 3 + JSON.stringify(entry).length, 0)
    const count = Math.max(1, Math.ceil(bytes / shardBytes))
    const shards = Array.from({length: count}, (): Record<string, Entry> => ({}))
    for (const [token, entry] of entries)
      required(shards[shardOf(token, count)], 'a token shard')[token] = trimmed(entry)
    return shards
  }
}

/**
 * Small numbers for token keys, in the order first seen: number keys in a
 * table of open addressing (a Map of them cost more than the rest of the
 * indexing), the few others (words of other letters) in a Map.
 */
class TokenIds {
  /** Key of each id. */
  readonly keys: TokenKey[] = []
  private table = new Int32Array(1 << 16).fill(-1)
  private readonly strings = new Map<string, number>()
  private numbers = 0

  of(key: TokenKey): number {
    if (typeof key === 'string') {
      let id = this.strings.get(key)
      if (id === undefined) this.strings.set(key, (id = this.keys.push(key) - 1))
      return id
    }
    const mask = this.table.length / 2 - 1
    // Slots of two: the key, then its id.
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const found = this.table[slot * 2]
      // `?? -1`: a slot within the mask has its id beside its key.
      if (found === key) return this.table[slot * 2 + 1] ?? -1
      if (found !== -1) continue
      const id = this.keys.push(key) - 1
      this.table[slot * 2] = key
      this.table[slot * 2 + 1] = id
      if (++this.numbers * 2 > mask) this.grow()
      return id
    }
  }

  /** Twice the slots, the number keys placed again by their ids (which slot a key takes is never seen). */
  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1)
    const mask = this.table.length / 2 - 1
    this.keys.forEach((key, id) => {
      if (typeof key !== 'number') return
      let at = Math.imul(key, 0x9e3779b1) & mask
      while (this.table[at * 2] !== -1) at = (at + 1) & mask
      this.table[at * 2] = key
      this.table[at * 2 + 1] = id
    })
  }
}

/** An entry without its empty trailing parts (`''`, `0`, none). */
function trimmed([all, heading, often, word, longer]: Entry): Entry {
  if (longer !== undefined) return [all, heading, often, word, longer]
  if (word !== undefined && word !== 0) return [all, heading, often, word]
  if (often !== undefined && often !== '') return [all, heading, often]
  if (heading !== undefined && heading !== '') return [all, heading]
  return [all]
}
