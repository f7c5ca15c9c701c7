import type {BodyBlock, Correction, Item, ItemKind} from '../types.js'
import {bylineShape, leadBylines, parseBylines, splitBylineSuffix} from './bylines.js'
import {readHeadline, type Headline} from './headline.js'
import {maxHeadingLength, type Decision, type RepairedLine} from './repair.js'
import {endsSentence, length, tidySpaces} from './text.js'

/** An item as the splitter finds it, before ids and places. */
export type DraftItem = Pick<Item, 'kind' | 'dateline' | 'kicker' | 'title' | 'subtitle' | 'byline' | 'bylines' | 'body' | 'start' | 'continuedFrom' | 'continuedTo' | 'corrections'>

/** A correction that decides where an item starts or what a line is. */
export type LineOverride = Pick<Correction, 'starts' | 'is'> & {said: string}

export interface SegmentOptions {
  isPlaceName: (text: string) => boolean
  /** Overrides by source line, from the corrections file. */
  overrides?: ReadonlyMap<number, LineOverride>
}

type Role = 'headline' | 'subhead' | 'short' | 'names' | 'byline' | 'credit' | 'figure' | 'body'

interface Line extends RepairedLine {
  role: Role
}

const figure = /^图[①-⑳\d]+\s*[:：]/u
/**
 * A paragraph that opens with when it happened (`9月2日，`, `近日，`,
 * `入冬以来，`) is how a news report begins, not how a section goes on.
 */
const timeLead = /^(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|近日|日前|连日来|近期|[\p{Script=Han}]{1,4}以来)[，,]/u
/** How a news lead opens: `本报讯`, `本报南京电`, `新华社北京电`. */
const leadMarker = /^(?:本报讯|本报[\p{Script=Han}]{1,4}电|新华社[\p{Script=Han}]{1,6}电)/u

/** What a line reads as on its own, before its neighbours are considered. */
function roleOf(line: RepairedLine): Role {
  if (line.depth === 1 || line.depth === 2) return 'headline'
  if (line.depth >= 3) return 'subhead'
  if (figure.test(line.text)) return 'figure'
  // `(上接1版)` opens and `(下转2版)` closes body text, whatever its length.
  if (continuedFrom.test(line.text) || continuedTo.test(line.text)) return 'body'
  const shape = bylineShape(line.text)
  if (shape === 'credit') return 'credit'
  if (shape === 'dotted' || shape === 'roled') return 'byline'
  if (shape === 'names') return 'names'
  if (!endsSentence(line.text) && length(line.text) <= maxHeadingLength) return 'short'
  return 'body'
}

/** Names appended to a paragraph become a byline line of their own. */
function separateBylineSuffixes(lines: RepairedLine[]): Line[] {
  const result: Line[] = []
  for (const line of lines) {
    const role = roleOf(line)
    // A short last paragraph ends in `）` when a byline is appended: `…收割。（记者 赵四）`.
    const split = role === 'body' || role === 'short' ? splitBylineSuffix(line.text) : undefined
    if (!split) {
      result.push({...line, role})
      continue
    }
    result.push({...line, text: split.text, role: 'body'})
    result.push({...line, text: split.byline, role: 'byline', column: line.column + length(line.text) - length(split.byline), blankBefore: 0, joined: []})
  }
  return result
}

/**
 * Group the lines of a page into items the way an editor lists them.
 *
 * Evidence is what any page carries: headline lines are short and end
 * without a full stop; a byline closes an article; a run of blank lines
 * separates regions of the page; a caption followed by a credit (`…摄`) or
 * numbered captions is photo news; body text with no headline of its own
 * is a fragment (continued from elsewhere).
 */
