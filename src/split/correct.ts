import type {Correction, Point} from '../model/types.js'
import {describeCorrection} from '../read/corrections.js'
import type {DraftItem, LineOverride} from './draft.js'

const fields = ['kind', 'dateline', 'kicker', 'title', 'subtitle', 'bylines'] as const

/** The item a line of the source belongs to: the last one starting at or before it. */
export function itemAt<T extends {start: Point}>(items: readonly T[], line: number): T | undefined {
  return items.findLast((item) => item.start.line <= line)
}

/** Corrections that decide where items start or what a line is, by line. */
export function lineOverrides(corrections: readonly Correction[]): Map<number, LineOverride> {
  const overrides = new Map<number, LineOverride>()
  for (const correction of corrections) {
    if (correction.starts || correction.is)
      overrides.set(correction.line, {
        starts: correction.starts,
        is: correction.is,
        said: describeCorrection(correction)
      })
  }
  return overrides
}

/**
 * Apply the corrections that replace what the splitter read (kind, headline
 * parts, bylines) and record every correction with its item, the replaced
 * value included, so the page can show its provenance. Returns the
 * corrections that could not be applied, each with the reason.
 */
export function applyCorrections(
  items: DraftItem[],
  corrections: readonly Correction[],
  lineCount: number
): Array<{correction: Correction; reason: string}> {
  const unused: Array<{correction: Correction; reason: string}> = []
  for (const correction of corrections) {
    const item = correction.line <= lineCount ? itemAt(items, correction.line) : undefined
    if (!item) {
      unused.push({correction, reason: `line ${correction.line} is in no item`})
      continue
    }
    if (correction.starts || correction.is) {
      // Recorded by the splitter where it applied it; a blank line has nothing to apply to.
      const said = describeCorrection(correction)
      if (!items.some((each) => each.corrections.includes(said)))
        unused.push({correction, reason: `line ${correction.line} starts no paragraph or heading`})
      continue
    }
    const replaced: string[] = []
    for (const field of fields) {
      const value = correction[field]
      if (value === undefined) continue
      replaced.push(`${field} was ${JSON.stringify(item[field])}`)
      Object.assign(item, {[field]: value})
    }
    item.corrections.push(describeCorrection(correction) + (replaced.length > 0 ? `; ${replaced.join(', ')}` : ''))
  }
  return unused
}
