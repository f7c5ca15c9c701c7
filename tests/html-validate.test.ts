import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {FileSystemConfigLoader, HtmlValidate} from 'html-validate'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {buildSite} from '../src/site/build-site.js'
import {samplesDir} from './helpers.js'

test('html-validate: every page of the built sample site is valid HTML (.htmlvalidate.json)', async () => {
  const {archive, gazettes} = await buildArchiveFromFolder({input: samplesDir})
  const output = mkdtempSync(join(tmpdir(), 'gazette-validate-'))
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
