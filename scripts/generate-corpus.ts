/**
 * `node --import tsx scripts/generate-corpus.ts --files N --out DIR`: an
 * archive of N gazette files made from the bundled samples, for benchmarks.
 *
 * Each file is a sample page with every number in it redrawn, and front
 * matter giving a paper, a date (issues of 6 pages, one a day, from 2000
 * on, so 10,000 files span 4.5 years), the page and the home region of the
 * sample. Deterministic: the same N gives the same files.
 *
 * `--undated` leaves the date and the page out of the front matter (an
 * archive of scans whose issues are not known): every item is undated, and
 * every gazette's id is its path.
 *
 * `--years Y` spreads the issues evenly over Y years from 1995 instead (each
 * paper its own issues, on days of its own), as a paper's whole life is: the
 * yearly data parts, monthly search bundles and date pages are then as many
 * as a real archive of that span has, whatever N.
 */
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {required} from '../src/util/required.js'

const {values} = parseArgs({
  options: {
    files: {type: 'string', default: '1000'},
    out: {type: 'string'},
    samples: {type: 'string', default: join(import.meta.dirname, '..', 'content/gazettes')},
    undated: {type: 'boolean', default: false},
    years: {type: 'string'}
  }
})
const count = Number(values.files)
const out = values.out ?? join(import.meta.dirname, '..', 'bench-out', `corpus-${count}`)

/** Mulberry32: a small seeded generator, so corpora are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const names = (await readdir(values.samples)).filter((name) => name.endsWith('.txt')).sort()
const papers = ['通州日报', '海门日报', '句容日报', '崇川报', '新华日报']
const regions = ['3206', '3206', '321183', '320613', '32']
const samples = await Promise.all(
  names.map(async (name) => (await readFile(join(values.samples, name), 'utf8')).replace(/^\n+/u, ''))
)

const pagesPerIssue = 6
const years = values.years === undefined ? undefined : Number(values.years)
const start = Date.UTC(years === undefined ? 2000 : 1995, 0, 1)
// Days between two issues of one paper: one a day, or as many as spread them over `years`.
const issuesPerPaper = Math.ceil(count / pagesPerIssue / papers.length)
const spacing = years === undefined ? 1 : Math.max(1, Math.floor((years * 365) / issuesPerPaper))
/** The day of an issue: the papers' issues interleave, a day apart, each paper every `spacing` days. */
const dayOf = (issue: number) =>
  years === undefined ? issue : Math.floor(issue / papers.length) * spacing + (issue % papers.length)
await rm(out, {recursive: true, force: true})
let bytes = 0
for (let index = 0; index < count; index++) {
  const next = random(index + 1)
  const issue = Math.floor(index / pagesPerIssue)
  const page = (index % pagesPerIssue) + 1
  const date = new Date(start + dayOf(issue) * 86_400_000).toISOString().slice(0, 10)
  const sample = index % samples.length
  // Redraw every number, so that no two pages repeat each other's text.
  const text = required(samples[sample], `sample ${sample}`).replace(/\d+/gu, (digits) =>
    String(Math.floor(next() * 10 ** digits.length))
  )
  const issueFields = values.undated ? '' : `date: ${date}\npage: ${page}\n`
  const frontMatter = `---\npaper: ${papers[issue % papers.length]}\n${issueFields}region: "${regions[sample]}"\n---\n`
  const [year, month, day] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)]
  const folder = join(out, year, month)
  await mkdir(folder, {recursive: true})
  const file = frontMatter + text
  bytes += Buffer.byteLength(file)
  // Spread over years, two papers' issues can fall on one day.
  const name = years === undefined ? `${day}-${sample}-p${page}` : `${day}-${issue % papers.length}-${sample}-p${page}`
  await writeFile(join(folder, `${name}.txt`), file)
}
console.log(`${count} gazette files, ${(bytes / 1e6).toFixed(1)} MB → ${out}`)
