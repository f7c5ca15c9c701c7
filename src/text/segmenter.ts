import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {Jieba} from '@node-rs/jieba'

/*
 * One segmenter per process is enough, shared by the split and tag stages
 * (see pipeline/stages.ts): one load of the dictionary and one set of user
 * words (place names). @node-rs/jieba
 * ships prebuilt binaries (no install script, unlike nodejieba, whose
 * `npx node-pre-gyp` fails in a plain `npm install` of this package), and
 * cuts as cppjieba did: the same dictionary and the same routing.
 */

export interface DictionaryEntry {
  frequency: number
  /** Part of speech, e.g. `ns` (place name), `v` (verb). */
  tag: string
}

const dictionaryPath = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')

/**
 * Where the segmenter always cuts (as cppjieba did: space, tab, line
 * feed, `，`, `。`): each is a word of its own, and each clause between two
 * of them is cut without regard to the rest.
 */
const separators = /[ \t\n，。]/u

/** The clauses of a text: what lies between the segmenter's separators, none empty. */
export function clausesOf(text: string): string[] {
  return text.split(separators).filter((clause) => clause !== '')
}

/**
 * A segmenter with its dictionary and the words added to it. The
 * dictionary is loaded on first use (half a second), so that a process
 * that never cuts a word does without it.
 */
export class Segmenter {
  #jieba: Jieba | undefined
  /** Entries of the segmenter's own dictionary, for the words added with `addWords`. */
  readonly #known = new Map<string, DictionaryEntry>()

  #segmenter(): Jieba {
    this.#jieba ??= Jieba.withDict(readFileSync(dictionaryPath))
    return this.#jieba
  }

  /**
   * Add words (e.g. place names) to the dictionary. Words it already has are
   * left alone, their entries kept for `dictionaryEntry`: a new weight would
   * change how they cut. New words get the dictionary's median frequency, the
   * weight cppjieba gave a user word: a lower one cuts `常州` as `常/州`.
   */
  addWords(words: Iterable<string, unknown, undefined>, tag = 'ns'): void {
    const jieba = this.#segmenter()
    const wanted = new Set(words)
    // One pass over the 350,000-line dictionary, keeping only wanted words:
    // a Map of all of it would cost half a second of start-up. A line whose
    // first two characters start no wanted word is passed over without
    // cutting its word out (most lines: two thirds of the pass's time).
    const starts = new Set<number>()
    for (const word of wanted) starts.add(pairOf(word, 0))
    const anyStart = [...wanted].some((word) => word.length < 2)
    const text = readFileSync(dictionaryPath, 'utf8')
    const frequencies: number[] = []
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start)
      const end = newline === -1 ? text.length : newline
      const space = text.indexOf(' ', start)
      if (space !== -1 && space < end) {
        const after = text.indexOf(' ', space + 1)
        const frequency = Number(text.slice(space + 1, after === -1 || after > end ? end : after))
        frequencies.push(frequency)
        if (anyStart || starts.has(pairOf(text, start))) {
          const word = text.slice(start, space)
          if (wanted.has(word)) {
            const partOfSpeech = after === -1 || after > end ? '' : text.slice(after + 1, end).trim()
            this.#known.set(word, {frequency, tag: partOfSpeech})
          }
        }
      }
      start = end + 1
    }
    frequencies.sort((a, b) => a - b)
    const median = frequencies[frequencies.length >> 1] ?? 1
    const added = [...wanted].filter((word) => !this.#known.has(word) && !/\s/u.test(word))
    if (added.length > 0) jieba.loadDict(Buffer.from(added.map((word) => `${word} ${median} ${tag}\n`).join('')))
  }

  /** The segmenter's own entry for a word given to `addWords`, if it has one. */
  dictionaryEntry(word: string): DictionaryEntry | undefined {
    return this.#known.get(word)
  }

  /**
   * Cut text into dictionary words, without HMM guessing of unknown words:
   * a name only counts where the dictionary says a word ends.
   */
  cut(text: string): string[] {
    return this.#segmenter().cut(text, false)
  }

  /**
   * Cut clauses (from `clausesOf`) into words, as `cut` would cut the text
   * they come from, in one call to the segmenter.
   */
  cutClauses(clauses: readonly string[]): string[][] {
    if (clauses.length === 0) return []
    // Joined by a separator (one no clause holds), they come back cut apart by it.
    let words: string[] = []
    const result = [words]
    for (const word of this.cut(clauses.join('\n'))) {
      if (word !== '\n') words.push(word)
      else {
        words = []
        result.push(words)
      }
    }
    return result
  }

  /**
   * True when a dictionary word of two or more characters runs across the
   * point where `before` ends and `after` begins: evidence that a blank line
   * broke a word in two (`社区建` ⏎ `设作为`).
   */
  wordSpans(before: string, after: string): boolean {
    const left = [...before].slice(-4).join('')
    const right = [...after].slice(0, 4).join('')
    let offset = 0
    for (const word of this.cut(left + right)) {
      const end = offset + word.length
      if (offset < left.length && end > left.length && /^\p{Script=Han}+$/u.test(word)) return true
      offset = end
    }
    return false
  }
}

/** The two UTF-16 units of `text` at `index`, as one number. */
function pairOf(text: string, index: number): number {
  return text.charCodeAt(index) * 0x10000 + text.charCodeAt(index + 1)
}

/** The words of the segmenter's dictionary of two Han characters or more (the search page cuts queries by them). */
export function dictionaryWords(): string[] {
  const words: string[] = []
  for (const line of readFileSync(dictionaryPath, 'utf8').split('\n')) {
    const word = line.slice(0, line.indexOf(' '))
    if (word.length >= 2 && /^\p{Script=Han}+$/u.test(word)) words.push(word)
  }
  return words
}
