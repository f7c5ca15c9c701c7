#!/usr/bin/env node
import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import {basename} from 'node:path'
import {Command, InvalidArgumentError, Option} from 'commander'
import cliProgress from 'cli-progress'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {toPublicArchive} from './archive/export.js'
import {buildArchiveFromFolder} from './pipeline/build.js'
import {processGazette} from './pipeline/process-gazette.js'
import {parseCorrections} from './read/corrections.js'
import {readGazette} from './read/read-gazette.js'
import {timed, type Timings} from './pipeline/timings.js'
import {updateInPlace, writeAtomically} from './site/atomic-output.js'
import {buildSite} from './site/build-site.js'
import {searchFolder} from './site/search/write-index.js'
import {isEmptyPlan, planUpdate, readState, siteState, siteVersion, statePath, writeState, type SiteState} from './site/site-state.js'
import {folderSnapshot} from './read/snapshot.js'
import {pipelineVersion} from './pipeline/cache.js'
import type {Report} from './types.js'

const program = new Command()
program.name('gazette').description('Turn a folder of gazette files into a static, searchable news archive.').version('0.1.0')

program
  .command('build')
  .description('read, split, tag and render the whole archive')
  .option('-i, --input <dir>', 'folder of gazette files (and manifest.yaml, corrections.yaml)', 'content/gazettes')
  .option('-o, --output <dir>', 'folder to write the site to (replaced only when the build succeeds)', '_site')
  .option('--base-path <prefix>', 'URL prefix the site is served under, e.g. /archive/', '/')
  .option('--site-url <url>', 'absolute URL of the published site (for feeds and the sitemap)', process.env.SITE_URL ?? '')
  .option('--strict', 'fail (exit code 1, site left as it was) when any file has an error or a warning')
  .option('--max-file-size <MB>', 'leave out gazette files larger than this', positiveNumber, 5)
  .option('--report', 'print every report, notes on the splitter’s decisions included')
  .option('-q, --quiet', 'print only the summary and problems')
  .option('--cache <dir>', 'keep split + tag results of unchanged gazettes here', '.cache/gazette')
  .option('--no-cache', 'split and tag every gazette afresh')
  .option('--full', 'render every page, even when only some changed since the last build')
  .option('--stats <file>', 'write the time of each stage and the peak memory as JSON (for benchmarks)')
  .action(async (options: {input: string; output: string; basePath: string; siteUrl: string; strict?: boolean; maxFileSize: number; report?: boolean; quiet?: boolean; stats?: string; cache: string | false; full?: boolean}) => {
    const started = Date.now()
    const timings: Timings = {}
    // A rebuild of a site built before with the same cache renders only the pages that changed.
    const stateFile = options.cache ? statePath(options.cache, options.output) : undefined
    const previous = stateFile && !options.full && existsSync(options.output) ? await readState(stateFile) : undefined
    const version = await siteVersion([options.basePath, options.siteUrl])
    const input = stateFile ? await folderSnapshot(options.input, [options.maxFileSize, await pipelineVersion()]) : undefined
    // Not a file of the content folder touched since the last build: nothing to read or render.
    if (input && previous?.summary && previous.input === input && previous.version === version && !options.report) {
      const {lines, problems} = previous.summary
      if (problems.length > 0) console.error(formatReports(problems))
      if (failsStrict(options, countReports(problems), options.output)) return
      await writeStats(options.stats, {timings, wallMs: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, pages: 0})
      console.log([`unchanged: ${options.output}/ left as it was (${((Date.now() - started) / 1000).toFixed(1)} s)`, ...lines].join('\n'))
      return
    }
    const bar = process.stderr.isTTY && !options.quiet ? new cliProgress.SingleBar({format: 'split+tag {bar} {value}/{total} files', hideCursor: true}, cliProgress.Presets.shades_classic) : undefined
    const {archive, gazettes} = await buildArchiveFromFolder({
      input: options.input,
      maxBytes: options.maxFileSize * 1024 * 1024,
      timings,
      cache: options.cache || undefined,
      onProgress: (done, total) => {
        if (done === 1) bar?.start(total, 0)
        bar?.update(done)
      }
    })
    bar?.stop()
    const counts = countReports(archive.reports)
    const shown = options.report ? archive.reports : archive.reports.filter((report) => report.severity !== 'info')
    if (shown.length > 0) console.error(formatReports(shown))
    if (failsStrict(options, counts, options.output)) return
    const settings = {output: options.output, basePath: options.basePath, siteUrl: options.siteUrl, timings}
    const {stats} = archive
    const lines = [
      `  ${stats.gazettes} gazette files → ${stats.items} items (${stats.articles} articles, ${stats.photos} photos, ${stats.fragments} fragments)`,
      `  ${stats.places} districts and towns; ${archive.people.length} people`,
      `  reports: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes (--report prints the notes)`
    ]
    const state: SiteState = {...(await timed(timings, 'state', () => siteState(archive, version))), input, summary: {lines, problems: archive.reports.filter((report) => report.severity !== 'info')}}
    const plan = planUpdate(previous, state)
    let pages = 0
    if (!plan) {
      pages = (await writeAtomically(options.output, (folder) => buildSite(archive, gazettes, {...settings, output: folder}))).pages
    } else if (!isEmptyPlan(plan)) {
      const changes = {replace: [...plan.bundles, ...plan.staleBundles].map((bundle) => `${searchFolder}/${bundle}`), remove: plan.stale}
      pages = (await updateInPlace(options.output, changes, async (folder) => {
        const built = await buildSite(archive, gazettes, {...settings, output: folder, update: {plan, previous: options.output}})
        // Forgotten while the output is between states: a killed rebuild is followed by a full build.
        await writeState(stateFile!, undefined)
        return built
      })).pages
    }
    if (stateFile) await writeState(stateFile, state)
    await writeStats(options.stats, {timings, wallMs: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, items: stats.items, gazettes: stats.gazettes, pages})
    const done = `${plan ? 'updated' : 'built'} ${options.output}/ in ${((Date.now() - started) / 1000).toFixed(1)} s: ${pages} pages`
    console.log([plan ? `${done} written (${plan.files.size} changed, ${plan.stale.length} removed, ${plan.bundles.size} search bundles)` : done, ...lines].join('\n'))
  })

