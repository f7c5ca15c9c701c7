import type {ArchiveItem} from './model.js'

/*
 * The archive's one order of dates: newest first, undated last. Lists,
 * feeds, the date tree and the search index all show items in it.
 */

/** Two dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null for undated) newest first, undated last. */
export function compareDatesNewestFirst(a: string | null, b: string | null): number {
  return Number(a === null) - Number(b === null) || (b ?? '').localeCompare(a ?? '')
}

/** Dated items newest first, then undated; by id within a date. */
export function compareNewestFirst(a: ArchiveItem, b: ArchiveItem): number {
  return compareDatesNewestFirst(a.metadata.date, b.metadata.date) || a.id.localeCompare(b.id)
}
