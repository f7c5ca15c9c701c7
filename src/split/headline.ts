import type {Item} from '../model/types.js'
import type {Line} from './line-roles.js'
import {length, tidySpaces} from './text.js'

/** The parts of an article's headline. */
export type Headline = Pick<Item, 'dateline' | 'kicker' | 'title' | 'subtitle'>

export interface HeadlineOptions {
  /** True when a line names a place only (`太仓市`, `常州钟楼`). */
  isPlaceName: (text: string) => boolean
}

// A label ending in a colon (`某市某镇：`) introduces the title as a dash does.
const kickerEnd = /(?:——|-{2,}|—{3,}|[:：])$/u
const subtitleStart = /^(?:——|-{2,})/u
const inlineKicker = /^(.+?——)\s*(\S.*)$/u

/**
 * Read the lines above an article's body as dateline, kicker (引题), title
 * and subtitle (副题), by position, as papers set them:
 *
 * - a first line naming only a place, above a title, is the dateline;
 * - a line ending in `——` or a colon is the kicker; a line holding `——` with text
 *   after it is kicker and title (nothing else splits a line: a space or a
 *   comma is part of the title);
 * - a line opening with `——` is the subtitle;
 * - of three lines or more left, the first is the kicker; of two, a first
 *   of at most six characters over a longer one is a column's or series'
 *   label (`基层走笔`, `乡村见闻`), a kicker too;
 * - of the rest, the first is the title and the next the subtitle.
 */
export function readHeadline(lines: string[], options: HeadlineOptions): Headline {
  const headline: Headline = {dateline: null, kicker: null, title: null, subtitle: null}
  const rest = lines.map((line) => tidySpaces(line))
  const opening = rest[0]
  if (rest.length > 1 && opening !== undefined && options.isPlaceName(opening)) {
    headline.dateline = opening
    rest.shift()
  }
  const plain = rest.filter((line) => !kickerEnd.test(line) && !subtitleStart.test(line) && !inlineKicker.test(line))
  // isLabelled is true only of two lines or more.
  const label = rest[0]
  if (plain.length === rest.length && isLabelled(rest) && label !== undefined) {
    headline.kicker = label
    rest.shift()
  }
  const addSubtitle = (line: string) => (headline.subtitle = headline.subtitle ? `${headline.subtitle} ${line}` : line)
  for (const line of rest) {
    const inline = inlineKicker.exec(line)
    if (subtitleStart.test(line) && headline.title !== null) addSubtitle(line)
    else if (kickerEnd.test(line) && headline.kicker === null && headline.title === null) headline.kicker = line
    else if (inline && headline.kicker === null && headline.title === null && !subtitleStart.test(line)) {
      // Both of the pattern's groups always take part.
      headline.kicker = inline[1] ?? ''
      headline.title = inline[2] ?? ''
    } else if (headline.title === null) headline.title = line
    else addSubtitle(line)
  }
  return headline
}

/** Three plain headline lines, or a short label over a longer line: the first is the kicker. */
function isLabelled(lines: readonly string[]): boolean {
  if (lines.length >= 3) return true
  const [first, second] = lines
  return first !== undefined && second !== undefined && length(first) <= 6 && length(second) > length(first)
}

/**
 * The lines from `index` that make one headline: on a marked page the run
 * of `#`/`##` lines, a locality line above them and a plain subtitle under
 * them (a dash-led line, or one with the credit right under it); on a plain
 * page a locality, a kicker ending in `——`, the title and one subtitle
 * (after a kicker only a dash-led one or one over a credit).
 */
export function headlineRun(lines: readonly Line[], index: number, options: HeadlineOptions): number {
  let end = index
  const at = (position: number) => lines[position]
  const plain = (line: Line | undefined) =>
    line !== undefined && (line.role === 'short' || line.role === 'names') && line.blankBefore < 2
  const overCredit = (position: number) => {
    const next = at(position + 1)
    return next !== undefined && (next.role === 'credit' || next.role === 'names') && next.blankBefore < 2
  }
  const first = at(index)
  // `index` is a line's (the caller's): without one there is no headline.
  if (first === undefined) return end
  const next = at(index + 1)
  if (
    first.role !== 'heading' &&
    next &&
    (next.role === 'heading' || plain(next)) &&
    options.isPlaceName(tidySpaces(first.text))
  )
    end++
  if (at(end)?.role === 'heading') {
    const heading = (line: Line | undefined) => line?.role === 'heading' && (end === index || line.blankBefore < 2)
    while (heading(at(end))) end++
    const under = at(end)
    const below = at(end + 1)
    // A marked page marks its subheadings: a plain short line under the title, over the body, is the subtitle.
    const overBody = under?.role === 'short' && below?.role === 'body' && below.blankBefore < 2
    if (under && plain(under) && (subtitleStart.test(under.text) || overCredit(end) || overBody)) end++
    return end
  }
  let kicker = false
  if (kickerEnd.test(at(end)?.text ?? '') && plain(at(end + 1))) {
    kicker = true
    end++
  }
  end++
  const under = at(end)
  if (under && plain(under) && under.role === 'short' && (subtitleStart.test(under.text) || overCredit(end) || !kicker))
    end++
  return end
}