export function segment(repaired: RepairedLine[], options: SegmentOptions, decisions: Decision[]): DraftItem[] {
  const lines = separateBylineSuffixes(repaired)
  const items: DraftItem[] = []
  let current: DraftItem | undefined
  // A closed item takes further byline lines only.
  let closed = true

  const open = (kind: ItemKind, line: Line, headline?: Headline): DraftItem => {
    current = {
      kind,
      dateline: null,
      kicker: null,
      title: null,
      subtitle: null,
      ...headline,
      byline: null,
      bylines: [],
      body: [],
      start: {line: line.line, column: line.column},
      continuedFrom: null,
      continuedTo: null,
      corrections: []
    }
    items.push(current)
    closed = false
    return current
  }
  const addBlock = (item: DraftItem, type: BodyBlock['type'], line: Line) =>
    item.body.push({type, text: tidySpaces(line.text), start: {line: line.line, column: line.column}})
  const addByline = (item: DraftItem, line: Line) => {
    item.byline = item.byline ? `${item.byline}\n${line.text}` : line.text
    item.bylines.push(...parseBylines(line.text))
    // A byline under the title (`本报记者 王某`) opens the body; one after it closes the item.
    closed = item.body.length > 0
  }

  const isDateline = (index: number): boolean => {
    const line = lines[index]!
    const next = lines[index + 1]
    return (
      (line.role === 'names' || line.role === 'short') &&
      next !== undefined &&
      next.role === 'short' &&
      length(line.text) <= 10 &&
      options.isPlaceName(tidySpaces(line.text))
    )
  }

  /** Lines from `index` that together make a headline (plain or marked). */
  const headlineRun = (index: number): number => {
    const first = lines[index]!
    let end = index + 1
    if (first.role === 'headline') {
      while (lines[end]?.role === 'headline') end++
      return end
    }
    while (end < lines.length && lines[end]!.role === 'short' && end - index < 4) end++
    return end
  }

  /**
   * A lone short line inside an article: new article rather than
   * subheading? Yes when set off by a wide gap, shaped like a title
   * (`——`, `白甸镇：`, long), or followed by a lead (`本报讯`, `9月2日，`).
   */
  const startsArticle = (index: number, runLength: number): boolean => {
    const line = lines[index]!
    const next = lines[index + 1]
    return (
      runLength > 1 ||
      line.blankBefore >= 2 ||
      /——/u.test(line.text) ||
      /^[\p{Script=Han}]{2,6}[：:]/u.test(line.text) ||
      length(line.text) >= 22 ||
      (next?.role === 'body' && (leadMarker.test(next.text) || timeLead.test(next.text)))
    )
  }

  const looksLikePhoto = (index: number): boolean => {
    const line = lines[index]!
    const next = lines[index + 1]
    if (next?.role === 'credit' || next?.role === 'figure') return true
    const standsAlone = next === undefined || next.role === 'headline' || next.role === 'short' || next.blankBefore >= 2
    return standsAlone && (line.blankBefore >= 2 || /图为/u.test(line.text)) && length(line.text) <= 300
  }

  /** Apply an archivist's override at `index`; the index of the last line it used. */
  const override = (index: number, {starts, is, said}: LineOverride): number => {
    const line = lines[index]!
    let end = index + 1
    let item: DraftItem
    if (starts === 'article' && line.role !== 'body' && line.role !== 'figure') {
      end = headlineRun(index)
      item = open('article', line, readHeadline(lines.slice(index, end).map((each) => each.text), options))
    } else if (starts) {
      addBlock((item = open(starts, line)), 'paragraph', line)
    } else {
      item = current ?? open('fragment', line)
      if (is === 'byline') addByline(item, line)
      else addBlock(item, is === 'subheading' ? 'subhead' : 'paragraph', line)
      closed = is === 'byline'
    }
    item.corrections.push(said)
    return end - 1
  }

  const overridden = new Set<number>()
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const inside = current !== undefined && !closed && current.body.length > 0

    const forced = overridden.has(line.line) ? undefined : options.overrides?.get(line.line)
    if (forced) {
      overridden.add(line.line)
      index = override(index, forced)
      continue
    }

    switch (line.role) {
      case 'byline':
      case 'credit': {
        if (current) addByline(current, line)
        else addByline(open('fragment', line), line)
        continue
      }
      case 'names': {
        const next = lines[index + 1]
        // Names right under a title are its byline; after a closed item, names
        // followed by body text are the next title (`简讯`), not more names.
        const underTitle = current?.kind === 'article' && !closed && current.body.length === 0 && next?.role === 'body'
        const afterBody = current !== undefined && current.body.length > 0 && (line.blankBefore < 2 || (closed && next?.role !== 'body'))
        if (!isDateline(index) && (underTitle || afterBody)) {
          addByline(current!, line)
          continue
        }
        break
      }
      case 'subhead': {
        addBlock(inside ? current! : open('fragment', line), 'subhead', line)
        continue
      }
      case 'figure': {
        const item = current && !closed && current.kind === 'photo' ? current : open('photo', line)
        addBlock(item, 'paragraph', line)
        continue
      }
      case 'body': {
        // A caption with its credit (`图为…` ⏎ `记者 刘五 摄`) is photo news even among an article's paragraphs.
        const captioned = /^(?:图为|上图|下图|图：|图:)/u.test(line.text) && lines[index + 1]?.role === 'credit'
        if (inside && !captioned && !(line.blankBefore >= 2 && looksLikePhoto(index))) {
          addBlock(current!, 'paragraph', line)
        } else if (current && !closed && current.body.length === 0) {
          addBlock(current, 'paragraph', line)
        } else {
          addBlock(open(looksLikePhoto(index) ? 'photo' : 'fragment', line), 'paragraph', line)
        }
        continue
      }
      default:
        break
    }

    // A headline (marked), a short line, or a names line read as a dateline.
    const end = line.role === 'names' && lines[index + 1]?.role === 'short' ? headlineRun(index + 1) : headlineRun(index)
    const run = lines.slice(index, end)
    if (line.role !== 'headline' && run.length === 1 && inside && current!.kind !== 'photo' && !startsArticle(index, run.length)) {
      addBlock(current!, 'subhead', line)
      decisions.push({line: line.line, column: line.column, ruleId: 'split:subhead', message: `short line read as a subheading: “${line.text}”`})
      continue
    }
    if (line.role === 'short' && run.length === 1 && inside && current!.kind !== 'photo') {
      decisions.push({line: line.line, column: line.column, ruleId: 'split:new-article', message: `short line inside an article read as a new title: “${line.text}”`})
    }
    open('article', line, readHeadline(run.map((each) => each.text), options))
    index = end - 1
  }

  for (const item of items) finish(item)
  return items
}

