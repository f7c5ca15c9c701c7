/*
 * How text becomes search tokens, the same in the indexer (Node) and on the
 * search page (this module is copied into the site as it is compiled).
 *
 * Chinese is indexed as overlapping character pairs (石港镇 → 石港, 港镇), as
 * Lucene's CJK analyser does: a query matches the items that hold every
 * pair of it, whatever a word segmenter would have made of either side,
 * and a new name needs no dictionary. Other letters and digits are indexed
 * as whole words. Pairs never span punctuation or a change of script.
 */

/** A Han run, or a run of other letters and digits. */
const runs = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu
const han = /^\p{Script=Han}/u
const surrogate = /[\uD800-\uDFFF]/

/** Full-width forms to ASCII, compatibility forms to their base, lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** What a query asks for, one part per run of it. */
export interface QueryPart {
  /** Every token must be in an item. */
  tokens: string[]
  /** Tokens that begin with the (single) token count too: a lone character or the start of a word. */
  prefix: boolean
}

/**
 * A token as the indexer counts it: a character of the Basic Multilingual
 * Plane, or a pair of the main Han blocks (U+3400–U+9FFF), as a small
 * integer; any other as its text. Indexing makes a token for nearly every
 * character of the archive: as strings, or as numbers too big for V8 to
 * store unboxed (beyond 2^30), they were most of its time and garbage.
 */
export type TokenKey = number | string

const hanFirst = 0x3400
const hanCount = 0xa000 - hanFirst
/** Pair keys come after the keys of single characters (their code units). */
const pairBase = 0x10000

/** The text of a token key. */
export function tokenText(key: TokenKey): string {
  if (typeof key === 'string') return key
  if (key < pairBase) return String.fromCharCode(key)
  const pair = key - pairBase
  return String.fromCharCode(hanFirst + Math.floor(pair / hanCount), hanFirst + (pair % hanCount))
}

/** Count the tokens of `text` into `counts` (see `TokenKey`), each occurrence adding `weight`. */
export function countTokens(text: string, counts: Map<TokenKey, number>, weight = 1): void {
  const add = (key: TokenKey) => counts.set(key, (counts.get(key) ?? 0) + weight)
  for (const [run] of normalise(text).matchAll(runs)) {
    if (!han.test(run) || surrogate.test(run)) {
      for (const token of runTokens(run)) add(tokenKey(token))
    } else if (run.length === 1) {
      add(run.charCodeAt(0))
    } else {
      // runTokens without the strings.
      for (let index = 1; index < run.length; index++)
        add(pairKey(run.charCodeAt(index - 1), run.charCodeAt(index)) ?? run.slice(index - 1, index + 1))
    }
  }
}

/** The key of a token made by `runTokens` (see `TokenKey`). */
function tokenKey(token: string): TokenKey {
  if (surrogate.test(token)) return token
  if (token.length === 1) return token.charCodeAt(0)
  return (token.length === 2 && pairKey(token.charCodeAt(0), token.charCodeAt(1))) || token
}

/** The key of two code units of the main Han blocks (see `TokenKey`). */
function pairKey(first: number, second: number): number | undefined {
  const row = first - hanFirst
  const column = second - hanFirst
  return row >= 0 && row < hanCount && column >= 0 && column < hanCount ? pairBase + row * hanCount + column : undefined
}

/** The parts of a query: a Han run of two characters or more asks for all its pairs, anything else is a prefix. */
export function queryParts(query: string): QueryPart[] {
  return [...normalise(query).matchAll(runs)].map(([run]) => {
    const isHan = han.test(run)
    return {tokens: runTokens(run), prefix: !isHan || characters(run).length === 1}
  })
}

function runTokens(run: string): string[] {
  if (!han.test(run)) return [run]
  const chars = characters(run)
  if (chars.length === 1) return chars
  const pairs: string[] = []
  for (let index = 1; index < chars.length; index++) pairs.push(chars[index - 1]! + chars[index]!)
  return pairs
}

/** Splitting by code unit is faster, and right unless the run has characters beyond the Basic Multilingual Plane. */
function characters(run: string): string[] {
  return surrogate.test(run) ? Array.from(run) : run.split('')
}

/**
 * The shard of a bundle that holds a token: chosen by its first character
 * only, so that all the tokens a prefix can match are in one file.
 * Fibonacci hashing spreads neighbouring code points over the shards.
 */
export function shardOf(token: string, shards: number): number {
  return Math.floor(((Math.imul(token.codePointAt(0)!, 0x9e3779b1) >>> 0) / 2 ** 32) * shards)
}
