import {HtmlBasePlugin} from '@11ty/eleventy'
import type UserConfig from '@11ty/eleventy/UserConfig'
import type {Archive} from '../archive/model.js'
import {join} from 'node:path'
import {addFilters} from './filters.js'
import {packageRoot} from './package-root.js'
import {pageLists, type PageLists} from './page-lists.js'
import type {SiteSettings} from './settings.js'
import {sitemapParts} from './sitemaps.js'

/** Register the archive and the pages to render as global data, and the filters of `filters.ts`. */
export function configureSite(
  eleventyConfig: UserConfig,
  archive: Archive,
  site: SiteSettings,
  pages: PageLists = pageLists(archive)
): void {
  // Installed, the tool's templates live below node_modules, which Eleventy
  // ignores by default, as it does what the user's .gitignore lists.
  // (Eleventy's JSDoc leaves the globs of `ignores` untyped.)
  const {ignores}: {ignores: Set<string>} = eleventyConfig
  ignores.delete('**/node_modules/**')
  eleventyConfig.setUseGitIgnore(false)
  // Eleventy warns of slow filters (`[11ty] Benchmark 159ms 72% …`) even in quiet mode, through a logger of
  // its own: the build times its stages itself (--stats), and the warning would only alarm an archivist.
  const {config} = benchmarkGroups(eleventyConfig.benchmarks)
  config.setMinimumThresholdMs(0)
  eleventyConfig.addGlobalData('archive', archive)
  // What the paginated templates render: everything, or in a rebuild only the pages that changed.
  eleventyConfig.addGlobalData('pages', pages)
  eleventyConfig.addGlobalData('site', site)
  if (site.logoFile) eleventyConfig.addPassthroughCopy({[site.logoFile]: site.logo.slice(1)})
  // The search page's script, compiled from src/site/search/client/ (under tsx too, which runs src/).
  eleventyConfig.addPassthroughCopy({[searchScript]: 'assets/search.js'})
  eleventyConfig.addGlobalData('sitemaps', sitemapParts(archive))
  // The plugin rewrites every link of every page; at the root there is nothing to rewrite.
  if (site.basePath !== '/') eleventyConfig.addPlugin(HtmlBasePlugin)

  addFilters(eleventyConfig, archive, site)
}

/** The search page's script, compiled from src/site/search/client/. */
export const searchScript = join(packageRoot, 'dist/site/search/client/search.js')

/** Eleventy's JSDoc types `benchmarks` as a bare `object`: its `config` is the group that times filters. */
function benchmarkGroups(benchmarks: object | undefined): {config: BenchmarkGroup} {
  const config = benchmarks && 'config' in benchmarks ? benchmarks.config : undefined
  if (!isBenchmarkGroup(config)) throw new Error('Eleventy’s benchmarks have no group `config`')
  return {config}
}

type BenchmarkGroup = {setMinimumThresholdMs(ms: number): void}

function isBenchmarkGroup(value: unknown): value is BenchmarkGroup {
  return (
    typeof value === 'object' &&
    value !== null &&
    'setMinimumThresholdMs' in value &&
    typeof value.setMinimumThresholdMs === 'function'
  )
}
