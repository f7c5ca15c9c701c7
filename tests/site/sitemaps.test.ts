import assert from 'node:assert/strict'
import {test} from 'node:test'
import {buildArchive} from '../../src/archive/build-archive.js'
import {sitemapParts} from '../../src/site/sitemaps.js'
import {processSample, sampleFiles} from '../helpers/samples.js'

const gazettes = sampleFiles.map(processSample)

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
