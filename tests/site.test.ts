import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {before, test} from 'node:test'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {buildSite} from '../src/site/build-site.js'
import {toCsv, toPublicArchive} from '../src/archive/export.js'
import {writeInPieces} from '../src/site/write-data.js'
import type {Gazette} from '../src/model/types.js'
import {assertSameFiles, filesBelow, samplesDir} from './helpers.js'

/** Every href/src of every HTML page resolves to a file of the site. */
function brokenLinks(site: string, basePath: string): string[] {
  const broken: string[] = []
  for (const file of filesBelow(site).filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(site, file), 'utf8')
    for (const [, url] of html.matchAll(/(?:href|src)="([^"#?]+)[^"]*"/gu)) {
      if (/^[a-z]+:/u.test(url!)) continue
      assert.ok(url!.startsWith(basePath), `${file}: ${url} is outside the base path ${basePath}`)
      const path = join(site, url!.slice(basePath.length))
      const target = url!.endsWith('/') ? join(path, 'index.html') : path
      if (!existsSync(target)) broken.push(`${file} → ${url}`)
    }
  }
  return broken
}

let site = ''
let prefixed = ''
let gazettes: Gazette[] = []

before(async () => {
  const built = await buildArchiveFromFolder({input: samplesDir})
  const {archive} = built
  gazettes = built.gazettes
  site = mkdtempSync(join(tmpdir(), 'gazette-site-'))
  prefixed = mkdtempSync(join(tmpdir(), 'gazette-site-prefixed-'))
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
    'data/undated.json',
    'data/undated.csv',
    'data/gazette-archive.schema.json'
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
  const sliced = mkdtempSync(join(tmpdir(), 'gazette-site-sliced-'))
  t.after(() => rmSync(sliced, {recursive: true, force: true}))
  const {pages} = await buildSite(archive, gazettes, {output: sliced, basePath: '/', siteUrl: '', pagesPerRun: 40})
  assert.ok(pages > 120, 'more pages than three runs hold')
  assertSameFiles(sliced, site)
})

test('site: every internal link and asset resolves, also under a base path', () => {
  assert.deepEqual(brokenLinks(site, '/'), [])
  assert.deepEqual(brokenLinks(prefixed, '/archive/'), [])
})

test('site: the sitemap is an index of parts that list every page once (but search, data and 404), with absolute URLs', () => {
  const locs = (file: string) =>
    [
      ...readFileSync(join(prefixed, file), 'utf8').matchAll(/<loc>https:\/\/example\.org\/archive\/([^<]*)<\/loc>/gu)
    ].map((match) => match[1]!)
  const parts = locs('sitemap.xml')
  assert.ok(parts.length > 1 && parts.every((part) => part.startsWith('sitemaps/')))
  const listed = parts.flatMap(locs).map((path) => `${path}index.html`)
  const pages = filesBelow(prefixed).filter((name) => name.endsWith('index.html') && !/^(?:search|data)\//u.test(name))
  assert.deepEqual(listed.sort(), pages.sort())
})

test('site: a data part, written in pieces, is its gazettes in the public format and as a table', async () => {
  assert.equal(readFileSync(join(site, 'data/undated.json'), 'utf8'), JSON.stringify(toPublicArchive(gazettes)))
  assert.equal(readFileSync(join(site, 'data/undated.csv'), 'utf8'), '\uFEFF' + toCsv(gazettes))
  // Pieces of more than a megabyte in all are written as they come.
  const file = join(mkdtempSync(join(tmpdir(), 'gazette-pieces-')), 'pieces.txt')
  await writeInPieces(file, ['甲'.repeat(700_000), '乙'.repeat(700_000), '丙'], '〇')
  assert.equal(readFileSync(file, 'utf8'), '〇' + '甲'.repeat(700_000) + '乙'.repeat(700_000) + '丙')
  rmSync(file)
})

test('site: a locality page lists exactly its items', () => {
  const archive = JSON.parse(readFileSync(join(site, 'data/undated.json'), 'utf8')) as {
    gazettes: Array<{items: Array<{id: string; places: Array<{code: string}>}>}>
  }
  const tagged = archive.gazettes
    .flatMap((gazette) => gazette.items)
    .filter((item) => item.places.some((place) => place.code === '320612110'))
  const html = readFileSync(join(site, 'places/320612110/index.html'), 'utf8')
  const listed = [...html.matchAll(/href="\/items\/([^/]+)\/"/gu)].map((match) => match[1])
  assert.deepEqual(listed.sort(), tagged.map((item) => item.id).sort())
})

test('site: text that looks like markup or template syntax is printed literally and inert', async () => {
  const input = mkdtempSync(join(tmpdir(), 'gazette-unsafe-'))
  mkdirSync(input, {recursive: true})
  writeFileSync(
    join(input, 'unsafe.txt'),
    '<script>alert(1)</script>标题{{ 7*7 }}{% raw %}\n\n正文"><img src=x onerror=alert(1)>，</script>内容。\n'
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  const output = mkdtempSync(join(tmpdir(), 'gazette-unsafe-site-'))
  await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: ''})
  const page = readFileSync(join(output, 'items', gazettes[0]!.items[0]!.id, 'index.html'), 'utf8')
  assert.doesNotMatch(page, /<script>alert/u)
  assert.doesNotMatch(page, /<img src=x/u)
  assert.match(page, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;标题/u, 'escaped once in the title')
  assert.match(
    page,
    /&#x3C;script>alert\(1\)&#x3C;\/script>标题\{\{ 7\*7 \}\}\{% raw %\}|&lt;script&gt;alert\(1\)&lt;\/script&gt;标题\{\{ 7\*7 \}\}\{% raw %\}/u
  )
  const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/su.exec(page)![1]!
  assert.doesNotMatch(jsonLd, /<\/script/iu)
  assert.equal(JSON.parse(jsonLd).headline.startsWith('<script>'), true)
  assert.equal(relative(output, output), '')
})

test('site: a story continued on another page reads as one on its first page', async () => {
  const input = mkdtempSync(join(tmpdir(), 'gazette-continued-'))
  writeFileSync(
    join(input, 'p1.txt'),
    '---\npaper: 测试报\ndate: 2022-03-04\npage: 1\n---\n标题一\n\n正文开始，石港镇召开会议（下转2版）\n'
  )
  writeFileSync(
    join(input, 'p2.txt'),
    '---\npaper: 测试报\ndate: 2022-03-04\npage: 2\n---\n(上接1版)会议继续进行。\n\n标题二\n\n另一篇文章。\n'
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  const output = mkdtempSync(join(tmpdir(), 'gazette-continued-site-'))
  await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: ''})
  const [head, fragment] = archive.items
  const headPage = readFileSync(join(output, head!.url, 'index.html'), 'utf8')
  assert.match(headPage, /正文开始，石港镇召开会议（下转2版）.*接第2版.*会议继续进行。/su)
  const fragmentPage = readFileSync(join(output, fragment!.url, 'index.html'), 'utf8')
  assert.match(fragmentPage, new RegExp(`本文开头见第1版：<a href="${head!.url}">标题一</a>`, 'u'))
})
