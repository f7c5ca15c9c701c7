import type {DraftItem} from './draft.js'
import type {Line} from './line-roles.js'
import {length} from './text.js'

/** A caption says what the picture shows: `图为…`, `▲…`, `图说：…`. */
const captionStart = /^(?:图为|上图|下图|图说|图：|图:|▲|△)/u

export function opensCaption(text: string): boolean {
  return captionStart.test(text)
}

/** Whether the line at `index` is a caption: a photographer's credit or numbered captions stand right under it. */
export function isCaption(lines: readonly Line[], index: number): boolean {
  const next = lines[index + 1]
  if (next === undefined || next.blankBefore >= 2) return false
  return (next.role === 'credit' && next.credit?.photo === true) || next.role === 'figure'
}

/**
 * Text that reads as a caption even without a credit: one paragraph set
 * apart by blank lines with a headline or a new region after it, or one
 * opening like a caption (`图为…`, `▲…`).
 */
export function looksLikeCaption(lines: readonly Line[], index: number): boolean {
  const line = lines[index]
  if (line === undefined) return false
  const next = lines[index + 1]
  const standsAlone = next === undefined || next.blankBefore >= 2 || next.role === 'heading' || next.role === 'short'
  // Blank lines above the first line are the top of the page, not a gap.
  const setApart = index > 0 && line.blankBefore >= 2
  return standsAlone && (setApart || captionStart.test(line.text)) && length(line.text) <= 300
}

/** What the grouping saw of an item's credits. */
export interface CreditSeen {
  photo: boolean
  other: boolean
}

/**
 * Photo news: a few paragraphs (a caption, sometimes a title) closed by a
 * photographer's credit and no writer's, or a lone caption.
 */
export function isPhotoNews(item: DraftItem, seen: CreditSeen | undefined, captioned: boolean): boolean {
  const paragraphs = item.body.filter((block) => block.type === 'paragraph').length
  if (item.body.some((block) => block.type === 'subhead') || paragraphs === 0 || paragraphs > 4) return false
  if (item.kicker !== null || item.subtitle !== null) return false
  if (seen?.photo && !seen.other) return true
  return captioned && item.title === null && paragraphs <= 2 && !seen?.other
}
