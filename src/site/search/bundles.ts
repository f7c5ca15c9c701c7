import type {ArchiveItem} from '../../archive/model.js'
import type {Division} from '../../model/types.js'
import {monthOf, yearOf} from '../../archive/export.js'
import {namedParts} from '../../archive/parts.js'
import {groupBy} from '../../util/group-by.js'

/**
 * Most items a search bundle holds. A rebuild writes the fragments of a
 * bundle whose items changed again, whole; the indexer's thread is sent a
 * bundle's items at a time.
 */
export const bundleLimit = 4000

/** The year an item is filtered under in search, or `undated`. */
export function searchYear(item: Pick<ArchiveItem, 'metadata'>): string {
  return yearOf(item.metadata)
}

/**
 * The search bundles, newest first, and their items. Past years are one
 * bundle each, or runs of whole months of at most `limit` items; the
 * newest year has one bundle per month, so that adding today's pages
 * writes a month's fragments again and not a year's. A month of more than
 * `limit` items, and the undated items, which come last, are cut into
 * bundles of `limit` (`2024-03`, `2024-03-2`…; `undated`, `undated-2`…).
 */
export function searchBundles(items: readonly ArchiveItem[], limit = bundleLimit): Map<string, ArchiveItem[]> {
  const months = groupBy(items, (item) => monthOf(item.metadata))
  // In the order of the months' names (as `sort()` orders strings).
  const dated = [...months].filter(([month]) => month !== 'undated').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const years = groupBy(dated, ([month]) => month.slice(0, 4))
  const newestYear = dated.at(-1)?.[0].slice(0, 4)
  const oldestFirst = [...years].flatMap(([year, list]) => yearBundles(year, list, year === newestYear, limit))
  return new Map([...oldestFirst.reverse(), ...namedParts('undated', months.get('undated') ?? [], limit)])
}

type Bundle = [name: string, items: ArchiveItem[]]

/** One year's bundles, oldest first: the year, or runs of its months (each month on its own in the newest year). */
function yearBundles(year: string, months: Bundle[], newest: boolean, limit: number): Bundle[] {
  const all = months.flatMap(([, list]) => list)
  if (!newest && all.length <= limit) return [[year, all]]
  const bundles: Bundle[] = []
  let run: ArchiveItem[] = []
  let name = ''
  const flush = () => {
    if (run.length > 0) bundles.push([name, run])
    run = []
  }
  for (const [month, list] of months) {
    if (run.length > 0 && (newest || run.length + list.length > limit)) flush()
    if (list.length > limit) {
      bundles.push(...namedParts(month, list, limit))
      continue
    }
    if (run.length === 0) name = month
    run = run.concat(list)
  }
  flush()
  return bundles
}

/**
 * The search filter a place is found under: its level and a name unique
 * enough to read (`district:南通市通州区`, `town:通州区石港镇`), the same
 * in the index and in the search page's list of place names.
 */
export function searchFilter(place: Pick<Division, 'level' | 'path'>): string {
  return `${place.level}:${filterName(place)}`
}

/** A search filter without its level: `南通市通州区`, `通州区石港镇`. */
export function filterName(place: Pick<Division, 'path'>): string {
  return place.path.slice(-2).join('')
}

/** The search filters of an item's districts and towns (the levels the search form filters by). */
export function placeFilters(item: Pick<ArchiveItem, 'places'>): string[] {
  return filterPlaces(item.places).map(searchFilter)
}

/** The districts and towns among `places`. */
export function filterPlaces<P extends Pick<Division, 'level'>>(places: readonly P[]): Array<P & {level: FilterLevel}> {
  return places.filter(
    (place): place is P & {level: FilterLevel} => place.level === 'district' || place.level === 'town'
  )
}

/** The levels of place the search form filters by. */
export type FilterLevel = 'district' | 'town'
