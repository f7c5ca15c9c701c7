import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Correction, SourceGazette} from '../model/types.js'
import type {Segmenter} from '../text/segmenter.js'
import {correctionsName} from '../read/corrections.js'
import {applyCorrections, lineOverrides} from './correct.js'
import {findLoss} from './invariant.js'
import {parseLines} from './parse.js'
import {joinBrokenParagraphs, removeDuplicates} from './repair.js'
import {segment, type DraftItem} from './segment.js'

export interface SplitOptions {
  /** Tells a word broken across a blank line (`社区建` ⏎ `设作为`). */
  segmenter: Segmenter
  /** True when a short line names a place only (a dateline such as `太仓市`). */
  isPlaceName?: (text: string) => boolean
  /** The archivist's overrides for this gazette. */
  corrections?: readonly Correction[]
}

export interface SplitResult {
  items: DraftItem[]
  /** Decisions (notes) and problems, as the file's messages. */
  reports: VFileMessage[]
}

/** Without a gazetteer: a short line ending in a division suffix. */
const looksLikePlace = (text: string) => /^[\p{Script=Han}]{2,10}(?:区|市|县|镇|乡|街道)$/u.test(text)

/**
 * `test`, asked of each text once: the grouping asks of a line several
 * times, and the gazetteer's answer costs a call to the segmenter.
 */
function remembered(test: (text: string) => boolean): (text: string) => boolean {
  const answers = new Map<string, boolean>()
  return (text) => {
    let answer = answers.get(text)
    if (answer === undefined) answers.set(text, (answer = test(text)))
    return answer
  }
}

/**
 * Split the text of one gazette into items: parse (headings are the only
 * syntax), repair extraction damage, group lines into items, then check
 * that nothing was lost.
 */
export function split(source: Pick<SourceGazette, 'source' | 'text'>, options: SplitOptions): SplitResult {
  const file = new VFile({path: source.source, value: source.text})
  const lines = parseLines(source.text)
  const overrides = lineOverrides(options.corrections ?? [])
  const kept = new Set(overrides.keys())
  // Decisions (a join, a removed repeat, a subheading) are notes: nothing
  // is lost by them, and the removed text is in the report.
  const joined = joinBrokenParagraphs(lines, file, options.segmenter, kept)
  const repaired = removeDuplicates(joined, file, kept)
  const isPlaceName = remembered(options.isPlaceName ?? looksLikePlace)
  const items = segment(repaired, {isPlaceName, overrides}, file)

  const left = new Set(repaired)
  const removed = new Set(joined.filter((line) => !left.has(line)).flatMap((line) => [line.line, ...line.joined]))
  const loss = findLoss(lines, removed, items)
  if (loss) {
    const message = file.message(
      `text lost or changed at character ${loss.offset}: expected “${loss.expected}”, got “${loss.actual}”`,
      {ruleId: 'invariant', source: 'split'}
    )
    message.fatal = true
  }
  // After the invariant: a corrected title is the archivist's text, not the page's.
  for (const {correction, reason} of applyCorrections(
    items,
    options.corrections ?? [],
    source.text.split('\n').length
  )) {
    const where = `${correctionsName}${correction.at === null ? '' : ` line ${correction.at}`}`
    const message = file.message(`correction from ${where} points nowhere: ${reason}`, {
      place: {line: correction.line, column: 1},
      ruleId: 'correction',
      source: 'split'
    })
    message.fatal = true
  }
  return {items, reports: file.messages}
}
