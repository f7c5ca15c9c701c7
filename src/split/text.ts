/** Small facts about a line of Chinese newspaper text. */

/**
 * A sentence ends in `。！？…`, possibly followed by closing quotes or
 * brackets (`…说。”`). A quote closed without a full stop
 * (`锻造基层治理“主力军”`) ends a title, not a sentence.
 */
const sentenceEnds = '。！？!?…'
const closers = '」』）)】”’"'

export function endsSentence(text: string): boolean {
  // From the end, as a pattern ending in `$` would try every start.
  const trimmed = text.trimEnd()
  let end = trimmed.length
  while (end > 0 && closers.includes(trimmed.charAt(end - 1))) end--
  return end > 0 && sentenceEnds.includes(trimmed.charAt(end - 1))
}

/** Punctuation that only occurs inside sentences or between clauses. */
const clausePunctuation = /[，。；！？、,;!?]/u

export function hasClausePunctuation(text: string): boolean {
  return clausePunctuation.test(text)
}

const pairs: Array<[string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['(', ')'],
  ['《', '》'],
  ['「', '」'],
  ['【', '】']
]

/** True when a quote or bracket is opened and not closed (or the reverse). */
export function isUnbalanced(text: string): boolean {
  return pairs.some(([open, close]) => count(text, open) !== count(text, close))
}

function count(text: string, character: string): number {
  let total = 0
  for (const c of text) if (c === character) total++
  return total
}

/** Length in characters (code points), not UTF-16 units. */
export function length(text: string): number {
  let total = 0
  for (const _ of text) total++
  return total
}

/** Every character of `text` that is not white space, in order. */
export function visible(text: string): string {
  return text.replace(/\s+/gu, '')
}

// Spaces after these, or before the closing ones, are never typeset. Quotes
// are left alone: a space before `“` separates the two parts of a title.
const tightAfter = '，。；：！？、（《'
const tightBefore = '，。；：！？、）》'

/**
 * Collapse runs of white space, and drop spaces that extraction put next to
 * full-width punctuation (`白甸镇： 178条`), which are never typeset.
 */
export function tidySpaces(text: string): string {
  // Most lines have no white space at all (`\s` is what `trim` removes too).
  if (!/\s/u.test(text)) return text
  return text.replace(/\s+/gu, ' ').replace(spaceAfterTight, '$1').replace(spaceBeforeTight, '$1').trim()
}

const spaceAfterTight = new RegExp(`([${tightAfter}]) `, 'gu')
const spaceBeforeTight = new RegExp(` ([${tightBefore}])`, 'gu')

/** A Han character (CJK unified ideograph). */
export const han = '\\p{Script=Han}'
