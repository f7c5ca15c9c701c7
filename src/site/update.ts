import {searchChanges, type SearchPlan} from './search/segments.js'
import {partFiles} from './write-data.js'
import {originalOf} from './write-originals.js'

/** What a rebuild must write to turn the previous site into the new one (see incremental/plan.ts). */
export interface UpdatePlan {
  /** Paginated pages to render, by output file. */
  files: Set<string>
  /** Output files of pages that no longer exist. */
  stale: string[]
  /** What to index for search afresh. */
  search: SearchPlan
  /** Data parts to write afresh. */
  data: Set<string>
  /** Data parts that no longer exist. */
  staleData: string[]
}

/** The output's folders a rebuild by `plan` replaces whole, and its files and folders it deletes. */
export function outputChanges(plan: UpdatePlan): {replace: string[]; remove: string[]} {
  return {
    replace: searchChanges(plan.search),
    // A newspaper page gone takes its original text with it.
    remove: [...plan.stale, ...plan.stale.flatMap(originalOf), ...plan.staleData.flatMap(partFiles)]
  }
}
