import assert from 'node:assert/strict'
import {readFileSync, writeFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {z} from 'zod'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {tempDir} from '../helpers/temp-dir.js'
import {filesBelow} from '../helpers/files.js'
import {must} from '../helpers/must.js'

test('site: text that looks like markup or template syntax is printed literally and inert', async (t) => {
  const input = tempDir(t, 'unsafe')
  writeFileSync(
    join(input, 'unsafe.txt'),
    '<script>alert(1)</script>标题{{ 7*7 }}{% raw %}\n\n正文"><img src=x onerror=alert(1)>，</script>内容。\n'
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  const parent = tempDir(t, 'unsafe-site')
  const output = join(parent, 'site')
  await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: ''})
  const page = readFileSync(join(output, 'items', must(must(gazettes[0]).items[0]).id, 'index.html'), 'utf8')
  assert.doesNotMatch(page, /<script>alert/u)
  assert.doesNotMatch(page, /<img src=x/u)
  assert.match(page, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;标题/u, 'escaped once in the title')
  assert.match(
    page,
    new RegExp(
      String.raw`&#x3C;script>alert\(1\)&#x3C;\/script>标题\{\{ 7\*7 \}\}\{% raw %\}` +
        String.raw`|&lt;script&gt;alert\(1\)&lt;\/script&gt;标题\{\{ 7\*7 \}\}\{% raw %\}`,
      'u'
    )
  )
  const jsonLd = must(must(/<script type="application\/ld\+json">(.*?)<\/script>/su.exec(page))[1])
  assert.doesNotMatch(jsonLd, /<\/script/iu)
  const {headline} = z.object({headline: z.string()}).parse(JSON.parse(jsonLd))
  assert.equal(headline.startsWith('<script>'), true)
  // Nor does it make a path: the site is written inside its output folder only, under names without markup.
  assert.deepEqual(readdirSync(parent), ['site'], 'nothing written beside the output')
  for (const file of filesBelow(output)) assert.doesNotMatch(file, /[<>"'{}%\s]|\.\./u, `${file}: a plain path`)
})

test('site: a story continued on another page reads as one on its first page', async (t) => {
  const input = tempDir(t, 'continued')
  writeFileSync(
    join(input, 'p1.txt'),
    '---\npaper: 测试报\ndate: 2022-03-04\npage: 1\n---\n标题一\n\n正文开始，石港镇召开会议（下转2版）\n'
  )
  writeFileSync(
    join(input, 'p2.txt'),
    '---\npaper: 测试报\ndate: 2022-03-04\npage: 2\n---\n(上接1版)会议继续进行。\n\n标题二\n\n另一篇文章。\n'
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  const output = tempDir(t, 'continued-site')
  await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: ''})
  const [head, fragment] = archive.items
  const headPage = readFileSync(join(output, must(head).url, 'index.html'), 'utf8')
  assert.match(headPage, /正文开始，石港镇召开会议（下转2版）.*接第2版.*会议继续进行。/su)
  const fragmentPage = readFileSync(join(output, must(fragment).url, 'index.html'), 'utf8')
  assert.match(fragmentPage, new RegExp(`本文开头见第1版：<a href="${must(head).url}">标题一</a>`, 'u'))
})
