/**
 * `npm run bench -- --search 10k,100k [--pagefind 10k]` (or this script
 * alone, same options): the search index at each size, against Pagefind on
 * the same items in the same run.
 *
 * Items are the samples' and the heldout pages' (77), repeated with every
 * number redrawn, dated one after the other over 30 years across three
 * papers. For each size it prints the index's time and memory (a child
 * process indexing in its 512 MB thread: peak RSS, and its rise over the
 * items alone), its size and files; then each query of a fixed set on a
 * fresh page in Chromium (no cache): requests, bytes (uncompressed) and the
 * time until the results and their excerpts are shown. Pagefind (installed
 * on first use into bench-out/pagefind, from npm) indexes one HTML page per
 * item and its results are loaded as its own UI would: the first ten
 * results' data.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {performance} from 'node:perf_hooks'
import {searchFolder} from '../src/site/search/segments.js'
import {indexForSearch} from '../src/site/search/write-index.js'
import {required} from '../src/util/required.js'
import {launchChromium} from '../tests/helpers/browser.js'
import {serve} from '../tests/helpers/serve.js'
import {generated, templates} from './lib/search-items.js'
import {pagefindPages} from './lib/search-eval.js'

const root = join(import.meta.dirname, '..')
const work = join(root, 'bench-out', 'search')

/** The queries timed in the browser: a place, topics in and out of order, a place with a topic, a phrase, a name. */
const queries = ['石港镇', '网格', '乡村振兴', '振兴乡村', '石港网格', '"两张皮"', '任溢斌']

const parseSize = (text: string) => Math.round(Number(text.replace(/k$/iu, '')) * (/k$/iu.test(text) ? 1000 : 1))

const {values} = parseArgs({
  options: {
    search: {type: 'string'},
    pagefind: {type: 'string'},
    // Internal: index N generated items into a folder (run in a child process, for its memory).
    index: {type: 'string'},
    out: {type: 'string'}
  },
  strict: false
})

const bytesBelow = (folder: string): {bytes: number; files: number} => {
  let bytes = 0
  let files = 0
  for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'})) {
    const stats = statSync(join(folder, name))
    if (stats.isFile()) {
      bytes += stats.size
      files++
    }
  }
  return {bytes, files}
}

if (values.index) {
  // The child: items, then the index, with the memory before and at the peak.
  const items = generated(
    (await templates()).flatMap((archive) => archive.items),
    Number(values.index)
  )
  const before = process.memoryUsage().rss
  const started = performance.now()
  await indexForSearch(String(values.out), items, {thread: process.env.BENCH_THREAD !== '0'})
  const ms = performance.now() - started
  const peak = process.resourceUsage().maxRSS * 1024
  console.log(JSON.stringify({ms, before, peak}))
  process.exit(0)
}

const sizes = String(values.search ?? '10k')
  .split(',')
  .map(parseSize)
const pagefindSizes = new Set(
  String(values.pagefind ?? '10k')
    .split(',')
    .map(parseSize)
)
rmSync(work, {recursive: true, force: true})
mkdirSync(work, {recursive: true})

// The search page, its script and the place names, from the sample site.
const [samples, heldout] = await templates()
const sampleSite = join(work, 'sample-site')
execFileSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'src/cli.ts'), 'build', '-q', '--no-cache', '-o', sampleSite],
  {
    cwd: root,
    stdio: 'ignore'
  }
)

interface QueryRow {
  query: string
  requests: number
  bytes: number
  ms: number
  results: string
}

