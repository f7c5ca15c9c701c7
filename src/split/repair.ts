import type {VFile} from 'vfile'
import type {SourceLine} from './parse.js'
import {endsSentence, hasClausePunctuation, isUnbalanced, length, visible} from './text.js'
import type {Segmenter} from '../text/segmenter.js'
import {bylineShape, splitBylineSuffix} from './bylines.js'

/** A line after repair: possibly several source lines joined. */
export interface RepairedLine extends SourceLine {
  /** Source lines joined into this one (after the first). */
  joined: number[]
}

/** Longest line that can still be a title or subheading. */
export const maxHeadingLength = 50

/**
 * Rejoin paragraphs that a blank line broke in mid-sentence or mid-word
 * (column and page breaks), judging only by what any page shows: how the
 * first part ends, whether a word runs across the break, and how the second
 * part reads. Lines in `kept` (a correction speaks of them) stay as they are.
 */
export function joinBrokenParagraphs(
  lines: SourceLine[],
  file: VFile,
  segmenter: Segmenter,
  kept: ReadonlySet<number> = new Set()
): RepairedLine[] {
  const result: RepairedLine[] = []
  for (const line of lines) {
    const previous = result.at(-1)
    if (previous && !kept.has(line.line) && shouldJoin(previous, line, segmenter)) {
      file.info(`paragraph joined across a break: “…${tail(previous.text)}” + “${head(line.text)}…”`, {
        place: {line: line.line, column: line.column},
        ruleId: 'join',
        source: 'split'
      })
      previous.text += line.text
      previous.joined.push(line.line)
      continue
    }
    result.push({...line, joined: []})
  }
  return result
}

function shouldJoin(a: SourceLine, b: SourceLine, segmenter: Segmenter): boolean {
  if (a.depth > 0 || b.depth > 0) return false
  if (/下转[^）)]{1,6}版\s*[）)]$/u.test(a.text)) return false
  if (endsSentence(a.text) || /——\s*$/u.test(a.text) || /——\s+\S/u.test(a.text)) return false
  if (bylineShape(a.text) || bylineShape(b.text) || splitBylineSuffix(a.text)) return false
  if (/^图[①-⑳\d]/u.test(b.text)) return false
  const bReadsAsBody = endsSentence(b.text) || length(b.text) > maxHeadingLength
  // A line ending in a comma or enumeration mark is a clause, never a title.
  if (/[，、；：,;:]$/u.test(a.text)) return bReadsAsBody || segmenter.wordSpans(a.text, b.text)
  if (length(a.text) > maxHeadingLength) return bReadsAsBody || segmenter.wordSpans(a.text, b.text)
  // A short line: a title unless it is plainly part of a sentence.
  if (isUnbalanced(a.text)) return bReadsAsBody
  if (hasClausePunctuation(a.text) && !/\s/u.test(a.text)) return bReadsAsBody && segmenter.wordSpans(a.text, b.text)
  return false
}

/**
 * Remove paragraphs the extraction printed twice: a paragraph of 20 or more
 * characters whose text equals, or is wholly contained in, an earlier one in
 * the same file (extraction sometimes repeats a paragraph without its first
 * words). Nothing is lost: every character removed stands in the earlier
 * paragraph. Short lines (bylines such as `·金驰·`) legitimately recur.
 * Lines in `kept` (a correction speaks of them) are never removed.
 */
export function removeDuplicates(
  lines: RepairedLine[],
  file: VFile,
  kept: ReadonlySet<number> = new Set()
): RepairedLine[] {
  const earlier: Array<{key: string; line: number}> = []
  return lines.filter((line) => {
    const key = visible(line.text)
    if (length(key) < 20 || kept.has(line.line)) return true
    const first = earlier.find((each) => each.key.includes(key))?.line
    if (first === undefined) {
      earlier.push({key, line: line.line})
      return true
    }
    const note = file.info(`removed paragraph repeating line ${first}`, {
      place: {line: line.line, column: line.column},
      ruleId: 'duplicate',
      source: 'split'
    })
    note.actual = line.text
    return false
  })
}

function tail(text: string): string {
  return [...text].slice(-8).join('')
}

function head(text: string): string {
  return [...text].slice(0, 8).join('')
}
