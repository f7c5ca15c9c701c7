import {VFile} from 'vfile'
import type {Correction, Report, SourceGazette} from '../model/types.js'
import {correctionsName} from '../read/corrections.js'
import {applyCorrections, lineOverrides} from './correct.js'
import {findLoss} from './invariant.js'
import {parseLines} from './parse.js'
import {joinBrokenParagraphs, removeDuplicates, type Decision} from './repair.js'
import {segment, type DraftItem} from './segment.js'

export interface SplitOptions {
  /** True when a short line names a place only (a dateline such as `太仓市`). */
  isPlaceName?: (text: string) => boolean
  /** The archivist's overrides for this gazette. */
  corrections?: readonly Correction[]
}

export interface SplitResult {
  items: DraftItem[]
  /** Decisions and problems, as vfile messages turned into plain data. */
  reports: Report[]
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
export function split(source: Pick<SourceGazette, 'source' | 'text'>, options: SplitOptions = {}): SplitResult {
  const file = new VFile({path: source.source, value: source.text})
  const decisions: Decision[] = []
  const lines = parseLines(source.text)
  const overrides = lineOverrides(options.corrections ?? [])
  const kept = new Set(overrides.keys())
  const repaired = removeDuplicates(joinBrokenParagraphs(lines, decisions, kept), decisions, kept)
  const isPlaceName = remembered(options.isPlaceName ?? looksLikePlace)
  const items = segment(repaired, {isPlaceName, overrides}, decisions)

  const removed = new Set(decisions.flatMap((decision) => decision.removes ?? []))
  const loss = findLoss(lines, removed, items)
  // Decisions (a join, a removed repeat, a subheading) are notes: nothing
  // is lost by them, and the removed text is in the report.
  for (const decision of decisions) {
    file.info(decision.message, {
      place: {line: decision.line, column: decision.column},
      ruleId: decision.ruleId.split(':')[1]!,
      source: 'split'
    })
  }
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
  return {
    items,
    reports: file.messages.map((message, index) => toReport(source.source, message, decisions[index]?.text))
  }
}

/** A vfile message as plain data. */
export function toReport(path: string, message: VFile['messages'][number], text?: string): Report {
  return {
    file: path,
    line: message.line ?? null,
    column: message.column ?? null,
    ruleId: `${message.source ?? 'split'}:${message.ruleId ?? 'message'}`,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    ...(text === undefined ? {} : {text})
  }
}
