import type {BodyBlock, Item} from '../model/types.js'

/** `(上接1版)` opens text continued from another page; `（下转2版）` closes text continued on one. */
export const continuedFrom = /^[（(]\s*(?:上接|接上)(?:第)?([\d一二三四五六七八九十]+)版\s*[）)]/u
export const continuedTo = /[（(]\s*(?:下转|转下)(?:第)?([\d一二三四五六七八九十]+)版\s*[）)]$/u

/**
 * Whether `text` ends in a jump marker (`…召开会议（下转2版）`). Most lines do
 * not end in a bracket, and the pattern, anchored at the end, would be
 * tried from every bracket of the line.
 */
export function endsInJumpTo(text: string): boolean {
  const last = text.at(-1)
  return (last === '）' || last === ')') && continuedTo.test(text)
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

/** The pages an item continues from and on, read from its first and last blocks. */
export function continuations(body: readonly BodyBlock[]): Pick<Item, 'continuedFrom' | 'continuedTo'> {
  const from = body[0] ? continuedFrom.exec(body[0].text) : null
  const last = body.at(-1)
  const to = last && endsInJumpTo(last.text) ? continuedTo.exec(last.text) : null
  // Each pattern's group always takes part.
  return {continuedFrom: from ? pageNumber(from[1] ?? '') : null, continuedTo: to ? pageNumber(to[1] ?? '') : null}
}
