import {readFileSync} from 'node:fs'
import nodejieba from 'nodejieba'

/*
 * nodejieba keeps one dictionary per process; this module owns it so that
 * the split and tag stages share one load (about a second) and one set of
 * user words (place names).
 */

let loaded = false
let base: Map<string, {frequency: number; tag: string}> | undefined

function ensureLoaded(): void {
  if (loaded) return
  nodejieba.load()
  loaded = true
}

/** The segmenter's own dictionary: word → frequency and part of speech. */
export function baseDictionary(): Map<string, {frequency: number; tag: string}> {
  if (base) return base
  base = new Map()
  for (const line of readFileSync(nodejieba.DEFAULT_DICT, 'utf8').split('\n')) {
    const [word, frequency, tag] = line.split(' ')
    if (word) base.set(word, {frequency: Number(frequency), tag: tag ?? ''})
  }
  return base
}

/**
 * Add words (e.g. place names) to the dictionary. Words it already has are
 * left alone: `insertWord` would give them the lowest weight, and `常州`
 * would then be cut as `常/州`.
 */
export function addWords(words: Iterable<string>, tag = 'ns'): void {
  ensureLoaded()
  const known = baseDictionary()
  for (const word of words) {
    if (!known.has(word)) nodejieba.insertWord(word, tag)
  }
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
