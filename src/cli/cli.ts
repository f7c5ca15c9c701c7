import {readFileSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {Command, InvalidArgumentError, Option} from 'commander'
import type {BuildOptions} from './build-command.js'
import type {Gazette} from '../model/types.js'
import {buildInThread} from './build-thread.js'
import {configFile, withConfig} from '../config/config.js'
import {packageRoot} from '../site/package-root.js'
import {counted} from '../util/counted.js'

const tool = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {name: string; version: string}

const program = new Command()
program
  .name('gazette')
  .description('Turn a folder of gazette files into a static, searchable news archive.')
  .version(tool.version)

program
  .command('init')
  .description('start an archive: settings, a sample page, a README and publish workflows (no file is overwritten)')
  .argument('[dir]', 'folder to start the archive in', '.')
  .action(async (dir: string) => {
    const {initArchive} = await import('../init/init.js')
    const {written, kept} = await initArchive(dir, tool)
    for (const file of written) console.log(`  wrote ${file}`)
    for (const file of kept) console.log(`  kept  ${file} (already there)`)
    console.log(
      `gazette init: ${dir}: ${counted(written.length, 'file')} written, ${counted(kept.length, 'file')} kept.`
    )
    console.log('Next: npm install, then npx gazette build (or npx gazette serve to preview).')
  })

/** The options `build` and `serve` share: where the archive is, where the site goes, how it is served. */
function siteOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'the archive’s settings (default: gazette.config.yaml here, if there is one)')
    .option('-i, --input <dir>', 'folder of gazette files (and manifest.yaml, corrections.yaml)', 'content/gazettes')
    .option('-o, --output <dir>', 'folder to write the site to (replaced only when the build succeeds)', '_site')
    .option('--base-path <prefix>', 'URL prefix the site is served under, e.g. /archive/', '/')
    .option('--max-file-size <MB>', 'leave out gazette files larger than this', positiveNumber, 5)
    .option('--cache <dir>', 'keep split + tag results of unchanged gazettes here', '.cache/gazette')
    .option('--no-cache', 'split and tag every gazette afresh')
}

/**
 * The build's options with the configuration applied, the command line
 * winning (SITE_URL too, the CI's); undefined, with the problems printed,
 * when the configuration has errors.
 */
async function configured<T extends BuildOptions & {config?: string}>(
  options: T,
  command: Command,
  name: string
): Promise<(Omit<T, 'config'> & BuildOptions) | undefined> {
  const {config, ...rest} = options
  const given = (option: string) =>
    command.getOptionValueSource(option) === 'cli' || (option === 'siteUrl' && Boolean(process.env.SITE_URL))
  const result = withConfig(rest, config, given)
  if (result.problems.length === 0) return result.options
  const {formatReports} = await import('./report.js')
  console.error(formatReports(result.problems))
  console.error(`gazette ${name}: the configuration has errors: nothing was built`)
  process.exitCode = 1
  return undefined
}

siteOptions(program.command('build').description('read, split, tag and render the whole archive'))
  .option(
    '--site-url <url>',
    'absolute URL of the published site (for feeds and the sitemap)',
    process.env.SITE_URL ?? ''
  )
  .option('--strict', 'fail (exit code 1, site left as it was) when any file has an error or a warning')
  .option('--report', 'print every report, notes on the splitter’s decisions included')
  .option('-q, --quiet', 'print only the summary and problems')
  .option('--full', 'render every page, even when only some changed since the last build')
  .option('--force', 'replace an output folder that holds files no build wrote (they are deleted)')
  .option('--stats <file>', 'write the time of each stage and the peak memory as JSON (for benchmarks)')
  .option(
    '--max-heap <MB>',
    'most memory the build’s JavaScript heap may take (default: 512 MB + 4 × the content folder’s size)',
    positiveNumber
  )
  .action(async (options: BuildOptions & {maxHeap?: number; config?: string}, command: Command) => {
    const {maxHeap, ...rest} = options
    const build = await configured(rest, command, 'build')
    if (build) process.exitCode = await buildInThread(build, maxHeap)
  })

siteOptions(program.command('serve').description('build, preview on localhost, and rebuild on every change'))
  .option('-p, --port <number>', 'port to serve on', (value) => Number.parseInt(value, 10), 8080)
  .action(async (options: BuildOptions & {port: number; config?: string}, command: Command) => {
    const {port, ...rest} = options
    const load = () => configured({...rest, siteUrl: ''}, command, 'serve')
    const build = await load()
    if (!build) return
    const {serve} = await import('./serve-command.js')
    const file = configFile(options.config)
    const watched = [build.input, ...(file ? [file] : []), ...(build.templates ? [build.templates] : [])]
    await serve(load, build, {port, watched})
  })

