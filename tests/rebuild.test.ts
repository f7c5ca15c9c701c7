import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {around} from '../src/archive/items.js'
import type {ArchiveItem} from '../src/archive/model.js'
import {bundleLimit, searchBundles} from '../src/site/search/bundles.js'
import {isEmptyPlan, planUpdate} from '../src/incremental/plan.js'
import type {SiteState} from '../src/incremental/site-state.js'
import {assertSameFiles, filesBelow, samplesDir} from './helpers.js'

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts')

/** A content folder of dated samples: paper 测试报, two days in March 2024 and one undated page. */
function content(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rebuild-'))
  const dated: Array<[string, string, number]> = [
    ['000_da22e97339b67c99.txt', '2024-03-01', 1],
    ['001_c2cd66ded24d6744.txt', '2024-03-01', 2],
    ['002_e35de4d7f730652c.txt', '2024-03-02', 1]
  ]
  for (const [name, date, page] of dated) addGazette(folder, name, `${date}-${page}.txt`, date, page)
  writeFileSync(join(folder, 'undated.txt'), readFileSync(join(samplesDir, '004_189048a86de1eba6.txt')))
  return folder
}

function addGazette(folder: string, sample: string, name: string, date: string, page: number): void {
  const text = readFileSync(join(samplesDir, sample), 'utf8')
  writeFileSync(join(folder, name), `---\npaper: 测试报\ndate: ${date}\npage: ${page}\nregion: "3206"\n---\n${text}`)
}

function build(input: string, output: string, ...options: string[]): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', cli, 'build', '-i', input, '-o', output, '-q', ...options],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
  )
}

/** Every file of a site, by path, with its modification time. */
function files(site: string): Map<string, number> {
  return new Map(filesBelow(site).map((name) => [name, statSync(join(site, name)).mtimeMs]))
}

