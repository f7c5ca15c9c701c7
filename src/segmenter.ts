import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import nodejieba from 'nodejieba'

/*
 * nodejieba keeps one dictionary per process; this module owns it so that
 * the split and tag stages share one load (about a second) and one set of
 * user words (place names).
 */

let loaded = false
/** Entries of the segmenter's own dictionary, for the words added with `addWords`. */
const known = new Map<string, DictionaryEntry>()

export interface DictionaryEntry {
  frequency: number
  /** Part of speech, e.g. `ns` (place name), `v` (verb). */
  tag: string
}

function ensureLoaded(): void {
  if (loaded) return
  // Keyword extraction is never used: skip its 6 MB table (see dict/README.md).
  const dict = (name: string) => fileURLToPath(new URL(`../dict/${name}`, import.meta.url))
  nodejieba.load({idfDict: dict('idf.utf8'), stopWordDict: dict('stop-words.utf8')})
  loaded = true
}

/**
 * Add words (e.g. place names) to the dictionary. Words it already has are
 * left alone, their entries kept for `dictionaryEntry`: `insertWord` would
 * give them the lowest weight, and `常州` would then be cut as `常/州`.
 */
export function addWords(words: Iterable<string>, tag = 'ns'): void {
  ensureLoaded()
  const wanted = new Set(words)
  // One pass over the 350,000-line dictionary, keeping only wanted words:
  // a Map of all of it would cost half a second of start-up. A line whose
  // first two characters start no wanted word is passed over without
  // cutting its word out (most lines: two thirds of the pass's time).
  const starts = new Set<number>()
  for (const word of wanted) starts.add(pairOf(word, 0))
  const anyStart = [...wanted].some((word) => word.length < 2)
  const text = readFileSync(nodejieba.DEFAULT_DICT, 'utf8')
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const space = text.indexOf(' ', start)
    if (space !== -1 && space < end && (anyStart || starts.has(pairOf(text, start)))) {
      const word = text.slice(start, space)
      if (wanted.has(word)) {
        const [frequency, partOfSpeech] = text.slice(space + 1, end).split(' ')
        known.set(word, {frequency: Number(frequency), tag: partOfSpeech ?? ''})
      }
    }
    start = end + 1
  }
  for (const word of wanted) {
    if (!known.has(word)) nodejieba.insertWord(word, tag)
  }
}

/** The two UTF-16 units of `text` at `index`, as one number. */
function pairOf(text: string, index: number): number {
  return text.charCodeAt(index) * 0x10000 + text.charCodeAt(index + 1)
}

/** The segmenter's own entry for a word given to `addWords`, if it has one. */
export function dictionaryEntry(word: string): DictionaryEntry | undefined {
  return known.get(word)
}

/**
 * Cut text into dictionary words, without HMM guessing of unknown words:
 * a name only counts where the dictionary says a word ends.
 */
export function cut(text: string): string[] {
  ensureLoaded()
  return nodejieba.cut(text, false)
}

/**
 * Where the segmenter always cuts (cppjieba's separators: space, tab, line
 * feed, `，`, `。`): each is a word of its own, and each clause between two
 * of them is cut without regard to the rest.
 */
const separators = /[ \t\n，。]/u

/** The clauses of a text: what lies between the segmenter's separators, none empty. */
export function clausesOf(text: string): string[] {
  return text.split(separators).filter((clause) => clause !== '')
}

/**
 * Cut clauses (from `clausesOf`) into words, as `cut` would cut the text
 * they come from, in one call to the segmenter.
 */
export function cutClauses(clauses: readonly string[]): string[][] {
  ensureLoaded()
  const result: string[][] = clauses.map(() => [])
  if (clauses.length === 0) return result
  // Joined by a separator (one no clause holds), they come back cut apart by it.
  let clause = 0
  for (const word of nodejieba.cut(clauses.join('\n'), false)) {
    if (word === '\n') clause++
    else result[clause]!.push(word)
  }
  return result
}

/**
 * True when a dictionary word of two or more characters runs across the
 * point where `before` ends and `after` begins: evidence that a blank line
 * broke a word in two (`社区建` ⏎ `设作为`).
 */
export function wordSpans(before: string, after: string): boolean {
  const left = [...before].slice(-4).join('')
  const right = [...after].slice(0, 4).join('')
  let offset = 0
  for (const word of cut(left + right)) {
    const end = offset + word.length
    if (offset < left.length && end > left.length && /^\p{Script=Han}+$/u.test(word)) return true
    offset = end
  }
  return false
}
