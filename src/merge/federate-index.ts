import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'
import type {BundleInfo, FilterCounts, IndexMeta} from '../site/search/format.js'
import type {Place} from '../site/search/query.js'

/** An archive of a merged site: its folder name there, its index and its search places. */
export interface Federated {
  name: string
  meta: IndexMeta
  places: Place[]
}

/**
 * One index over the archives' own (see `format.ts`): every segment of
 * each, named by its path from the merged site's `search-index/` and with
 * its archive's folder as the prefix of its fragments' URLs; their
 * bundles newest first (by name: `2024-03` before `2024` before `2023`,
 * undated last), so that results rank across archives as in one.
 */
export function federatedMeta(archives: readonly Federated[]): IndexMeta {
  const segments: IndexMeta['segments'] = []
  const bundles: Array<BundleInfo & {order: number}> = []
  for (const {name, meta} of archives) {
    const offset = segments.length
    for (const segment of meta.segments)
      segments.push({...segment, folder: `../${name}/search-index/${segment.folder}`, prefix: `${name}/`})
    for (const bundle of meta.bundles)
      bundles.push({...bundle, segment: bundle.segment + offset, order: bundles.length})
  }
  const undated = (bundle: BundleInfo) => bundle.year === 'undated'
  bundles.sort(
    (a, b) =>
      Number(undated(a)) - Number(undated(b)) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0) || a.order - b.order
  )
  const counts: FilterCounts = {district: {}, town: {}, year: {}}
  for (const {meta} of archives)
    for (const level of ['district', 'town', 'year'] as const)
      for (const [value, count] of Object.entries(meta.counts[level]))
        counts[level][value] = (counts[level][value] ?? 0) + count
  return {
    docs: archives.reduce((sum, {meta}) => sum + meta.docs, 0),
    segments,
    bundles: bundles.map(({order: _order, ...bundle}) => bundle),
    counts
  }
}

/** The archives' search places as one list: a place of several archives once, under all their names. */
export function federatedPlaces(archives: readonly Federated[]): Place[] {
  const byFilter = new Map<string, Place>()
  for (const {places} of archives) {
    for (const {level, filter, label, names} of places) {
      const key = `${level}:${filter}`
      const known = byFilter.get(key)
      byFilter.set(key, {level, filter, label, names: [...new Set([...(known?.names ?? []), ...names])]})
    }
  }
  return [...byFilter.values()]
}

const places = z.array(
  z.object({level: z.enum(['district', 'town']), filter: z.string(), label: z.string(), names: z.array(z.string())})
)

/** The search places of the site in `folder` (`data/places.json`), or undefined when they are not sound. */
export async function readPlaces(folder: string): Promise<Place[] | undefined> {
  try {
    const parsed = places.safeParse(JSON.parse(await readFile(join(folder, 'data', 'places.json'), 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