test('rebuild: adding, changing and removing gazettes gives the site a full build gives, touching only affected pages', (t) => {
  const input = content()
  const work = mkdtempSync(join(tmpdir(), 'rebuild-site-'))
  t.after(() => rmSync(input, {recursive: true, force: true}))
  t.after(() => rmSync(work, {recursive: true, force: true}))
  const site = join(work, 'site')
  const cache = join(work, 'cache')
  assert.match(build(input, site, '--cache', cache), /^built /mu)
  const before = files(site)

  // Nothing changed: no file is read or written, and the summary is printed again.
  assert.match(build(input, site, '--cache', cache), /^unchanged: .* left as it was .*\n {2}4 gazette files → /u)
  assert.deepEqual(files(site), before)
  // A file touched but not changed is read again, and the site still left as it was.
  const touched = join(input, 'undated.txt')
  writeFileSync(touched, readFileSync(touched))
  assert.match(
    build(input, site, '--cache', cache),
    /updated .* 0 pages written \(0 changed, 0 removed, 0 search bundles\)/u
  )
  assert.deepEqual(files(site), before)

  // Today's page: a new day in a new month.
  addGazette(input, '003_7f1fae4339dc0c94.txt', '2024-04-01-1.txt', '2024-04-01', 1)
  const added = build(input, site, '--cache', cache)
  assert.match(added, /updated .*\(\d+ changed, 0 removed, 1 search bundles\)/u)
  const full = join(work, 'full')
  build(input, full, '--no-cache')
  assertSameFiles(site, full)
  const after = files(site)
  const untouched = [...before.keys()].filter((name) => after.get(name) === before.get(name))
  // The first day's item pages are not affected by a page a month later; home and feeds are.
  assert.ok(
    untouched.some((name) => name.startsWith('items/ce-shi-bao-2024-03-01-p1-')),
    'old item pages are left alone'
  )
  // An old item with a new neighbour in its place's timeline is rendered again; its gazette's and date's pages, which do not show that, are not.
  const related = [...before.keys()].filter(
    (name) => name.startsWith('items/ce-shi-bao-2024-03-0') && !untouched.includes(name)
  )
  assert.ok(related.length > 0, 'some old item lists the new one among its related items')
  for (const page of new Set(
    related.map((name) => name.replace(/^items\/(.*)-\d+\/index\.html$/u, 'pages/$1/index.html'))
  ))
    assert.ok(untouched.includes(page), `${page} left alone`)
  assert.ok(untouched.includes('dates/2024/03/01/index.html') && untouched.includes('dates/2024/03/index.html'))
  assert.ok(!untouched.includes('index.html') && !untouched.includes('feed.xml') && !untouched.includes('sitemap.xml'))
  assert.ok(
    untouched.some((name) => name.startsWith('search-index/2024-03/')),
    'the March search bundle is not re-indexed'
  )
  assert.ok(
    untouched.includes('data/undated.json') && untouched.includes('data/undated.csv'),
    'the data of other years is not written again'
  )
  assert.ok(!untouched.includes('data/2024.json') && !untouched.includes('data/2024.csv'))

  // A page corrected in place, and two taken out (the undated one with its data part).
  writeFileSync(
    join(input, '2024-03-02-1.txt'),
    readFileSync(join(input, '2024-03-02-1.txt'), 'utf8').replace(/。/u, '！')
  )
  rmSync(join(input, '2024-03-01-2.txt'))
  rmSync(join(input, 'undated.txt'))
  assert.match(build(input, site, '--cache', cache), /updated .*\(\d+ changed, [1-9]\d* removed/u)
  rmSync(full, {recursive: true})
  build(input, full, '--no-cache')
  assertSameFiles(site, full)
  assert.ok(
    ![...files(site).keys()].some((name) => name.startsWith('items/ce-shi-bao-2024-03-01-p2-')),
    'the removed page’s items are gone'
  )
  assert.ok(!existsSync(join(site, 'data/undated.json')), 'the data part of no gazette is gone')

  // --full renders everything again.
  assert.match(build(input, site, '--cache', cache, '--full'), /^built /mu)
})

test('rebuild: search bundles are whole past years, runs of months past the limit, and months of the newest year', () => {
  const item = (date: string | null, n: number) => Array.from({length: n}, () => ({metadata: {date}}) as ArchiveItem)
  const items = [
    ...item('2021-05-02', 10),
    ...item('2022-01-03', 3000),
    ...item('2022-02-03', 1500),
    ...item('2022-03-01', 10),
    ...item('2023-01-02', 5),
    ...item('2023-02-02', 5),
    ...item(null, 2)
  ]
  const bundles = searchBundles(items)
  assert.deepEqual([...bundles.keys()], ['2023-02', '2023-01', '2022-02', '2022-01', '2021', 'undated'])
  assert.deepEqual(
    [...bundles.values()].map((list) => list.length),
    [5, 5, 1510, 3000, 10, 2]
  )
  assert.ok([...bundles.values()].every((list) => list.length <= bundleLimit))
})

test('rebuild: related items are the neighbours in the place’s timeline, topped up at either end', () => {
  const list = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
  assert.deepEqual(around(list, 0, 5), [1, 2, 3, 4, 5])
  assert.deepEqual(around(list, 5, 5), [3, 4, 6, 7, 8])
  assert.deepEqual(around(list, 9, 5), [4, 5, 6, 7, 8])
  assert.deepEqual(around([0, 1, 2], 1, 5), [0, 2])
})

test('rebuild: a new version of the templates or settings means a full build', () => {
  const state: SiteState = {
    version: 'a',
    pages: {'items/x/index.html': '1', 'items/y/index.html': '2'},
    bundles: {'2024': '1'},
    data: {'2023': '1', '2024': '1'}
  }
  assert.equal(planUpdate(undefined, state), undefined)
  assert.equal(planUpdate({...state, version: 'b'}, state), undefined)
  assert.ok(isEmptyPlan(planUpdate(state, state)!))
  const plan = planUpdate(state, {
    version: 'a',
    pages: {'items/x/index.html': '3', 'items/z/index.html': '4'},
    bundles: {'2024': '2'},
    data: {'2024': '2', '2025': '1'}
  })!
  assert.deepEqual([...plan.files], ['items/x/index.html', 'items/z/index.html'])
  assert.deepEqual(plan.stale, ['items/y/index.html'])
  assert.deepEqual([...plan.bundles], ['2024'])
  assert.deepEqual([...plan.data], ['2024', '2025'])
  assert.deepEqual(plan.staleData, ['2023'])
})
