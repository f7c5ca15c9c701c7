import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseCorrections} from '../../src/read/corrections.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {corrected, itemAt, readSample} from '../helpers/samples.js'
import {rule, severityOf, shape} from '../helpers/messages.js'
import {utf8} from '../helpers/bytes.js'
import {names} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

test('corrections: a line starts a new article, and the override is recorded with it', () => {
  const plain = processGazette(readSample('002_e35de4d7f730652c.txt'), names())
  assert.equal(itemAt(plain, 93), undefined, 'the splitter reads line 93 as a subheading')
  const gazette = corrected('002_e35de4d7f730652c.txt', '  - {line: 93, starts: article}\n')
  const item = must(itemAt(gazette, 93))
  assert.equal(item.kind, 'article')
  assert.equal(item.title, '善答“民生满意卷” 健全服务体系')
  assert.match(must(item.corrections[0]), /^line 93: starts: "article" \(corrections\.yaml:2\)$/)
  assert.equal(gazette.items.length, plain.items.length + 1)
  assert.deepEqual(
    gazette.reports.filter((report) => severityOf(report) === 'error'),
    []
  )
})

test('corrections: a title read wrongly becomes a subheading of the article before', () => {
  const plain = processGazette(readSample('002_e35de4d7f730652c.txt'), names())
  const gazette = corrected('002_e35de4d7f730652c.txt', '  - {line: 39, is: subheading}\n')
  assert.equal(gazette.items.length, plain.items.length - 1)
  const before = must(itemAt(gazette, 29))
  assert.equal(
    before.body.filter((block) => block.type === 'subhead').at(-1)?.text,
    '宝华“党建+好商量”助力人居环境整治常态长效'
  )
  assert.equal(before.corrections.length, 1)
})

test('corrections: headline fields are replaced and the replaced value kept as provenance', () => {
  const gazette = corrected(
    '004_189048a86de1eba6.txt',
    '  - {line: 40, title: 太仓：精准监督严守耕地红线, dateline: null}\n'
  )
  const item = must(itemAt(gazette, 37))
  assert.equal(item.title, '太仓：精准监督严守耕地红线')
  assert.equal(item.dateline, null)
  assert.match(must(item.corrections[0]), /dateline was "太仓市", title was "精准监督严守耕地红线"/)
})

test('corrections: a correction pointing nowhere, or at an unknown place, is an error with both lines', () => {
  const gazette = corrected(
    '000_da22e97339b67c99.txt',
    '  - {line: 999, title: 无}\n  - {line: 20, starts: article}\n  - {line: 21, addPlaces: [不存在镇]}\n'
  )
  const warnings = gazette.reports.filter(
    (report) => rule(report) === 'split:correction' || rule(report) === 'tag:correction'
  )
  assert.deepEqual(
    warnings.map((report) => [report.line, severityOf(report)]),
    [
      [999, 'error'],
      [20, 'error'],
      [21, 'error']
    ]
  )
  assert.match(must(warnings[0]).message, /corrections\.yaml line 2 points nowhere: line 999 is in no item/)
  assert.match(must(warnings[1]).message, /line 20 starts no paragraph/)
  assert.match(must(warnings[2]).message, /不存在镇/)
})

test(
  'bad input 8c: a place correction for a line past the end of the file is reported and not applied to ' +
    'the last item',
  () => {
    const text = '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
    const {entries, reports} = parseCorrections('page.txt:\n  - {line: 999, addPlaces: [海门区常乐镇]}\n')
    assert.deepEqual(reports, [])
    const gazette = processGazette(readGazette('page.txt', utf8(text), {corrections: entries.get('page.txt')}), names())
    assert.deepEqual(gazette.reports.filter((report) => rule(report) === 'split:correction').map(shape), [
      {file: 'page.txt', line: 999, ruleId: 'split:correction', severity: 'error'}
    ])
    assert.deepEqual(
      must(gazette.items.at(-1)).places.map((place) => place.code),
      ['320612', '320612110'],
      'the last item keeps its own places only'
    )
  }
)