const continuedFrom = /^[（(]\s*上接(?:第)?([\d一二三四五六七八九十]+)版\s*[）)]/u
const continuedTo = /[（(]\s*下转(?:第)?([\d一二三四五六七八九十]+)版\s*[）)]$/u

/** Bylines from the lead, and continuation markers. */
function finish(item: DraftItem): void {
  const first = item.body.find((block) => block.type === 'paragraph')
  if (first) {
    const fromLead = leadBylines(first.text).filter((byline) => !item.bylines.some((each) => each.name === byline.name))
    item.bylines.unshift(...fromLead)
    const from = continuedFrom.exec(first.text)
    if (from) item.continuedFrom = pageNumber(from[1]!)
  }
  const last = item.body.at(-1)
  const to = last ? continuedTo.exec(last.text) : null
  if (to) item.continuedTo = pageNumber(to[1]!)
}

const chineseDigits = '一二三四五六七八九'

/** `3`, `三`, `十二`, `二十`, `二十一` → a number. */
export function pageNumber(text: string): number {
  if (/^\d+$/u.test(text)) return Number(text)
  const digit = (character: string | undefined) => (character ? chineseDigits.indexOf(character) + 1 : 0)
  const ten = text.indexOf('十')
  if (ten < 0) return digit(text[0])
  return (ten === 0 ? 1 : digit(text[0])) * 10 + digit(text[ten + 1])
}
