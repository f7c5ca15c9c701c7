import assert from 'node:assert/strict'
import {readFileSync, existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {before, test} from 'node:test'
import {FileSystemConfigLoader, HtmlValidate} from 'html-validate'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {toCsv, toPublicArchive} from '../../src/archive/export.js'
import {writeGzipped} from '../../src/site/write-data.js'
import type {Gazette} from '../../src/model/types.js'
import {assertSameFiles, filesBelow, gunzipped} from '../helpers/files.js'
import {samplesDir} from '../helpers/samples.js'
import {tempDir, fileTempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

/** Every href/src of every HTML page resolves to a file of the site. */
function brokenLinks(site: string, basePath: string): string[] {
  const broken: string[] = []
  for (const file of filesBelow(site).filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(site, file), 'utf8')
    for (const [, url] of html.matchAll(/(?:href|src)="([^"#?]+)[^"]*"/gu)) {
      if (/^[a-z]+:/u.test(must(url))) continue
      assert.ok(must(url).startsWith(basePath), `${file}: ${url} is outside the base path ${basePath}`)
      const path = join(site, must(url).slice(basePath.length))
      const target = must(url).endsWith('/') ? join(path, 'index.html') : path
      if (!existsSync(target)) broken.push(`${file} → ${url}`)
    }
  }
  return broken
}

/*
 * The sample site (content/gazettes), built once for the whole file: at the
 * root with no site URL, and under a base path with one.
 */
const site = fileTempDir('site')
const prefixed = fileTempDir('site-prefixed')
let gazettes: Gazette[] = []

before(async () => {
  const built = await buildArchiveFromFolder({input: samplesDir})
  const {archive} = built
  gazettes = built.gazettes
  await buildSite(archive, gazettes, {output: site, basePath: '/', siteUrl: ''})
  await buildSite(archive, gazettes, {output: prefixed, basePath: '/archive/', siteUrl: 'https://example.org'})
})

test('site: home, a page per gazette, per item, per locality, dates, people, feeds, sitemap, data', () => {
  const all = filesBelow(site)
  for (const name of [
    'index.html',
    '404.html',
    'places/index.html',
    'dates/index.html',
    'people/index.html',
    'feed.xml',
    'sitemap.xml',
    'data/undated.json.gz',
    'data/undated.csv.gz',
    'data/gazette-archive.schema.json',
    'assets/style.css',
    'assets/cite.js'
  ]) {
    assert.ok(all.includes(name), name)
  }
  assert.equal(all.filter((name) => /^pages\/[^/]+\/index\.html$/u.test(name)).length, 5)
  assert.equal(all.filter((name) => /^items\/[^/]+\/index\.html$/u.test(name)).length, 42)
  assert.ok(all.includes('places/320612110/index.html'), '石港镇')
  assert.ok(all.includes('places/320612110/feed.xml'))
})

test('site: rendered in several Eleventy runs (a big archive), the site is the same', async (t) => {
  const {archive, gazettes} = await buildArchiveFromFolder({input: samplesDir})
  const sliced = tempDir(t, 'site-sliced')
  const {pages} = await buildSite(archive, gazettes, {output: sliced, basePath: '/', siteUrl: '', pagesPerRun: 40})
  assert.ok(pages > 120, 'more pages than three runs hold')
  assertSameFiles(sliced, site)
})

test('site: every internal link and asset resolves, also under a base path', () => {
  assert.deepEqual(brokenLinks(site, '/'), [])
  assert.deepEqual(brokenLinks(prefixed, '/archive/'), [])
})

test('site: pages link the one stylesheet (and item pages the citation script), none inlines them', () => {
  const pages = filesBelow(prefixed).filter((name) => name.endsWith('.html'))
  for (const name of pages) {
    const html = readFileSync(join(prefixed, name), 'utf8')
    if (html.includes('http-equiv="refresh"')) continue
    assert.match(html, /<link rel="stylesheet" href="\/archive\/assets\/style\.css\?v=[0-9a-f]{10}">/u, name)
    assert.doesNotMatch(html, /<style|<script>/u, name)
    if (name.startsWith('items/'))
      assert.match(html, /<script src="\/archive\/assets\/cite\.js\?v=[0-9a-f]{10}"/u, name)
  }
})

test(
  'site: the sitemap is an index of parts that list every page once (but search, data and 404), with ' +
    'absolute URLs',
  () => {
    const locs = (file: string) =>
      [
        ...readFileSync(join(prefixed, file), 'utf8').matchAll(/<loc>https:\/\/example\.org\/archive\/([^<]*)<\/loc>/gu)
      ].map((match) => must(match[1]))
    const parts = locs('sitemap.xml')
    assert.ok(parts.length > 1 && parts.every((part) => part.startsWith('sitemaps/')))
    const listed = parts.flatMap(locs).map((path) => `${path}index.html`)
    const pages = filesBelow(prefixed).filter(
      (name) => name.endsWith('index.html') && !/^(?:search|data)\//u.test(name)
    )
    assert.deepEqual(listed.sort(), pages.sort())
  }
)

test('site: a data part, gzipped in pieces, is its gazettes in the public format and as a table', async (t) => {
  assert.equal(gunzipped(join(site, 'data/undated.json.gz')), JSON.stringify(toPublicArchive(gazettes)))
  assert.equal(gunzipped(join(site, 'data/undated.csv.gz')), '\uFEFF' + toCsv(gazettes))
  // Pieces of more than a megabyte in all are written as they come.
  const file = join(tempDir(t, 'pieces'), 'pieces.txt.gz')
  await writeGzipped(file, ['甲'.repeat(700_000), '乙'.repeat(700_000), '丙'], '〇')
  assert.equal(gunzipped(file), '〇' + '甲'.repeat(700_000) + '乙'.repeat(700_000) + '丙')
})

test('site: a locality page lists exactly its items', () => {
  const archive = JSON.parse(gunzipped(join(site, 'data/undated.json.gz'))) as {
    gazettes: Array<{items: Array<{id: string; places: Array<{code: string}>}>}>
  }
  const tagged = archive.gazettes
    .flatMap((gazette) => gazette.items)
    .filter((item) => item.places.some((place) => place.code === '320612110'))
  const html = readFileSync(join(site, 'places/320612110/index.html'), 'utf8')
  const listed = [...html.matchAll(/href="\/items\/([^/]+)\/"/gu)].map((match) => match[1])
  assert.deepEqual(listed.sort(), tagged.map((item) => item.id).sort())
})

test('html-validate: every page of the built sample site is valid HTML (.htmlvalidate.json)', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader())
  const pages = readdirSync(site, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.html'))
  assert.ok(pages.length > 100)
  const problems: string[] = []
  for (const page of pages) {
    const report = await validator.validateFile(join(site, page))
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`)
    }
  }
  assert.deepEqual(problems, [])
})

test('bad input 13: building the samples twice gives the same files, byte for byte', async (t) => {
  // The second build, from the content folder again, of the prefixed site the file's first build made.
  const {archive, gazettes} = await buildArchiveFromFolder({input: samplesDir})
  const second = tempDir(t, 'determinism')
  await buildSite(archive, gazettes, {output: second, basePath: '/archive/', siteUrl: 'https://example.org'})
  assert.ok(filesBelow(prefixed).length > 50)
  assertSameFiles(second, prefixed)
})