program
  .command('merge')
  .description('publish several archives’ sites as one: a home, one search over all, one sitemap')
  .argument('<sites...>', 'the archives’ built sites, each built with --base-path <base path><its folder’s name>/')
  .option('-c, --config <file>', 'the merged site’s settings (title, about text, templates, output, URL)')
  .option('-o, --output <dir>', 'folder to write the merged site to (replaced only when the merge succeeds)', '_site')
  .option('--base-path <prefix>', 'URL prefix the merged site is served under', '/')
  .option('--site-url <url>', 'absolute URL of the merged site', process.env.SITE_URL ?? '')
  .option('--force', 'replace an output folder that holds files no build wrote (they are deleted)')
  .action(async (sites: string[], options: MergeCommandOptions, command: Command) => {
    const {config, ...rest} = options
    const given = (option: string) => command.getOptionValueSource(option) === 'cli'
    const {options: merged, problems} = withConfig({...rest, input: ''}, config, given)
    if (problems.length > 0) {
      const {formatReports} = await import('./report.js')
      console.error(formatReports(problems))
      console.error('gazette merge: the configuration has errors: nothing was merged')
      process.exitCode = 1
      return
    }
    const {merge} = await import('./merge-command.js')
    process.exitCode = await merge({...merged, shards: sites})
  })

interface MergeCommandOptions {
  config?: string
  output: string
  basePath: string
  siteUrl: string
  force?: boolean
}

program
  .command('split')
  .description('print the items of gazette files')
  .argument('<files...>', 'gazette files')
  .option('--json', 'print the public data format (JSON) only')
  .option('--report', 'print the splitter’s decisions and problems, per file and line')
  .addOption(new Option('--region <code>', 'home region (division code) for short place names'))
  .option('--corrections <file>', 'corrections file to apply (entries keyed by the path as given, or by file name)')
  .action(
    async (files: string[], options: {json?: boolean; report?: boolean; region?: string; corrections?: string}) => {
      // Loaded here, not at the top: `build` runs them in its own thread, and loading them here too cost it 0.3 s.
      const [
        {toPublicArchive},
        {processGazette},
        {tagInPaperContext},
        {parseCorrections},
        {readGazette},
        {formatReports},
        {loadPlaceNames}
      ] = await Promise.all([
        import('../archive/export.js'),
        import('../pipeline/process-gazette.js'),
        import('../pipeline/paper-context.js'),
        import('../read/corrections.js'),
        import('../read/read-gazette.js'),
        import('./report.js'),
        import('../tag/mentions.js')
      ])
      const corrections = options.corrections
        ? parseCorrections(await readFile(options.corrections, 'utf8'), options.corrections)
        : undefined
      if (corrections && corrections.reports.length > 0) console.error(formatReports(corrections.reports))
      const missing = await whyNotFiles(files)
      if (missing) {
        console.error(`gazette split: ${missing}`)
        process.exitCode = 1
        return
      }
      const names = loadPlaceNames()
      const pages: Gazette[] = []
      for (const file of files) {
        const entries = corrections?.entries.get(file) ?? corrections?.entries.get(basename(file))
        const source = readGazette(file, await readFile(file), {corrections: entries})
        pages.push(processGazette(source, names, {region: options.region ?? null}))
      }
      const {gazettes} = await tagInPaperContext(pages, new Map(), undefined, async () => names)
      if (options.json) {
        process.stdout.write(JSON.stringify(toPublicArchive(gazettes), null, 2) + '\n')
        return
      }
      for (const gazette of gazettes) {
        console.log(`${gazette.source}: ${gazette.items.length} items`)
        for (const item of gazette.items) {
          const headline = [
            item.dateline && `〔${item.dateline}〕`,
            item.kicker,
            item.title ?? `(${item.kind})`,
            item.subtitle && `— ${item.subtitle}`
          ]
            .filter(Boolean)
            .join(' ')
          const bylines = item.bylines
            .map((byline) => (byline.role ? `${byline.role}${byline.name}` : byline.name))
            .join(' ')
          const places = item.places.map((place) => place.name).join('、')
          console.log(
            `  ${String(item.start.line).padStart(4)}  ${item.kind.padEnd(8)} ${headline}` +
              `${bylines ? `  [${bylines}]` : ''}${places ? `  {${places}}` : ''}`
          )
        }
      }
      if (options.report) console.error(formatReports(gazettes.flatMap((gazette) => gazette.reports)))
    }
  )

/** Why `split` cannot read the files given, if it cannot: one is missing or a folder. */
async function whyNotFiles(files: string[]): Promise<string | undefined> {
  for (const file of files) {
    const found = await stat(file).catch(() => undefined)
    if (!found) return `no file at ${file}`
    if (found.isDirectory()) return `${file} is a folder: give gazette files (gazette build -i reads a folder)`
    if (!found.isFile()) return `${file} is not a regular file`
  }
  return undefined
}

function positiveNumber(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of megabytes')
  return number
}

// `gazette split … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

await program.parseAsync()
