import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {FileSystemConfigLoader, HtmlValidate} from 'html-validate'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {buildSite} from '../src/site/build-site.js'
import {samplesDir} from './helpers.js'

test('html-validate: every page of the built sample site is valid HTML (.htmlvalidate.json)', async (t) => {
  const {archive, gazettes} = await buildArchiveFromFolder({input: samplesDir})
  const output = mkdtempSync(join(tmpdir(), 'gazette-validate-'))
  t.after(() => rmSync(output, {recursive: true, force: true}))
  await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: ''})
  const validator = new HtmlValidate(new FileSystemConfigLoader())
  const pages = readdirSync(output, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.html'))
  assert.ok(pages.length > 100)
  const problems: string[] = []
  for (const page of pages) {
    const report = await validator.validateFile(join(output, page))
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`)
    }
  }
  assert.deepEqual(problems, [])
})

test('html-validate: the pages of a dated archive of two papers, with a redirect, are valid HTML', async (t) => {
  const input = mkdtempSync(join(tmpdir(), 'gazette-validate-in-'))
  const output = mkdtempSync(join(tmpdir(), 'gazette-validate-dated-'))
  t.after(() => {
    for (const folder of [input, output]) rmSync(folder, {recursive: true, force: true})
  })
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
  archive.redirects = [{from: '/items/old-01/', to: archive.items[0]!.url}]
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
