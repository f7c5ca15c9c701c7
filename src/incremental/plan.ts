import type {SearchPlan} from '../site/search/segments.js'
import type {UpdatePlan} from '../site/update.js'
import type {SiteState} from './site-state.js'

/**
 * What to rebuild to go from `previous` to `next`, the search index by
 * `search` (`planSearch`); undefined when only a full build will do.
 */
export function planUpdate(
  previous: SiteState | undefined,
  next: SiteState,
  search: SearchPlan
): UpdatePlan | undefined {
  if (!previous || previous.version !== next.version) return undefined
  const changed = (from: Record<string, string>, to: Record<string, string>) =>
    new Set(Object.keys(to).filter((key) => from[key] !== to[key]))
  const gone = (from: Record<string, string>, to: Record<string, string>) =>
    Object.keys(from).filter((key) => !(key in to))
  return {
    files: changed(previous.pages, next.pages),
    stale: gone(previous.pages, next.pages),
    search,
    data: changed(previous.data, next.data),
    staleData: gone(previous.data, next.data)
  }
}

/** Whether a plan leaves the site exactly as it is. */
export function isEmptyPlan(plan: UpdatePlan): boolean {
  return (
    plan.files.size === 0 &&
    plan.stale.length === 0 &&
    plan.search.kind === 'keep' &&
    plan.data.size === 0 &&
    plan.staleData.length === 0
  )
}
