import type {Byline} from '../model/types.js'
import {leadCredit, readCredit, splitCreditSuffix} from './credits.js'

/*
 * The byline API of earlier versions, read through the credit grammar of
 * credits.ts: whole byline lines, names appended to a paragraph, names in
 * a lead.
 */

/** How a line reads as a byline. */
export type BylineShape = 'dotted' | 'names' | 'roled' | 'credit'

/** If the whole line is a byline, its shape. */
export function bylineShape(line: string): BylineShape | undefined {
  const credit = readCredit(line)
  if (!credit) return undefined
  if (credit.photo) return 'credit'
  if (/^[·•・].*[·•・]$/u.test(line.trim())) return 'dotted'
  return credit.certain ? 'roled' : 'names'
}

/** Names appended to the last sentence of a paragraph: the paragraph without them, and them. */
export function splitBylineSuffix(text: string): {text: string; byline: string} | undefined {
  const split = splitCreditSuffix(text)
  return split ? {text: split.text, byline: split.credit} : undefined
}

/** Parse a byline line into names with roles. */
export function parseBylines(text: string): Byline[] {
  return readCredit(text)?.bylines ?? []
}

/** Bylines stated inside the lead: `本报讯（通讯员孙冬红 记者任溢斌）`. */
export function leadBylines(text: string): Byline[] {
  return leadCredit(text)
}
