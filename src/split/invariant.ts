import type {SourceLine} from './parse.js'
import type {DraftItem} from './segment.js'
import {visible} from './text.js'

/** Every printed character of an item, in reading order. */
export function itemText(item: Pick<DraftItem, 'dateline' | 'kicker' | 'title' | 'subtitle' | 'body' | 'byline'>): string {
  return [item.dateline, item.kicker, item.title, item.subtitle, ...item.body.map((block) => block.text), item.byline]
    .filter((part): part is string => part !== null)
    .join('')
}

/**
 * Nothing lost: the text of the items, in order, is the text of the page
 * without the lines the splitter reported as removed, character for
 * character (white space aside). Returns the first place where they part,
 * or undefined when they agree.
 */
export function findLoss(lines: SourceLine[], removedLines: Set<number>, items: DraftItem[]): {offset: number; expected: string; actual: string} | undefined {
  const expected = visible(lines.filter((line) => !removedLines.has(line.line)).map((line) => line.text).join(''))
  const actual = visible(items.map((item) => itemText(item)).join(''))
  if (expected === actual) return undefined
  let offset = 0
  while (offset < expected.length && expected[offset] === actual[offset]) offset++
  return {offset, expected: expected.slice(offset, offset + 20), actual: actual.slice(offset, offset + 20)}
}
