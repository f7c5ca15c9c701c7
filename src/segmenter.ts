import nodejieba from 'nodejieba'

/*
 * nodejieba keeps one dictionary per process; this module owns it so that
 * the split and tag stages share one load (about a second) and one set of
 * user words (place names).
 */

let loaded = false
const inserted = new Set<string>()

function ensureLoaded(): void {
  if (loaded) return
  nodejieba.load()
  loaded = true
}

/** Add words (e.g. place names) to the dictionary, once each. */
export function addWords(words: Iterable<string>, tag = 'ns'): void {
  ensureLoaded()
  for (const word of words) {
    if (inserted.has(word)) continue
    inserted.add(word)
    nodejieba.insertWord(word, tag)
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
