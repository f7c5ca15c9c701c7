/*
 * One URL per page: inputs that would give two pages one URL (ids that slug
 * alike, person names that slug alike) or a path segment too long for a
 * file system (a long file name in Han characters) each get a URL of their
 * own, stable and bounded, and the archive reports the collision.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {before, test, type TestContext} from 'node:test'
import type {Archive} from '../../src/archive/model.js'
import {build, type BuildOptions} from '../../src/cli/build-command.js'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {fileOf} from '../../src/site/output-file.js'
import {sitemapParts} from '../../src/site/sitemaps.js'
import type {Gazette} from '../../src/model/types.js'
import {filesBelow, gunzipped, writeFiles} from '../helpers/files.js'
import {assertSameSite} from '../helpers/same-site.js'
import {collidingInputs, frontMatter, longName, page} from '../helpers/colliding-inputs.js'
import {tempDir, fileTempDir} from '../helpers/temp-dir.js'
import {rule, severityOf} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

const input = fileTempDir('archive-urls-input')
const site = fileTempDir('archive-urls-site')
let archive: Archive
let gazettes: Gazette[] = []

before(async () => {
  collidingInputs(input)
  // File names give no dates here (a pattern that never matches): `2022-02-15-p2.txt` stays undated, its id its path.
  ;({archive, gazettes} = await buildArchiveFromFolder({input, fileNames: /(?!)/u}))
  await buildSite(archive, gazettes, {output: site, basePath: '/', siteUrl: ''})
})

test('archive urls: files that would share a URL build, each with its own pages and items', () => {
  const sources = gazettes.map((gazette) => gazette.source).sort()
  assert.equal(sources.length, 9, `every file is built: ${sources.join(', ')}`)
  assert.equal(new Set(archive.gazettes.map((gazette) => gazette.id)).size, 9)
  const files = new Set(filesBelow(site))
  for (const gazette of archive.gazettes) {
    assert.ok(files.has(fileOf(gazette.url)), `${gazette.source}: ${gazette.url}`)
    assert.ok(gazette.itemIds.length > 0, `${gazette.source} has items`)
  }
  for (const item of archive.items) assert.ok(files.has(fileOf(item.url)), item.url)
  assert.equal([...files].filter((file) => /^items\/[^/]+\/index\.html$/u.test(file)).length, archive.items.length)
})

test('archive urls: the export names items by the ids of their pages', () => {
  const exported = ['undated', '2022'].flatMap((part) => {
    const text = gunzipped(join(site, 'data', `${part}.json.gz`))
    const data = JSON.parse(text) as {gazettes: Array<{items: Array<{id: string}>}>}
    return data.gazettes.flatMap((gazette) => gazette.items.map((item) => item.id))
  })
  assert.deepEqual(exported.sort(), archive.items.map((item) => item.id).sort())
})

test('archive urls: each collision is a warning naming both files', () => {
  const same = archive.reports.filter((report) => rule(report) === 'archive:same-url')
  const pairs = [
    ['a.md', 'a.txt'],
    ['2022-02-15-p2.txt', 'x/dated.txt'],
    ['tz/a.txt', 'tz/b.txt']
  ]
  assert.equal(same.length, pairs.length, same.map((report) => report.message).join('\n'))
  for (const [first, second] of pairs) {
    const report = same.find((each) => each.file === second)
    assert.ok(report, `${second} reported`)
    assert.equal(severityOf(report), 'warning')
    assert.ok(report.message.includes(must(first)), report.message)
  }
  // Path order decides: the first file keeps the URL, the other's gets a hash of its path.
  const idOf = (source: string) => must(archive.gazettes.find((gazette) => gazette.source === source)).id
  assert.equal(idOf('a.md'), 'a')
  assert.match(idOf('a.txt'), /^a-[0-9a-f]{6}$/u)
  assert.equal(idOf('2022-02-15-p2.txt'), '2022-02-15-p2')
  assert.match(idOf('x/dated.txt'), /^2022-02-15-p2-[0-9a-f]{6}$/u)
  for (const item of archive.items) assert.ok(item.id.startsWith(`${item.gazetteId}-`), item.id)
})

test('archive urls: people whose names slug alike each have their own pages', () => {
  const people = archive.people.filter((person) => ['zhang san', 'zhang-san-2', '张三'].includes(person.name))
  assert.equal(people.length, 3)
  assert.equal(new Set(people.map((person) => person.url)).size, 3, people.map((person) => person.url).join(' '))
  for (const person of people) {
    assert.ok(readFileSync(join(site, fileOf(person.url)), 'utf8').includes(`<h1>${person.name}</h1>`), person.url)
  }
  const named = people.find((person) => person.name === 'zhang-san-2')
  assert.equal(named?.slug, 'zhang-san-2', 'a name that is a slug keeps it')
})

test('archive urls: no two pages of any kind share a URL', () => {
  const urls = [
    ...archive.gazettes.map((gazette) => gazette.url),
    ...archive.items.map((item) => item.url),
    ...archive.localityPages.map((listing) => listing.url),
    ...Object.values(archive.localities).map((locality) => locality.feedUrl),
    ...archive.personPages.map((listing) => listing.url),
    ...archive.datePages.map((node) => node.url),
    ...sitemapParts(archive).map((part) => part.url)
  ]
  const seen = new Set<string>()
  assert.deepEqual(
    urls.filter((url) => seen.size === seen.add(url).size),
    []
  )
})

test('archive urls: every path segment of the site stays well under the 255 bytes a file name may take', () => {
  const longest = must(
    filesBelow(site)
      .flatMap((file) => file.split('/'))
      .sort((a, b) => Buffer.byteLength(b) - Buffer.byteLength(a))[0]
  )
  // Half of it: room for a rename's hash, and for file systems that count in UTF-16 units.
  assert.ok(Buffer.byteLength(longest) <= 128, `${longest}: ${Buffer.byteLength(longest)} bytes`)
  const long = archive.gazettes.filter((gazette) => gazette.source.startsWith(longName.slice(0, 10)))
  assert.equal(long.length, 2)
  assert.notEqual(must(long[0]).id, must(long[1]).id, 'cut slugs stay apart by a hash of the whole path')
})

/** `build` quietly: its summary and reports go to the console. */
async function quietBuild(t: TestContext, options: Pick<BuildOptions, 'input' | 'output' | 'cache'>): Promise<void> {
  t.mock.method(console, 'log', () => undefined)
  t.mock.method(console, 'error', () => undefined)
  try {
    assert.equal(await build({...options, basePath: '/', siteUrl: '', maxFileSize: 5}), 0)
  } finally {
    t.mock.restoreAll()
  }
}

