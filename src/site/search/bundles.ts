import type {ArchiveItem} from '../../archive/model.js'
import type {Division} from '../../types.js'
import {monthOf, yearOf} from '../../archive/export.js'
import {groupBy} from '../group-by.js'

/**
 * Most items a search bundle holds. A rebuild indexes whole bundles again;
 * a search fetches a shard per token from every bundle.
 */
export const bundleLimit = 4000

/** The year an item is filtered under in search, or `undated`. */
export function searchYear(item: Pick<ArchiveItem, 'metadata'>): string {
  return yearOf(item.metadata)
}

/**
 * The search bundles, newest first, and their items. Past years are one
 * bundle each, or runs of whole months of at most `bundleLimit` items;
 * the newest year has one bundle per month, so that adding today's pages
 * re-indexes a month and not a year. Undated items come last.
 */
export function searchBundles(items: readonly ArchiveItem[]): Map<string, ArchiveItem[]> {
  const months = groupBy(items, (item) => monthOf(item.metadata))
  const dated = [...months.keys()].filter((month) => month !== 'undated').sort()
  const newestYear = dated.at(-1)?.slice(0, 4)
  const bundles = new Map<string, ArchiveItem[]>()
  for (const year of new Set(dated.map((month) => month.slice(0, 4)))) {
    const yearMonths = dated.filter((month) => month.startsWith(year))
    if (year !== newestYear && yearMonths.reduce((sum, month) => sum + months.get(month)!.length, 0) <= bundleLimit) {
      bundles.set(year, yearMonths.flatMap((month) => months.get(month)!))
      continue
    }
    let run: ArchiveItem[] = []
    let name = ''
    for (const month of yearMonths) {
      const list = months.get(month)!
      if (run.length > 0 && (year === newestYear || run.length + list.length > bundleLimit)) {
        bundles.set(name, run)
        run = []
      }
      if (run.length === 0) name = month
      run.push(...list)
    }
    bundles.set(name, run)
  }
  if (months.has('undated')) bundles.set('undated', months.get('undated')!)
  return new Map([...bundles].sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a))))
}

/**
 * The search filter a place is found under: its level and a name unique
 * enough to read (`district:南通市通州区`, `town:通州区石港镇`), the same
 * in the index and in the search page's list of place names.
 */
export function searchFilter(place: Pick<Division, 'level' | 'path'>): string {
  return `${place.level}:${place.path.slice(-2).join('')}`
}

/** The search filters of an item's districts and towns (the levels the search form filters by). */
export function placeFilters(item: Pick<ArchiveItem, 'places'>): string[] {
  return item.places.filter((place) => place.level === 'district' || place.level === 'town').map(searchFilter)
}
