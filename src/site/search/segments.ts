import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'
import type {ArchiveItem} from '../../archive/model.js'
import {isInsidePath} from '../../util/inside-path.js'
import {searchBundles} from './bundles.js'
import type {BundleInfo, IndexMeta} from './format.js'

/** Where the search index lives in the site. */
export const searchFolder = 'search-index'

/**
 * Most items a delta segment holds, and at most half the archive's: past
 * that, a rebuild indexes the archive again into one segment (a query then
 * fetches a shard a token, not two). 20,000 items index in about 5 s here.
 */
export const deltaLimit = 20_000

/** A search bundle of the archive being built: its name, a hash of its items, how many. */
export interface BundleState {
  name: string
  hash: string
  docs: number
}

/** The search bundles of `items`, with their hashes by name (the site state's). */
export function bundleStates(items: readonly ArchiveItem[], hashes: Readonly<Record<string, string>>): BundleState[] {
  return [...searchBundles(items)].map(([name, members]) => ({name, hash: hashes[name] ?? '', docs: members.length}))
}

/**
 * What a rebuild does to the search index: index every bundle into a new
 * base (`full`); leave it as published (`keep`); or keep the base's
 * bundles whose items are as they were (`base`) and index the others
 * (`delta`) into a new delta segment.
 */
export type SearchPlan =
  {kind: 'full'} | {kind: 'keep'} | {kind: 'delta'; previous: IndexMeta; base: BundleInfo[]; delta: Set<string>}

/**
 * The search plan from the published index's `previous` meta, built when
 * the bundles had the `hashes` of the site state, to an archive of
 * `bundles`. A bundle the meta lists in the base is the same there still
 * when its hash is as at the last build: one that changed since the base
 * was made went into the delta and stays there until the next base.
 */
export function planSearch(
  previous: IndexMeta | undefined,
  hashes: Readonly<Record<string, string>>,
  bundles: readonly BundleState[],
  limit = deltaLimit
): SearchPlan {
  if (!previous) return {kind: 'full'}
  const same = (bundle: BundleState | undefined) => bundle !== undefined && bundle.hash === hashes[bundle.name]
  if (bundles.length === Object.keys(hashes).length && bundles.every(same)) return {kind: 'keep'}
  const current = new Map(bundles.map((bundle) => [bundle.name, bundle]))
  const base = previous.bundles.filter((info) => info.segment === 0 && same(current.get(info.name)))
  const kept = new Set(base.map((info) => info.name))
  const fresh = bundles.filter((bundle) => !kept.has(bundle.name))
  const docs = fresh.reduce((sum, bundle) => sum + bundle.docs, 0)
  const total = bundles.reduce((sum, bundle) => sum + bundle.docs, 0)
  if (docs > limit || docs * 2 > total) return {kind: 'full'}
  return {kind: 'delta', previous, base, delta: new Set(fresh.map((bundle) => bundle.name))}
}

/**
 * What of the output's `search-index/` a rebuild by `plan` replaces whole
 * (the files it writes besides, the new segment's among them, are added
 * or replace their namesakes): all of it, nothing, or the delta segment
 * before and the base's fragments of the bundles it no longer lists.
 */
export function searchChanges(plan: SearchPlan): string[] {
  if (plan.kind === 'full') return [searchFolder]
  if (plan.kind === 'keep') return []
  const [base, delta] = plan.previous.segments
  const kept = new Set(plan.base.map((bundle) => bundle.name))
  const dead = plan.previous.bundles.filter((bundle) => bundle.segment === 0 && !kept.has(bundle.name))
  return [...(delta ? [delta.folder] : []), ...(base ? dead.map((bundle) => `${base.folder}/${bundle.name}`) : [])].map(
    (path) => `${searchFolder}/${path}`
  )
}

const name = z.string().refine((text) => isInsidePath(text) && !text.includes('/'), 'a file name')
const count = z.number().int().nonnegative()
const indexMeta = z.object({
  docs: count,
  segments: z.array(z.object({folder: name, shards: count.min(1)})).min(1),
  bundles: z.array(z.object({name, year: z.string(), segment: count, first: count, docs: count})),
  counts: z.record(z.enum(['district', 'town', 'year']), z.record(z.string(), count))
}) satisfies z.ZodType<IndexMeta>

/**
 * The meta of the index published in `site`, or undefined when there is
 * none or it is not sound (then the index is made anew): a rebuild removes
 * folders it names, so a damaged one must not name files outside it.
 */
export async function readIndexMeta(site: string | undefined): Promise<IndexMeta | undefined> {
  if (site === undefined) return undefined
  try {
    const parsed = indexMeta.safeParse(JSON.parse(await readFile(join(site, searchFolder, 'meta.json'), 'utf8')))
    const meta = parsed.success ? parsed.data : undefined
    return meta?.bundles.every((bundle) => bundle.segment < meta.segments.length) ? meta : undefined
  } catch {
    return undefined
  }
}
