import {stat, writeFile} from 'node:fs/promises'
import type {VFileMessage} from 'vfile-message'
import type {Archive} from '../archive/model.js'
import {claimCache} from '../incremental/cache.js'
import {siteState} from '../incremental/fingerprints.js'
import {pruneCache} from '../incremental/folder-record.js'
import {isEmptyPlan, planUpdate} from '../incremental/plan.js'
import {readHead, readState, statePath, writeState, type SiteState} from '../incremental/site-state.js'
import {folderSnapshot} from '../incremental/snapshot.js'
import {pipelineVersion, siteVersion} from '../incremental/version.js'
import {fromRecord, severityOf, toRecord, type Severity} from '../model/messages.js'
import type {Gazette} from '../model/types.js'
import {buildArchiveFromFolder, type Pool} from '../pipeline/index.js'
import {LockedError, Output, whyNotOutput} from '../publish/index.js'
import type {MetadataInput} from '../read/index.js'
import {
  buildSite,
  bundleStates,
  normaliseBasePath,
  planSearch,
  readIndexMeta,
  outputChanges,
  redirectsFrom,
  type SiteText,
  type UpdatePlan
} from '../site/index.js'
import {counted} from '../util/counted.js'
import {timed, type Timings} from '../util/timings.js'
import {formatReports} from './report.js'

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
  /** Replace an output folder that a build did not write (its files are deleted). */
  force?: boolean
  /** What `gazette.config.yaml` says of the site (title, about text…). */
  text?: SiteText
  /** Metadata of every gazette unless the manifest or the file says otherwise. */
  defaults?: MetadataInput
  /** How file names give date and page. */
  fileNames?: RegExp
  /** The archivist's templates, laid over the tool's. */
  templates?: string
}

/**
 * `gazette build`: read, split, tag and render the archive, or only what
 * changed since the last build into the same output. Prints its summary
 * and problems; the exit code. Refuses, before touching anything, an
 * output that is the content folder or a user's files (`whyNotOutput`), and
 * holds the output's lock from start to end: two builds of one output run
 * one after the other.
 */
export async function build(
  options: BuildOptions,
  onProgress?: (done: number, total: number, stage: string) => void,
  pool?: Pool
): Promise<number> {
  const started = Date.now()
  if (!(await stat(options.input).catch(() => undefined))?.isDirectory()) {
    console.error(`gazette build: no content folder at ${options.input} (-i, --input)`)
    return 1
  }
  const site = siteSettings(options)
  if ('error' in site) {
    console.error(`gazette build: ${site.error}`)
    return 1
  }
  const refused = whyNotOutput(options)
  if (refused) {
    console.error(`gazette build: ${refused}`)
    return 1
  }
  if (!site.siteUrl) {
    console.error(
      'gazette build: warning: no --site-url (or SITE_URL): Atom ids and sitemap locations are relative,' +
        ' which feed readers and search engines reject'
    )
    if (failsStrict(options, {error: 0, warning: 1, info: 0})) return 1
  }
  const cacheProblem = options.cache ? claimCache(options.cache) : undefined
  if (cacheProblem) console.error(`gazette build: warning: ${cacheProblem}: building without the cache (--cache)`)
  const settings = {...options, ...site, cache: cacheProblem ? false : options.cache}
  let output: Output
  try {
    output = await Output.open(options.output, {
      onWait: (holder) =>
        console.error(
          `gazette build: waiting for the build of pid ${holder.pid} (since ${holder.since}) into ${options.output}`
        )
    })
  } catch (error) {
    if (!(error instanceof LockedError)) throw error
    console.error(`gazette build: ${error.message}: gave up waiting`)
    return 1
  }
  try {
    return await buildInto(output, settings, started, onProgress, pool)
  } finally {
    output.close()
  }
}

