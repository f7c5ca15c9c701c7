import assert from 'node:assert/strict'
import {readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {FileSystemConfigLoader, HtmlValidate} from 'html-validate'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

test('html-validate: the pages of a dated archive of two papers, with a redirect, are valid HTML', async (t) => {
  const input = tempDir(t, 'validate-in')
  const output = tempDir(t, 'validate-dated')
  for (const [file, paper, page] of [
    ['a.txt', '通州日报', 1],
    ['b.txt', '通州日报', 2],
    ['c.txt', '海门日报', 1]
  ] as const)
    writeFileSync(
      join(input, file),
      `---\npaper: ${paper}\ndate: 2022-02-15\npage: ${page}\npageName: 要闻\n---\n春耕正忙\n\n本报讯（记者 张三）日前，某地召开会议。\n`
    )
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  archive.redirects = [{from: '/items/old-01/', to: must(archive.items[0]).url}]
  await buildSite(archive, gazettes, {output, basePath: '/archive/', siteUrl: 'https://example.org/', input})
  const validator = new HtmlValidate(new FileSystemConfigLoader())
  const pages = readdirSync(output, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.html'))
  for (const expected of ['papers/index.html', 'items/old-01/index.html']) assert.ok(pages.includes(expected), expected)
  const problems: string[] = []
  for (const page of pages) {
    const report = await validator.validateFile(join(output, page))
    for (const result of report.results)
      for (const message of result.messages)
        problems.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`)
  }
  assert.deepEqual(problems, [])
})
