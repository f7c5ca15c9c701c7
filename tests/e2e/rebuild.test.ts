import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {filesBelow} from '../helpers/files.js'
import {assertSameSite} from '../helpers/same-site.js'
import {samplesDir} from '../helpers/samples.js'
import {sourceCli as cli} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'

/** A content folder of dated samples: paper 测试报, two days in March 2024 and one undated page. */
function content(t: TestContext): string {
  const folder = tempDir(t, 'rebuild')
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

test(
  'rebuild: adding, changing and removing gazettes gives the site a full build gives, touching only ' +
    'affected pages',
  async (t) => {
    const input = content(t)
    const work = tempDir(t, 'rebuild-site')
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
      /updated .* 0 pages written \(0 changed, 0 removed, search index kept\)/u
    )
    assert.deepEqual(files(site), before)

    // Today's page: a new day in a new month.
    addGazette(input, '003_7f1fae4339dc0c94.txt', '2024-04-01-1.txt', '2024-04-01', 1)
    const added = build(input, site, '--cache', cache)
    assert.match(added, /updated .*\(\d+ changed, 0 removed, 1 search bundle indexed again\)/u)
    const full = join(work, 'full')
    build(input, full, '--no-cache')
    await assertSameSite(site, full)
    const after = files(site)
    const untouched = [...before.keys()].filter((name) => after.get(name) === before.get(name))
    // The first day's item pages are not affected by a page a month later; home and feeds are.
    assert.ok(
      untouched.some((name) => name.startsWith('items/ce-shi-bao-2024-03-01-p1-')),
      'old item pages are left alone'
    )
    // An old item with a new neighbour in its place's timeline is rendered again;
    // its gazette's and date's pages, which do not show that, are not.
    const related = [...before.keys()].filter(
      (name) => name.startsWith('items/ce-shi-bao-2024-03-0') && !untouched.includes(name)
    )
    assert.ok(related.length > 0, 'some old item lists the new one among its related items')
    for (const page of new Set(
      related.map((name) => name.replace(/^items\/(.*)-\d+\/index\.html$/u, 'pages/$1/index.html'))
    ))
      assert.ok(untouched.includes(page), `${page} left alone`)
    assert.ok(untouched.includes('dates/2024/03/01/index.html') && untouched.includes('dates/2024/03/index.html'))
    assert.ok(
      !untouched.includes('index.html') && !untouched.includes('feed.xml') && !untouched.includes('sitemap.xml')
    )
    assert.ok(
      untouched.some((name) => /^search-index\/b-\w+\/2024-03\//u.test(name)),
      'the March search bundle is not re-indexed'
    )
    assert.ok(
      untouched.includes('data/undated.json.gz') && untouched.includes('data/undated.csv.gz'),
      'the data of other years is not written again'
    )
    assert.ok(!untouched.includes('data/2024.json.gz') && !untouched.includes('data/2024.csv.gz'))

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
    await assertSameSite(site, full)
    assert.ok(
      ![...files(site).keys()].some((name) => name.startsWith('items/ce-shi-bao-2024-03-01-p2-')),
      'the removed page’s items are gone'
    )
    assert.ok(!existsSync(join(site, 'data/undated.json.gz')), 'the data part of no gazette is gone')

    // --full renders everything again.
    assert.match(build(input, site, '--cache', cache, '--full'), /^built /mu)
  }
)
