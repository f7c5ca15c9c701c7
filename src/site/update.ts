import {searchFolder} from './search/write-index.js'
import {partFiles} from './write-data.js'
import {originalOf} from './write-originals.js'

/** What a rebuild must write to turn the previous site into the new one (see incremental/plan.ts). */
export interface UpdatePlan {
  /** Paginated pages to render, by output file. */
  files: Set<string>
  /** Output files of pages that no longer exist. */
  stale: string[]
  /** Search bundles to index afresh. */
  bundles: Set<string>
  /** Search bundles that no longer exist. */
  staleBundles: string[]
  /** Data parts to write afresh. */
  data: Set<string>
  /** Data parts that no longer exist. */
  staleData: string[]
}

/** The output's folders a rebuild by `plan` replaces whole, and its files and folders it deletes. */
export function outputChanges(plan: UpdatePlan): {replace: string[]; remove: string[]} {
  return {
    replace: searchChanges(plan),
    // A newspaper page gone takes its original text with it.
    remove: [...plan.stale, ...plan.stale.flatMap(originalOf), ...plan.staleData.flatMap(partFiles)]
  }
}

/**
 * What of the search index a rebuild replaces whole: nothing when no item
 * changed; else the token shards, and the fragments of the bundles that
 * changed or are gone. The other bundles' fragments stay as published.
 */
export function searchChanges(plan: Pick<UpdatePlan, 'bundles' | 'staleBundles'>): string[] {
  if (plan.bundles.size === 0 && plan.staleBundles.length === 0) return []
  return ['t', ...plan.bundles, ...plan.staleBundles].map((path) => `${searchFolder}/${path}`)
}