/** The build, with the output locked. */
async function buildInto(
  output: Output,
  options: BuildOptions,
  started: number,
  onProgress?: (done: number, total: number, stage: string) => void,
  pool?: Pool
): Promise<number> {
  const timings: Timings = {}
  // A rebuild of a site built before with the same cache renders only the pages that changed.
  const stateFile = options.cache ? statePath(options.cache, options.output) : undefined
  // A state of another release is one a killed build left: it does not describe what is published.
  const ofRelease = <T extends {release?: string | undefined}>(kept: T | undefined) =>
    kept?.release === output.published ? kept : undefined
  const version = await siteVersion([options.basePath, options.siteUrl, options.text], options.templates)
  const pipeline = await pipelineVersion()
  const input = stateFile ? folderSnapshot(options.input, [options.maxFileSize, pipeline]) : undefined
  // Not a file of the content folder touched since the last build: nothing to read or render.
  const head = stateFile && output.published && !options.full ? ofRelease(await readHead(stateFile)) : undefined
  if (input && head?.summary && head.input === input && head.version === version && !options.report)
    return leaveUnchanged(head.summary, options, started)
  const published = ofRelease(stateFile && output.published ? await readState(stateFile) : undefined)
  const previous = options.full ? undefined : published
  const {archive, gazettes, keys} = await buildArchiveFromFolder({
    input: options.input,
    ...(options.defaults ? {defaults: options.defaults} : {}),
    ...(options.fileNames ? {fileNames: options.fileNames} : {}),
    maxBytes: options.maxFileSize * 1024 * 1024,
    timings,
    cache: options.cache || undefined,
    ...(pool ? {pool} : {}),
    onProgress: (done, total) => onProgress?.(done, total, 'split+tag')
  })
  // Even a full build keeps the redirects of URLs that moved (a corrected page number), and adds new ones.
  archive.redirects = redirectsFrom(published, archive)
  const counts = countReports(archive.reports)
  const problems = archive.reports.filter((report) => severityOf(report) !== 'info')
  const shown = options.report ? archive.reports : problems
  if (shown.length > 0) console.error(formatReports(shown))
  if (archive.stats.gazettes === 0) {
    console.error(`gazette build: warning: no gazette files (.txt, .md) in ${options.input}: the site has no items`)
    counts.warning++
  }
  if (failsStrict(options, counts)) return 1
  const lines = summaryLines(archive, counts)
  // Kept only beside a cache: the next build compares its own with it.
  const state: SiteState | undefined = stateFile
    ? {
        ...(await timed(timings, 'state', () => siteState(archive, version, keys))),
        input,
        summary: {lines, problems: problems.map(toRecord)}
      }
    : undefined
  // The search index's plan starts from the published index, which the state need not repeat.
  const index = state && previous && (await readIndexMeta(output.folder))
  const search = state && planSearch(index, previous?.bundles ?? {}, bundleStates(archive.items, state.bundles))
  const plan = state && search && planUpdate(previous, state, search)
  const pages = await render(output, archive, gazettes, plan, options, timings, onProgress)
  // Written after the swap: killed before, the state names the release before, and the next build is a full one.
  if (stateFile && state) await writeState(stateFile, {...state, release: output.published})
  const pruned = options.cache ? await pruneCache(options.cache, pipeline) : 0
  await writeStats(options.stats, {
    timings,
    started,
    pages,
    items: archive.stats.items,
    gazettes: archive.stats.gazettes
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const done = `${plan ? 'updated' : 'built'} ${options.output}/ in ${seconds} s: ${pages} pages`
  const written = plan
    ? ` written (${plan.files.size} changed, ${plan.stale.length} removed, ${searchSummary(plan)})`
    : ''
  const cacheLine = pruned > 0 ? [`  cache: ${pruned} results no gazette uses any more deleted`] : []
  console.log([done + written, ...lines, ...cacheLine].join('\n'))
  return 0
}

/** Render into a new release (no plan: a full build) or into a copy of the published one; the pages written. */
async function render(
  output: Output,
  archive: Archive,
  gazettes: Gazette[],
  plan: UpdatePlan | undefined,
  options: BuildOptions,
  timings: Timings,
  onProgress?: (done: number, total: number, stage: string) => void
): Promise<number> {
  const settings = {
    basePath: options.basePath,
    siteUrl: options.siteUrl,
    text: options.text,
    templates: options.templates,
    input: options.input,
    timings,
    onPage: (done: number, total: number) => onProgress?.(done, total, 'render')
  }
  if (!plan)
    return (await output.publishFull((folder) => buildSite(archive, gazettes, {...settings, output: folder}))).pages
  if (isEmptyPlan(plan)) return 0
  const update = (folder: string, previous: string) =>
    buildSite(archive, gazettes, {...settings, output: folder, update: {plan, previous}})
  return (await output.publishUpdate(outputChanges(plan), update)).pages
}

/** Nothing to read or render: the summary and problems of the build before, printed again. */
async function leaveUnchanged(
  summary: NonNullable<SiteState['summary']>,
  options: BuildOptions,
  started: number
): Promise<number> {
  const problems = summary.problems.map(fromRecord)
  if (problems.length > 0) console.error(formatReports(problems))
  if (failsStrict(options, countReports(problems))) return 1
  await writeStats(options.stats, {timings: {}, started, pages: 0})
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log([`unchanged: ${options.output}/ left as it was (${seconds} s)`, ...summary.lines].join('\n'))
  return 0
}

/** What the build made, in three lines under its first. */
function summaryLines(archive: Archive, counts: Record<Severity, number>): string[] {
  const {stats} = archive
  const kinds = [
    counted(stats.articles, 'article'),
    counted(stats.photos, 'photo'),
    counted(stats.fragments, 'fragment')
  ]
  const people = counted(archive.people.length, 'person', 'people')
  const reports = [counted(counts.error, 'error'), counted(counts.warning, 'warning'), counted(counts.info, 'note')]
  return [
    `  ${counted(stats.gazettes, 'gazette file')} → ${counted(stats.items, 'item')} (${kinds.join(', ')})`,
    `  ${counted(stats.places, 'district and town', 'districts and towns')}; ${people}`,
    `  reports: ${reports.join(', ')} (--report prints the notes)`
  ]
}

/**
 * The site's URL and base path from the options: `--site-url` must be an
 * absolute http(s) URL, and its path is the base path unless `--base-path`
 * says so too (then both must agree).
 */
export function siteSettings(
  options: Pick<BuildOptions, 'siteUrl' | 'basePath'>
): {siteUrl: string; basePath: string} | {error: string} {
  const basePath = normaliseBasePath(options.basePath)
  if (!options.siteUrl) return {siteUrl: '', basePath}
  let url: URL
  try {
    url = new URL(options.siteUrl)
  } catch {
    return {
      error: `--site-url ${JSON.stringify(options.siteUrl)} is not an absolute URL (e.g. https://example.org/archive/)`
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {error: `--site-url must be an http or https URL, not ${url.protocol}`}
  if (url.search || url.hash) return {error: '--site-url may not have a query or a fragment'}
  const path = normaliseBasePath(url.pathname)
  if (path !== '/' && basePath !== '/' && path !== basePath)
    return {error: `--base-path ${basePath} and the path of --site-url (${path}) differ: give one of them`}
  return {siteUrl: url.origin + '/', basePath: path === '/' ? basePath : path}
}

/** With --strict, any error or warning fails the build before the output is touched. */
function failsStrict(options: BuildOptions, counts: Record<Severity, number>): boolean {
  if (!options.strict || counts.error + counts.warning === 0) return false
  console.error(`--strict: ${counts.error} errors and ${counts.warning} warnings; ${options.output}/ left as it was`)
  return true
}

/** `--stats`: the stages' times, the wall time and peak memory so far, and what was built. */
async function writeStats(
  file: string | undefined,
  {timings, started, ...built}: {timings: Timings; started: number; pages: number; items?: number; gazettes?: number}
): Promise<void> {
  if (!file) return
  const stats = {timings, wallMs: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, ...built}
  await writeFile(file, JSON.stringify(stats, null, 2))
}

function countReports(reports: VFileMessage[]): Record<Severity, number> {
  const counts = {error: 0, warning: 0, info: 0}
  for (const report of reports) counts[severityOf(report)]++
  return counts
}

/** What a rebuild did to the search index, for its summary line. */
function searchSummary({search}: UpdatePlan): string {
  if (search.kind === 'keep') return 'search index kept'
  if (search.kind === 'full') return 'search index made anew'
  return `${counted(search.delta.size, 'search bundle')} indexed again`
}
