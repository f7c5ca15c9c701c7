import {createHash} from 'node:crypto'
import type {Gazette} from '../model/types.js'
import {type PlaceNames, paperRegions} from '../tag/index.js'
import {readCached, writeCached} from '../incremental/cache.js'

/** What reading pages in their paper's home changed: the gazettes, and the cache key each now stands for. */
export interface PaperContext {
  gazettes: Gazette[]
  keys: Map<string, string>
  /** The cache entries written or read for it, to keep with the folder's. */
  entries: string[]
}

/**
 * Tag again, in their paper's home region, the pages that had none: too few
 * names of their own to tell it, and none given. The paper's home is read
 * from its other pages (`paperRegions`), so it is known only once all are
 * split and tagged; a page retagged is cached under its key and that region.
 * A page with place corrections keeps its tags: the user has spoken.
 */
export async function tagInPaperContext(
  gazettes: Gazette[],
  keys: ReadonlyMap<string, string>,
  cache: string | undefined,
  names: () => Promise<PlaceNames>
): Promise<PaperContext> {
  const regions = paperRegions(gazettes)
  const result: PaperContext = {gazettes: [...gazettes], keys: new Map(keys), entries: []}
  const todo = gazettes.flatMap((gazette, index) => {
    const region = gazette.metadata.paper === null ? undefined : regions.get(gazette.metadata.paper)
    const corrected = gazette.items.some((item) => item.corrections.length > 0)
    return gazette.home === null && region !== undefined && !corrected ? [{gazette, index, region}] : []
  })
  if (todo.length === 0) return result
  // Loaded only when a page needs it: the segmenter and the gazetteer take a second.
  let retag: ((gazette: Gazette, region: string, names: PlaceNames) => Gazette) | undefined
  for (const {gazette, index, region} of todo) {
    const key = keys.get(gazette.source)
    const derived = key === undefined ? undefined : paperKey(key, region)
    let again = cache && derived ? readCached(cache, derived) : undefined
    if (!again) {
      retag ??= (await import('./retag.js')).retagInRegion
      again = retag(gazette, region, await names())
      if (cache && derived) await writeCached(cache, derived, again)
    }
    result.gazettes[index] = again
    if (derived) {
      result.keys.set(gazette.source, derived)
      result.entries.push(derived)
    }
  }
  return result
}

function paperKey(key: string, region: string): string {
  return createHash('sha256').update(`${key} in ${region}`).digest('hex').slice(0, 32)
}
