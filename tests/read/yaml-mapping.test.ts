import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseCorrections} from '../../src/read/corrections.js'
import {parseManifest} from '../../src/read/manifest.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {problemRows, rule} from '../helpers/messages.js'
import {utf8} from '../helpers/bytes.js'
import {shortPage as page} from '../helpers/samples.js'

const aliased = (count: number) => Array.from({length: count}, (_, index) => `  f${index}.txt: *common`).join('\n')

test('read D: a manifest with 120 entries sharing one anchor is read, not a crash', () => {
  const manifest = parseManifest(
    `common: &common {paper: 测试报, page: 1}\ngazettes:\n  first.txt: {paper: 测试报}\n${aliased(120)}\n`
  )
  assert.deepEqual(
    manifest.reports.map((report) => report.line),
    [1],
    'only the unknown top-level key'
  )
  assert.equal(manifest.entries.size, 121)
  assert.deepEqual(manifest.entries.get('f119.txt'), {paper: '测试报', page: 1})
})

test('read D: 3,000 aliased manifest entries are read; corrections with 120 aliases too', () => {
  const manifest = parseManifest(`gazettes:\n  first.txt: &common {paper: 测试报}\n${aliased(3000)}\n`)
  assert.deepEqual(manifest.reports, [])
  assert.equal(manifest.entries.size, 3001)
  const entries = aliased(120).replace(/^ {2}/gmu, '')
  const corrections = parseCorrections(`first.txt: &common [{line: 1, title: 标题}]\n${entries}\n`)
  assert.deepEqual(corrections.reports, [])
  assert.equal(corrections.entries.get('f119.txt')?.[0]?.title, '标题')
})

test('read D: a billion-laughs manifest or front matter is reported at a line, quickly, and not expanded', () => {
  const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let level = 1; level < 10; level++) {
    const [name, below] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)]
    levels.push(`${name}: &${name} [${Array.from({length: 9}, () => `*${below}`).join(', ')}]`)
  }
  const started = Date.now()
  const manifest = parseManifest(`gazettes:\n  x.txt: {paper: 测试报}\n${levels.join('\n')}\n`)
  assert.ok(Date.now() - started < 1000)
  const aliasReport = manifest.reports.find((report) => /alias/u.test(report.message))
  assert.ok((aliasReport?.line ?? 0) > 2, JSON.stringify(manifest.reports))
  const source = readGazette('a.txt', utf8(`---\n${levels.join('\n')}\n---\n${page}`))
  const front = source.reports.find((report) => rule(report) === 'read:front-matter')
  assert.ok((front?.line ?? 0) > 1, JSON.stringify(source.reports))
  assert.equal(source.text.trim(), page.trim())
})

test('read G: with a %YAML 1.1 directive, date: 2023-02-30 is an error, not 2023-03-02', () => {
  // In front matter the directive needs a marker the fence does not match (`--- # …`); the manifest needs nothing.
  const withDirective = (lines: string[]) => utf8(['---', '%YAML 1.1', '--- # 1.1', ...lines, '---', page].join('\n'))
  const notReal = 'date: 2023-02-30 is not a real date (expected YYYY-MM-DD)'
  const source = readGazette('a.txt', withDirective(['date: 2023-02-30', 'page: 2']))
  assert.equal(source.metadata.date, null)
  assert.equal(source.metadata.page, 2)
  assert.deepEqual(problemRows(source.reports), [[4, 'read:front-matter', 'error', notReal]])
  const dated = readGazette('a.txt', withDirective(['date: 2023-02-28']))
  assert.equal(dated.metadata.date, '2023-02-28')

  const manifest = parseManifest(
    '%YAML 1.1\n---\ngazettes:\n  a.txt: {date: 2023-02-30, page: 2}\n  b.txt: {date: 2023-02-28}\n'
  )
  assert.deepEqual(manifest.entries.get('a.txt'), {page: 2})
  assert.deepEqual(manifest.entries.get('b.txt'), {date: '2023-02-28'})
  assert.deepEqual(problemRows(manifest.reports), [[4, 'read:manifest', 'error', `a.txt: ${notReal}`]])
})
