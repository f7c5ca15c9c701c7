import type {buildSite as render} from './build-site.js'

// The site stage: the archive rendered with Eleventy, its search index and data files; what a rebuild rewrites.
export {normaliseBasePath} from './base-path.js'
export type {SiteText} from './settings.js'
export {redirectsFrom} from './redirects.js'
export {outputChanges, type UpdatePlan} from './update.js'
export {bundleStates, planSearch, readIndexMeta} from './search/segments.js'

/** `buildSite`, its modules loaded only when there is something to render: Eleventy's take 0.3 s. */
export async function buildSite(...args: Parameters<typeof render>): ReturnType<typeof render> {
  return (await import('./build-site.js')).buildSite(...args)
}