/** Run the queries on fresh pages of `url` + `path(query)`; `done` waits until the results are shown. */
async function inBrowser(site: string, path: (query: string) => string, done: string): Promise<QueryRow[]> {
  const server = await serve(site)
  const browser = await launchChromium()
  const rows: QueryRow[] = []
  try {
    for (const query of queries) {
      const context = await browser.newContext()
      const page = await context.newPage()
      let requests = 0
      const bodies: Array<Promise<number>> = []
      page.on('response', (response) => {
        requests++
        bodies.push(
          response.body().then(
            (body) => body.length,
            () => 0
          )
        )
      })
      const started = performance.now()
      await page.goto(server.url + path(query).slice(1))
      await page.locator(done).waitFor({timeout: 120_000})
      const ms = performance.now() - started
      const bytes = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0)
      const results = (await page.locator(done).textContent()) ?? ''
      rows.push({query, requests, bytes, ms, results: results.trim().slice(0, 24)})
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return rows
}

const table: string[] = []
const line = (engine: string, count: number, build: string, rows: QueryRow[]) => {
  const max = (field: 'requests' | 'bytes' | 'ms') => Math.max(...rows.map((row) => row[field]))
  const median = (field: 'requests' | 'bytes' | 'ms') =>
    required(rows.map((row) => row[field]).sort((a, b) => a - b)[rows.length >> 1], `the median ${field}`)
  table.push(
    `  ${engine.padEnd(9)} ${String(count).padStart(7)}  ${build}  ` +
      `${String(median('requests')).padStart(3)} / ${String(max('requests')).padStart(3)}  ` +
      `${(median('bytes') / 1024).toFixed(0).padStart(5)} / ${(max('bytes') / 1024).toFixed(0).padStart(5)} KB  ` +
      `${median('ms').toFixed(0).padStart(5)} / ${max('ms').toFixed(0).padStart(5)} ms`
  )
}
const detail = (row: QueryRow) =>
  `      ${row.query.padEnd(10)} ${row.requests} requests, ${(row.bytes / 1024).toFixed(0)} KB, ` +
  `${row.ms.toFixed(0)} ms: ${row.results}`
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

for (const count of sizes) {
  const site = join(work, `site-${count}`)
  // The built site is a link to its release: copy what it points to.
  cpSync(realpathSync(sampleSite), site, {recursive: true})
  rmSync(join(site, searchFolder), {recursive: true, force: true})
  const child = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--index', String(count), '--out', site],
    {encoding: 'utf8', maxBuffer: 1 << 26}
  )
  const {ms, before, peak} = JSON.parse(required(child.trim().split('\n').at(-1), 'its figures')) as {
    ms: number
    before: number
    peak: number
  }
  const size = bytesBelow(join(site, searchFolder))
  const build =
    `${(ms / 1000).toFixed(1).padStart(6)} s  ${mb(peak).padStart(7)} (+${mb(Math.max(0, peak - before))})  ` +
    `${mb(size.bytes).padStart(6)} ${String(size.files).padStart(7)} files`
  const rows = await inBrowser(site, (query) => `/search/?q=${encodeURIComponent(query)}`, '#search-results > p.meta')
  line('archive', count, build, rows)
  table.push(...rows.map(detail))

  if (!pagefindSizes.has(count)) continue
  const pagefind = pagefindBinary()
  const pages = join(work, `pagefind-${count}`)
  const items = generated([...samples.items, ...heldout.items], count)
  pagefindPages(items, pages)
  mkdirSync(join(pages, 'search'), {recursive: true})
  writeFileSync(
    join(pages, 'search', 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>search</title></head>
<body><p id="done" hidden></p>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js')
const search = await pagefind.search(new URLSearchParams(location.search).get('q'))
const shown = await Promise.all(search.results.slice(0, 10).map((result) => result.data()))
const done = document.getElementById('done')
done.textContent = search.results.length + ' results, ' + shown.length + ' shown'
done.hidden = false
</script></body></html>`
  )
  const started = performance.now()
  const run = spawnSync('/usr/bin/time', ['-f', '%M', pagefind, '--site', pages], {encoding: 'utf8'})
  const pagefindMs = performance.now() - started
  if (run.status !== 0) throw new Error(`pagefind failed: ${run.stderr}`)
  const peakKb = Number(run.stderr.trim().split('\n').at(-1))
  const pagefindSize = bytesBelow(join(pages, 'pagefind'))
  const pagefindBuild =
    `${(pagefindMs / 1000).toFixed(1).padStart(6)} s  ${mb(peakKb * 1024).padStart(7)}        ` +
    `${mb(pagefindSize.bytes).padStart(6)} ${String(pagefindSize.files).padStart(7)} files`
  const pagefindRows = await inBrowser(
    pages,
    (query) => `/search/?q=${encodeURIComponent(query)}`,
    '#done:not([hidden])'
  )
  line('Pagefind', count, pagefindBuild, pagefindRows)
  table.push(...pagefindRows.map(detail))
}

console.log('\nsearch (index: time, peak RSS (+ over the items), size, files; per query on a fresh page: median / max)')
console.log(
  '  engine      items   index time    memory           size    files   requests  bytes            time to results'
)
console.log(table.join('\n'))

/** Pagefind's binary, installed from npm into bench-out/pagefind on first use. */
function pagefindBinary(): string {
  const folder = join(root, 'bench-out', 'pagefind')
  const binary = join(folder, 'node_modules', '.bin', 'pagefind')
  if (!existsSync(binary)) {
    mkdirSync(folder, {recursive: true})
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', folder, 'pagefind@1.6.0'], {
      stdio: 'inherit'
    })
  }
  return binary
}
