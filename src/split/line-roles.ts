import {readCredit, splitCreditSuffix, type Credit} from './credits.js'
import {continuedFrom, continuedTo, endsInJumpTo} from './continuations.js'
import {maxHeadingLength, type RepairedLine} from './repair.js'
import {endsSentence, length} from './text.js'

/**
 * What a line reads as on its own, before its neighbours are considered:
 * a marked heading or subheading, a numbered figure caption, a jump line
 * (`(上接1版)`, `（下转2版）`), a credit, bare names (a byline or a short
 * title: only the neighbours tell), a short line without closing
 * punctuation (title, kicker, subheading, locality) or body text.
 */
export type LineRole =
  'heading' | 'subhead' | 'figure' | 'jump-from' | 'jump-to' | 'credit' | 'names' | 'short' | 'body'

export interface Line extends RepairedLine {
  role: LineRole
  /** For credit and names lines: what they credit. */
  credit?: Credit
}

const figure = /^图[①-⑳\d]+\s*[:：]/u

export function roleOf(line: RepairedLine): {role: LineRole; credit?: Credit} {
  if (line.depth === 1 || line.depth === 2) return {role: 'heading'}
  if (line.depth >= 3) return {role: 'subhead'}
  if (figure.test(line.text)) return {role: 'figure'}
  const from = continuedFrom.exec(line.text)
  if (from && from[0].length === line.text.trim().length) return {role: 'jump-from'}
  if (endsInJumpTo(line.text) && continuedTo.exec(line.text)?.index === 0) return {role: 'jump-to'}
  const credit = length(line.text) <= 60 ? readCredit(line.text) : undefined
  if (credit) return {role: credit.certain ? 'credit' : 'names', credit}
  return {role: shapeOf(line.text)}
}

/** A short line ends in no stop and no clause mark (`；`, `，`), a jump line aside. */
function shapeOf(text: string): LineRole {
  // `…召开会议（下转2版）`: a jump marker ends body text, however short the line.
  if (endsInJumpTo(text)) return 'body'
  const bare = text.trimEnd()
  if (length(text) > maxHeadingLength) return 'body'
  return (!endsSentence(bare) && !/[，、；,;]$/u.test(bare)) || isAskingTitle(bare) ? 'short' : 'body'
}

/**
 * A title may ask or exclaim (`…如何走好“最后一公里”?`): a question or an
 * exclamation of one clause, with no quote around it as speech has. With a
 * comma it is as often the last line of a story (`…答案就是：好！`).
 */
function isAskingTitle(text: string): boolean {
  return /[？！?!]$/u.test(text) && !/[。；;，,]/u.test(text) && !/^[“"「『]/u.test(text)
}

/**
 * Every line with its role; a credit appended to a paragraph or a caption
 * (`…收割。（记者 张三）`, `…情景。张三摄`) becomes a credit line of its own,
 * and the text before a photo credit is a caption (body), however short.
 */
export function lineRoles(lines: RepairedLine[]): Line[] {
  const result: Line[] = []
  for (const line of lines) {
    const {role, credit} = roleOf(line)
    const split = role === 'body' || role === 'short' ? splitCreditSuffix(line.text) : undefined
    if (!split) {
      result.push({...line, role, ...(credit ? {credit} : {})})
      continue
    }
    result.push({...line, text: split.text, role: split.read.photo ? 'body' : shapeOf(split.text)})
    const column = line.column + length(line.text) - length(split.credit)
    result.push({...line, text: split.credit, role: 'credit', credit: split.read, column, blankBefore: 0, joined: []})
  }
  return result
}
