/*
 * Many undated items: the undated group, every search bundle and every
 * sitemap part is cut by count, so that what a thread holds at once is a
 * part, however many items have no date. (32,000 undated items are built
 * by `npm run bench -- --undated 3800`, not a test: that takes minutes.)
 */
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildArchive} from '../src/archive/build-archive.js'
import type {ArchiveItem} from '../src/archive/model.js'
import {buildSite} from '../src/site/build-site.js'
import {fileOf} from '../src/site/output-file.js'
import {searchBundles} from '../src/site/search/bundles.js'
import {indexForSearch} from '../src/site/search/write-index.js'
import {sitemapParts} from '../src/site/sitemaps.js'
import {processSample, sampleFiles} from './helpers.js'

const gazettes = sampleFiles.map(processSample)

/** Stand-ins for items: a date and a gazette are all the bundles look at. */
function items(date: string | null, count: number, gazette = 'g'): ArchiveItem[] {
  const item = (index: number) => ({id: `${gazette}-${index}`, gazetteId: gazette, metadata: {date}}) as ArchiveItem
  return Array.from({length: count}, (_, index) => item(index))
}

test('undated: search bundles are cut by count, the undated items and a month bigger than a bundle too', () => {
  const all = [...items('2023-05-02', 2), ...items('2024-03-01', 5), ...items('2024-04-01', 1), ...items(null, 7)]
  const bundles = searchBundles(all, 3)
  const names = ['2024-04', '2024-03-2', '2024-03', '2023', 'undated', 'undated-2', 'undated-3']
  assert.deepEqual([...bundles.keys()], names)
  assert.deepEqual(
    [...bundles.values()].map((list) => list.length),
    [1, 2, 3, 2, 3, 3, 1]
  )
  const bundled = [...bundles.values()].flat()
  assert.ok(bundled.length === all.length && all.every((item) => bundled.includes(item)), 'every item once')
  // The default: no bundle over 4,000 items, however many are undated.
  const many = searchBundles(items(null, 32_000))
  assert.equal(many.size, 8)
  assert.ok([...many.values()].every((list) => list.length <= 4000))
})

test('undated: sitemap parts are cut by count, each part listing at most the limit', () => {
  const archive = buildArchive(gazettes)
  const whole = sitemapParts(archive)
  const parts = sitemapParts(archive, 10)
  assert.ok(parts.every((part) => part.entries.length <= 10))
  assert.deepEqual(
    parts.flatMap((part) => part.entries),
    whole.flatMap((part) => part.entries),
    'the same entries, in the same order'
  )
  const urls = parts.map((part) => part.url)
  assert.deepEqual(urls.slice(0, 3), ['/sitemaps/lists.xml', '/sitemaps/lists-2.xml', '/sitemaps/lists-3.xml'])
  assert.ok(urls.includes('/sitemaps/undated.xml') && urls.includes('/sitemaps/undated-2.xml'))
  assert.equal(new Set(urls).size, urls.length)
})

test('undated: the undated gazettes are listed in pages of at most a page size, linked from /dates/', async (t) => {
  const archive = buildArchive(gazettes, {undatedPageSize: 2})
  const pages = archive.undatedPages
  assert.deepEqual(
    pages.map((page) => [page.url, page.issues.flatMap((issue) => issue.gazetteIds).length]),
    [
      ['/dates/undated/1/', 2],
      ['/dates/undated/2/', 2],
      ['/dates/undated/3/', 1]
    ]
  )
  assert.deepEqual(
    pages.flatMap((page) => page.issues.flatMap((issue) => issue.gazetteIds)),
    archive.undated!.gazetteIds
  )
  assert.ok(
    pages.every((page) => archive.datePages.includes(page)),
    'rendered as date pages'
  )
  assert.equal(buildArchive(gazettes).undatedPages.length, 0, '/dates/ lists a few undated gazettes itself')

  const site = mkdtempSync(join(tmpdir(), 'undated-site-'))
  t.after(() => rmSync(site, {recursive: true, force: true}))
  await buildSite(archive, gazettes, {output: site, basePath: '/', siteUrl: ''})
  const dates = readFileSync(join(site, 'dates/index.html'), 'utf8')
  for (const page of pages) assert.ok(dates.includes(`href="${page.url}"`), `/dates/ links ${page.url}`)
  for (const page of pages) {
    const html = readFileSync(join(site, fileOf(page.url)), 'utf8')
    const gazetteLinks = [...html.matchAll(/href="(\/pages\/[^"]+)"/gu)].map((match) => match[1])
    const ids = page.issues.flatMap((issue) => issue.gazetteIds)
    assert.deepEqual(
      gazetteLinks,
      ids.map((id) => `/pages/${id}/`),
      page.url
    )
  }
})

test('undated: a search indexer out of memory says so with its own limit, not the build’s', async (t) => {
  const output = mkdtempSync(join(tmpdir(), 'undated-oom-'))
  t.after(() => rmSync(output, {recursive: true, force: true}))
  const archive = buildArchive(gazettes)
  await assert.rejects(indexForSearch(output, archive.items, {thread: true, threadHeapMb: 4}), (error: Error) => {
    assert.match(error.message, /^out of memory: the search indexer’s thread may take 4 MB of heap/u)
    assert.doesNotMatch(error.message, /--max-heap/u)
    const {code} = error as Error & {code?: string}
    assert.notEqual(code, 'ERR_WORKER_OUT_OF_MEMORY', 'not taken for the build thread’s')
    return true
  })
})
