import assert from 'node:assert/strict'
import {test} from 'node:test'
import {readGazette} from '../../src/read/read-gazette.js'
import {processText, shortPage as page} from '../helpers/samples.js'
import {problemRows, rule} from '../helpers/messages.js'
import {utf8} from '../helpers/bytes.js'
import {must} from '../helpers/must.js'

test('front matter: metadata is read and its lines blanked, keeping line numbers', () => {
  const source = readGazette(
    'a.txt',
    new TextEncoder().encode('---\npaper: 通州日报\ndate: 2022-02-15\npage: 2\n---\n标题\n')
  )
  assert.deepEqual(source.metadata, {paper: '通州日报', date: '2022-02-15', page: 2, pageName: null, region: null})
  assert.equal(source.text.split('\n')[5], '标题')
  assert.deepEqual(source.reports, [])
})

test('front matter: an impossible date is an error naming the field', () => {
  const source = readGazette('a.txt', new TextEncoder().encode('---\ndate: 2022-02-30\n---\n正文。\n'))
  assert.equal(source.metadata.date, null)
  assert.equal(source.reports[0]?.fatal, true)
  assert.match(must(source.reports[0]).message, /date/)
})

const front = (lines: string[]) => utf8(['---', ...lines, '---', page].join('\n'))

test('read E: one bad front-matter field is reported at its line in plain words; the other fields are kept', () => {
  const zero = readGazette('a.txt', front(['paper: 测试报', 'date: 2022-03-04', 'page: 0']))
  assert.deepEqual(zero.metadata, {paper: '测试报', date: '2022-03-04', page: null, pageName: null, region: null})
  const page0 = 'page: expected a whole number from 1 (got 0)'
  assert.deepEqual(problemRows(zero.reports), [[4, 'read:front-matter', 'error', page0]])

  const feb30 = readGazette('a.txt', front(['paper: 测试报', 'date: 2022-02-30', 'page: 2']))
  assert.deepEqual(feb30.metadata, {paper: '测试报', date: null, page: 2, pageName: null, region: null})
  const notReal = 'date: 2022-02-30 is not a real date (expected YYYY-MM-DD)'
  assert.deepEqual(problemRows(feb30.reports), [[3, 'read:front-matter', 'error', notReal]])
})

test('read E: a misspelt key is reported with the field it was likely meant for; the others are kept', () => {
  const source = readGazette('a.txt', front(['paper: 测试报', 'dat: 2022-03-04', 'Page: 3', 'colour: red']))
  assert.deepEqual(source.metadata, {paper: '测试报', date: null, page: null, pageName: null, region: null})
  assert.deepEqual(problemRows(source.reports), [
    [3, 'read:front-matter', 'error', 'unknown field `dat` — did you mean `date`?'],
    [4, 'read:front-matter', 'error', 'unknown field `Page` — did you mean `page`?'],
    [5, 'read:front-matter', 'error', 'unknown field `colour` (expected paper, date, page, pageName or region)']
  ])
})

test('read E: front matter with no closing --- is an error at line 1; kept as text, nothing titled ---', () => {
  const text = '---\npaper: 测试报\n\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
  const source = readGazette('a.txt', utf8(text))
  assert.deepEqual(
    problemRows(source.reports).map((each) => each.slice(0, 3)),
    [[1, 'read:front-matter', 'error']]
  )
  assert.match(must(source.reports[0]).message, /front matter not closed/u)
  assert.equal(source.text.split('\n').length, text.split('\n').length, 'line numbers hold')
  assert.ok(source.text.includes('paper: 测试报') && source.text.includes('石港镇召开春耕会议'), 'nothing lost')
  const gazette = processText(text)
  const titles = gazette.items.map((item) => item.title ?? '')
  assert.ok(
    titles.every((title) => !title.startsWith('---')),
    JSON.stringify(titles)
  )
})

test('read G: page: true is an error for that field, not page 1', () => {
  const source = readGazette('a.txt', front(['paper: 测试报', 'page: true']))
  assert.deepEqual(source.metadata, {paper: '测试报', date: null, page: null, pageName: null, region: null})
  const notPage = 'page: expected a whole number from 1 (got true)'
  assert.deepEqual(problemRows(source.reports), [[3, 'read:front-matter', 'error', notPage]])
})

test('bad input 4b: a front-matter YAML error does not cite a line that contradicts the report’s own', () => {
  const source = readGazette('bad-yaml.txt', utf8('---\npaper: 测试报\ndate: a: b\npage: 1\n---\n标题\n\n正文。\n'))
  const report = must(source.reports.find((each) => rule(each) === 'read:front-matter'))
  assert.equal(report.line, 3)
  const cited = /at line (\d+)/u.exec(report.message)
  assert.ok(
    cited === null || Number(cited[1]) === report.line,
    `“${report.message}” is reported at line ${report.line}`
  )
})
