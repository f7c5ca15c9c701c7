import type {SourceLine} from './parse.js'
import type {DraftItem} from './draft.js'
import {visible} from './text.js'

type Printed = Pick<DraftItem, 'dateline' | 'kicker' | 'title' | 'subtitle' | 'body' | 'byline'>

/**
 * Every printed character of an item, in reading order. Byline lines (one
 * per line of `byline`) stand after the body, under the headline
 * (`本报记者 王某` before the first paragraph), or some in each place: every
 * such order is given, the usual one (all after the body) first.
 */
export function itemTexts(item: Printed): string[] {
  const headline = [item.dateline, item.kicker, item.title, item.subtitle]
    .filter((part): part is string => part !== null)
    .join('')
  const body = item.body.map((block) => block.text).join('')
  const bylines = item.byline === null ? [] : item.byline.split('\n')
  return bylines
    .map((_, under) => headline + bylines.slice(0, under).join('') + body + bylines.slice(under).join(''))
    .concat(headline + bylines.join('') + body)
    .map((text) => visible(text))
}

/**
 * Nothing lost: the text of the items, in order, is the text of the page
 * without the lines the splitter reported as removed, character for
 * character (white space aside). Returns the first place where they part,
 * or undefined when they agree.
 */
export function findLoss(
  lines: SourceLine[],
  removedLines: Set<number>,
  items: Printed[]
): {offset: number; expected: string; actual: string} | undefined {
  const expected = visible(
    lines
      .filter((line) => !removedLines.has(line.line))
      .map((line) => line.text)
      .join('')
  )
  let offset = 0
  for (const item of items) {
    const end = matchItem(expected, offset, item)
    if (end === undefined)
      return part(
        expected,
        itemTexts(item)[0] +
          items
            .slice(items.indexOf(item) + 1)
            .map((each) => itemTexts(each)[0])
            .join(''),
        offset
      )
    offset = end
  }
  return offset === expected.length ? undefined : part(expected, '', offset)
}

/**
 * Where the item's text ends in `expected` when it starts at `offset`: the
 * headline, then body blocks and byline lines in their own orders, a byline
 * line standing between any two blocks (a credit under the lead, a caption's
 * credit). Undefined when the item's text is not there.
 */
function matchItem(expected: string, offset: number, item: Printed): number | undefined {
  const headline = visible(
    [item.dateline, item.kicker, item.title, item.subtitle].filter((part): part is string => part !== null).join('')
  )
  if (!expected.startsWith(headline, offset)) return undefined
  const blocks = item.body.map((block) => visible(block.text))
  const credits = item.byline === null ? [] : item.byline.split('\n').map((line) => visible(line))
  const failed = new Set<string>()
  const walk = (at: number, block: number, credit: number): number | undefined => {
    if (block === blocks.length && credit === credits.length) return at
    const key = `${block},${credit}`
    if (failed.has(key)) return undefined
    // Past the end of its list, an index reads undefined.
    const nextBlock = blocks[block]
    const nextCredit = credits[credit]
    const viaBlock =
      nextBlock !== undefined && expected.startsWith(nextBlock, at)
        ? walk(at + nextBlock.length, block + 1, credit)
        : undefined
    const found =
      viaBlock ??
      (nextCredit !== undefined && expected.startsWith(nextCredit, at)
        ? walk(at + nextCredit.length, block, credit + 1)
        : undefined)
    if (found === undefined) failed.add(key)
    return found
  }
  return walk(offset + headline.length, 0, 0)
}

/** Where `expected` (from `offset`) and `actual` first differ. */
function part(expected: string, actual: string, offset: number): {offset: number; expected: string; actual: string} {
  let same = 0
  while (offset + same < expected.length && expected[offset + same] === actual[same]) same++
  const at = offset + same
  return {offset: at, expected: expected.slice(at, at + 20), actual: actual.slice(same, same + 20)}
}