program
  .command('split')
  .description('print the items of gazette files')
  .argument('<files...>', 'gazette files')
  .option('--json', 'print the public data format (JSON) only')
  .option('--report', 'print the splitter’s decisions and problems, per file and line')
  .addOption(new Option('--region <code>', 'home region (division code) for short place names'))
  .option('--corrections <file>', 'corrections file to apply (entries keyed by the path as given, or by file name)')
  .action(async (files: string[], options: {json?: boolean; report?: boolean; region?: string; corrections?: string}) => {
    const corrections = options.corrections ? parseCorrections(await readFile(options.corrections, 'utf8'), options.corrections) : undefined
    if (corrections && corrections.reports.length > 0) console.error(formatReports(corrections.reports))
    const gazettes = []
    for (const file of files) {
      const entries = corrections?.entries.get(file) ?? corrections?.entries.get(basename(file))
      const source = readGazette(file, await readFile(file), {corrections: entries})
      gazettes.push(processGazette(source, {region: options.region ?? null}))
    }
    if (options.json) {
      process.stdout.write(JSON.stringify(toPublicArchive(gazettes), null, 2) + '\n')
      return
    }
    for (const gazette of gazettes) {
      console.log(`${gazette.source}: ${gazette.items.length} items`)
      for (const item of gazette.items) {
        const headline = [item.dateline && `〔${item.dateline}〕`, item.kicker, item.title ?? `(${item.kind})`, item.subtitle && `— ${item.subtitle}`].filter(Boolean).join(' ')
        const bylines = item.bylines.map((byline) => (byline.role ? `${byline.role}${byline.name}` : byline.name)).join(' ')
        const places = item.places.map((place) => place.name).join('、')
        console.log(`  ${String(item.start.line).padStart(4)}  ${item.kind.padEnd(8)} ${headline}${bylines ? `  [${bylines}]` : ''}${places ? `  {${places}}` : ''}`)
      }
    }
    if (options.report) console.error(formatReports(gazettes.flatMap((gazette) => gazette.reports)))
  })

/** With --strict, any error or warning fails the build before the output is touched. */
function failsStrict(options: {strict?: boolean}, counts: Record<Report['severity'], number>, output: string): boolean {
  if (!options.strict || counts.error + counts.warning === 0) return false
  console.error(`--strict: ${counts.error} errors and ${counts.warning} warnings; ${output}/ left as it was`)
  process.exitCode = 1
  return true
}

async function writeStats(file: string | undefined, stats: Record<string, unknown>): Promise<void> {
  if (file) await writeFile(file, JSON.stringify(stats, null, 2))
}

function positiveNumber(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of megabytes')
  return number
}

function countReports(reports: Report[]): Record<Report['severity'], number> {
  const counts = {error: 0, warning: 0, info: 0}
  for (const report of reports) counts[report.severity]++
  return counts
}

/** Reports as vfile-reporter prints them: grouped by file, with line:column. */
export function formatReports(reports: Report[]): string {
  const files = new Map<string, VFile>()
  for (const report of reports) {
    const file = files.get(report.file) ?? new VFile({path: report.file})
    files.set(report.file, file)
    const place = report.line === null ? undefined : {line: report.line, column: report.column ?? 1}
    const message = file.message(report.message, {place, ruleId: report.ruleId.split(':')[1], source: report.ruleId.split(':')[0]})
    message.fatal = report.severity === 'error' ? true : report.severity === 'warning' ? false : undefined
  }
  return reporter([...files.values()], {verbose: false})
}

// `gazette split … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

await program.parseAsync()
