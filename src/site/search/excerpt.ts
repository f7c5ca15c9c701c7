import {normalise} from './tokens.js'

/*
 * The excerpt a search result quotes (this module is copied into the site as
 * it is compiled): the item's text around where the words searched for
 * first occur, the words marked.
 */

/** A piece of an excerpt: text, marked when it is a word searched for. */
export interface Piece {
  text: string
  marked: boolean
}

/**
 * About `length` characters of `text` from a little before the first of
 * `words` it holds (else from the start), with every occurrence of a word
 * marked, and `…` where text is left out. Words are matched as the index
 * matches them: full-width folded, in any case.
 */
export function excerpt(text: string, words: readonly string[], length = 100): Piece[] {
  const flat = text.replace(/\s+/gu, ' ').trim()
  const folded = normalise(flat)
  // NFKC can change the length (a ligature): mark by position only when it does not.
  const marks = folded.length === flat.length ? words.map(normalise).filter(Boolean) : []
  const firsts = marks.map((word) => folded.indexOf(word)).filter((at) => at !== -1)
  const start = firsts.length > 0 ? Math.max(0, Math.min(...firsts) - Math.floor(length / 5)) : 0
  const end = Math.min(flat.length, start + length)
  const marked = new Array<boolean>(end - start).fill(false)
  for (const word of marks) {
    for (let at = folded.indexOf(word, start); at !== -1 && at < end; at = folded.indexOf(word, at + 1)) {
      for (let index = at; index < Math.min(end, at + word.length); index++) marked[index - start] = true
    }
  }
  const pieces: Piece[] = start > 0 ? [{text: '…', marked: false}] : []
  marked.forEach((isMarked, offset) => {
    const last = pieces.at(-1)
    // A code unit, as `flat[index]` would give it: `marked` counts them from `start`.
    const char = flat.charAt(start + offset)
    if (last && last.marked === isMarked && !(offset === 0 && start > 0)) last.text += char
    else pieces.push({text: char, marked: isMarked})
  })
  if (end < flat.length) pieces.push({text: '…', marked: false})
  return pieces
}
