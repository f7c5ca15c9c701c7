/*
 * Many undated items: the undated group is cut by count, as every search
 * bundle and sitemap part is (tests/site/search/bundles.test.ts,
 * tests/site/sitemaps.test.ts), so that what a thread holds at once is a
 * part, however many items have no date. (32,000 undated items are built
 * by `npm run bench -- --undated 3800`, not a test: that takes minutes.)
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildArchive} from '../../src/archive/build-archive.js'
import {buildSite} from '../../src/site/build-site.js'
import {fileOf} from '../../src/site/output-file.js'
import {processSample, sampleFiles} from '../helpers/samples.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

const gazettes = sampleFiles.map(processSample)

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
    must(archive.undated).gazetteIds
  )
  assert.ok(
    pages.every((page) => archive.datePages.includes(page)),
    'rendered as date pages'
  )
  assert.equal(buildArchive(gazettes).undatedPages.length, 0, '/dates/ lists a few undated gazettes itself')

  const site = tempDir(t, 'undated-site')
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