/** Build `files`, add `added` and build again: the site must be the one a full build makes of all of them. */
async function assertRebuildAfterAdding(t: TestContext, files: Record<string, string>, added: Record<string, string>) {
  const folder = tempDir(t, 'archive-urls-rebuild')
  const content = join(folder, 'content')
  writeFiles(content, files)
  const rebuilt = join(folder, 'site')
  const cache = join(folder, 'cache')
  await quietBuild(t, {input: content, output: rebuilt, cache})
  writeFiles(content, added)
  await quietBuild(t, {input: content, output: rebuilt, cache})
  const full = join(folder, 'full')
  await quietBuild(t, {input: content, output: full, cache: false})
  await assertSameSite(rebuilt, full)
}

test('archive urls: a rebuild after adding a file that collides gives the site a full build gives', async (t) => {
  // `a.md` comes first in path order: `a.txt`'s pages move to a URL of their own.
  await assertRebuildAfterAdding(t, {'a.txt': page('春耕'), 'b.txt': page('夏种')}, {'a.md': page('秋收')})
})

test('archive urls: a new file renaming a gazette of another year: the rebuild is the full build', async (t) => {
  // The new undated file comes first by path: the dated page's id changes, and with it its year's data part.
  const dated = {'x/dated.txt': frontMatter('date: 2022-02-15\npage: 2') + page('防汛'), 'b.txt': page('夏种')}
  await assertRebuildAfterAdding(t, dated, {'2022-02-15-p2.txt': page('植树')})
})
