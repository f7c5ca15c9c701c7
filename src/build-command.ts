import {existsSync} from 'node:fs'
import {stat, writeFile} from 'node:fs/promises'
import {buildArchiveFromFolder, pruneCache} from './pipeline/build.js'
import {pipelineVersion} from './pipeline/cache.js'
import {timed, type Timings} from './pipeline/timings.js'
import {folderSnapshot} from './read/snapshot.js'
import {formatReports} from './report.js'
import {updateInPlace, writeAtomically} from './site/atomic-output.js'
import {searchFolder} from './site/search/write-index.js'
import {partFiles} from './site/write-data.js'
import {isEmptyPlan, planUpdate, readState, siteState, siteVersion, statePath, writeState, type SiteState} from './site/site-state.js'
import type {Report} from './types.js'
import type {buildSite as renderSite} from './site/build-site.js'

/** The options of `gazette build` (see `cli.ts`). */
export interface BuildOptions {
  input: string
  output: string
  basePath: string
  siteUrl: string
  strict?: boolean
  /** Megabytes. */
  maxFileSize: number
  report?: boolean
  quiet?: boolean
  stats?: string
  cache: string | false
  full?: boolean
}

/**
 * `gazette build`: read, split, tag and render the archive, or only what
 * changed since the last build into the same output. Prints its summary
 * and problems; the exit code.
 */
export async function build(options: BuildOptions, onProgress?: (done: number, total: number) => void): Promise<number> {
  const started = Date.now()
  const timings: Timings = {}
  if (!(await stat(options.input).catch(() => undefined))?.isDirectory()) {
    console.error(`gazette build: no content folder at ${options.input} (-i, --input)`)
    return 1
  }
  // A rebuild of a site built before with the same cache renders only the pages that changed.
  const stateFile = options.cache ? statePath(options.cache, options.output) : undefined
  const previous = stateFile && !options.full && existsSync(options.output) ? await readState(stateFile) : undefined
  const version = await siteVersion([options.basePath, options.siteUrl])
  const input = stateFile ? folderSnapshot(options.input, [options.maxFileSize, await pipelineVersion()]) : undefined
  // Not a file of the content folder touched since the last build: nothing to read or render.
  if (input && previous?.summary && previous.input === input && previous.version === version && !options.report) {
    const {lines, problems} = previous.summary
    if (problems.length > 0) console.error(formatReports(problems))
    if (failsStrict(options, countReports(problems))) return 1
    await writeStats(options.stats, {timings, wallMs: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, pages: 0})
    console.log([`unchanged: ${options.output}/ left as it was (${((Date.now() - started) / 1000).toFixed(1)} s)`, ...lines].join('\n'))
    return 0
  }
  const {archive, gazettes, keys} = await buildArchiveFromFolder({
    input: options.input,
    maxBytes: options.maxFileSize * 1024 * 1024,
    timings,
    cache: options.cache || undefined,
    onProgress
  })
  const counts = countReports(archive.reports)
  const problems = archive.reports.filter((report) => report.severity !== 'info')
  const shown = options.report ? archive.reports : problems
  if (shown.length > 0) console.error(formatReports(shown))
  if (failsStrict(options, counts)) return 1
  const settings = {output: options.output, basePath: options.basePath, siteUrl: options.siteUrl, timings}
  const {stats} = archive
  const lines = [
    `  ${stats.gazettes} gazette files → ${stats.items} items (${stats.articles} articles, ${stats.photos} photos, ${stats.fragments} fragments)`,
    `  ${stats.places} districts and towns; ${archive.people.length} people`,
    `  reports: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes (--report prints the notes)`
  ]
  // Kept only beside a cache: the next build compares its own with it.
  const state: SiteState | undefined = stateFile ? {...(await timed(timings, 'state', () => siteState(archive, version, keys))), input, summary: {lines, problems}} : undefined
  const plan = state && planUpdate(previous, state)
  let pages = 0
  if (!plan) {
    pages = (await writeAtomically(options.output, (folder) => buildSite(archive, gazettes, {...settings, output: folder}))).pages
  } else if (!isEmptyPlan(plan)) {
    const changes = {replace: [...plan.bundles, ...plan.staleBundles].map((bundle) => `${searchFolder}/${bundle}`), remove: [...plan.stale, ...plan.staleData.flatMap(partFiles)]}
    pages = (await updateInPlace(options.output, changes, async (folder) => {
      const built = await buildSite(archive, gazettes, {...settings, output: folder, update: {plan, previous: options.output}})
      // Forgotten while the output is between states: a killed rebuild is followed by a full build.
      await writeState(stateFile!, undefined)
      return built
    })).pages
  }
  if (stateFile) await writeState(stateFile, state)
  const pruned = options.cache ? await pruneCache(options.cache) : 0
  await writeStats(options.stats, {timings, wallMs: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, items: stats.items, gazettes: stats.gazettes, pages})
  const done = `${plan ? 'updated' : 'built'} ${options.output}/ in ${((Date.now() - started) / 1000).toFixed(1)} s: ${pages} pages`
  const cacheLine = pruned > 0 ? [`  cache: ${pruned} results no gazette uses any more deleted`] : []
  console.log([plan ? `${done} written (${plan.files.size} changed, ${plan.stale.length} removed, ${plan.bundles.size} search bundles)` : done, ...lines, ...cacheLine].join('\n'))
  return 0
}

/** `buildSite`, its modules loaded only when there is something to render: Eleventy's take 0.3 s. */
async function buildSite(...args: Parameters<typeof renderSite>): ReturnType<typeof renderSite> {
  return (await import('./site/build-site.js')).buildSite(...args)
}

/** With --strict, any error or warning fails the build before the output is touched. */
function failsStrict(options: BuildOptions, counts: Record<Report['severity'], number>): boolean {
  if (!options.strict || counts.error + counts.warning === 0) return false
  console.error(`--strict: ${counts.error} errors and ${counts.warning} warnings; ${options.output}/ left as it was`)
  return true
}

async function writeStats(file: string | undefined, stats: Record<string, unknown>): Promise<void> {
  if (file) await writeFile(file, JSON.stringify(stats, null, 2))
}

function countReports(reports: Report[]): Record<Report['severity'], number> {
  const counts = {error: 0, warning: 0, info: 0}
  for (const report of reports) counts[report.severity]++
  return counts
}
