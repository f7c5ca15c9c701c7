/*
 * How text becomes search tokens, the same in the indexer (Node) and on the
 * search page (this module is copied into the site as it is compiled).
 *
 * Chinese is indexed as its characters and overlapping character pairs
 * (石港镇 → 石, 港, 镇, 石港, 港镇), as Lucene's CJK analyser does: a word
 * of the query matches the items that hold every pair of it, whatever a
 * word segmenter would have made of either side, and a new name needs no
 * dictionary. Other letters and digits are indexed as whole words, and a
 * word with letters also by its starts (`cov` finds `covid`). Pairs never
 * span punctuation or a change of script.
 */

/** A Han run, or a run of other letters and digits. */
const runs = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu
const han = /^\p{Script=Han}/u
const letter = /\p{L}/u

/** Full-width forms to ASCII, compatibility forms to their base, lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** A run of a query: Han text, to be cut into words, or a word of other letters and digits. */
export interface QueryRun {
  han: boolean
  text: string
}

/** The runs of `text`, normalised. */
export function textRuns(text: string): QueryRun[] {
  return [...normalise(text).matchAll(runs)].map(([run]) => ({han: han.test(run), text: run}))
}

/** The characters of a Han run (one each, also beyond the Basic Multilingual Plane). */
export function characters(run: string): string[] {
  return Array.from(run)
}

/** The overlapping pairs of a Han run (none for a single character). */
export function pairs(run: string): string[] {
  const list: string[] = []
  let previous = ''
  // A string iterates by character, as `characters` cuts it; no character is empty.
  for (const char of run) {
    if (previous) list.push(previous + char)
    previous = char
  }
  return list
}

/** Shortest start of a word of other letters that is a token of its own. */
const shortestStart = 2
/** Longest such start: a reader types the first letters of a word, not its first twenty. */
const longestStart = 12

/**
 * A token as the indexer counts it: a character of the Basic Multilingual
 * Plane, or a pair of the main Han blocks (U+3400–U+9FFF), as a small
 * integer; any other as its text. Indexing makes tokens for every
 * character of the archive: as strings, or as numbers too big for V8 to
 * store unboxed (beyond 2^30), they were most of its time and garbage.
 */
export type TokenKey = number | string

const hanFirst = 0x3400
const hanCount = 0xa000 - hanFirst
/** Pair keys come after the keys of single characters (their code units). */
const pairBase = 0x10000
const surrogate = /[\uD800-\uDFFF]/

/** The text of a token key. */
export function tokenText(key: TokenKey): string {
  if (typeof key === 'string') return key
  if (key < pairBase) return String.fromCharCode(key)
  const pair = key - pairBase
  return String.fromCharCode(hanFirst + Math.floor(pair / hanCount), hanFirst + (pair % hanCount))
}

/** Count the tokens of `text` into `counts` (see `TokenKey`), each occurrence adding `weight`. */
export function countTokens(text: string, counts: Map<TokenKey, number>, weight = 1): void {
  forEachToken(text, (key) => counts.set(key, (counts.get(key) ?? 0) + weight))
}

/** Call `visit` with the key of each token of `text` (see `TokenKey`), once an occurrence. */
export function forEachToken(text: string, visit: (key: TokenKey) => void): void {
  for (const {han: isHan, text: run} of textRuns(text)) {
    if (isHan && !surrogate.test(run)) {
      // characters and pairs without the strings.
      for (let index = 0; index < run.length; index++) {
        const code = run.charCodeAt(index)
        visit(code)
        if (index > 0) visit(pairKey(run.charCodeAt(index - 1), code) ?? run.slice(index - 1, index + 1))
      }
    } else if (isHan) {
      let previous = ''
      for (const char of run) {
        visit(char.length === 1 ? char.charCodeAt(0) : char)
        if (previous) visit(previous + char)
        previous = char
      }
    } else {
      visit(run)
      if (!letter.test(run)) continue
      for (let length = shortestStart; length < Math.min(run.length, longestStart + 1); length++) {
        visit(run.slice(0, length))
      }
    }
  }
}

/** The key of two code units of the main Han blocks (see `TokenKey`). */
function pairKey(first: number, second: number): number | undefined {
  const row = first - hanFirst
  const column = second - hanFirst
  return row >= 0 && row < hanCount && column >= 0 && column < hanCount ? pairBase + row * hanCount + column : undefined
}
