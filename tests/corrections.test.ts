import assert from 'node:assert/strict'
import {mkdtemp, writeFile, copyFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {parseCorrections} from '../src/read/corrections.js'
import {readFolder} from '../src/read/read-folder.js'
import {processGazette} from '../src/pipeline/process-gazette.js'
import type {Correction} from '../src/model/types.js'
import {readSample, samplesDir} from './helpers.js'
import {rule, severityOf} from './helpers/messages.js'
import {names} from './helpers/stages.js'

/** A sample gazette processed with the corrections given as YAML for it. */
function corrected(name: string, yaml: string) {
  const {entries, reports} = parseCorrections(`${name}:\n${yaml}`)
  assert.deepEqual(reports, [])
  return processGazette({...readSample(name), corrections: entries.get(name) ?? []}, names())
}

const itemAt = (gazette: ReturnType<typeof corrected>, line: number) =>
  gazette.items.find((item) => item.start.line === line)

test('corrections file: entries per gazette, with the line each is written on', () => {
  const {entries, reports} = parseCorrections(
    'a.txt:\n  - {line: 37, starts: article}\n  - line: 5\n    title: 新标题\n    bylines: [王某, {name: 李某, role: 记者}]\n'
  )
  assert.deepEqual(reports, [])
  assert.deepEqual(entries.get('a.txt'), [
    {line: 37, starts: 'article', at: 2},
    {
      line: 5,
      title: '新标题',
      bylines: [
        {name: '王某', role: null},
        {name: '李某', role: '记者'}
      ],
      at: 3
    }
  ] satisfies Correction[])
})

test('corrections file: a bad entry is reported at its line, the others apply', () => {
  const {entries, reports} = parseCorrections(
    'a.txt:\n  - {line: 3, colour: red}\n  - {line: 4, starts: article, is: paragraph}\n  - {line: 5}\n  - {line: 6, kind: photo}\nb.txt: 7\n'
  )
  assert.deepEqual(
    reports.map((report) => [report.line, severityOf(report)]),
    [
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [6, 'error']
    ]
  )
  assert.match(reports[0]!.message, /colour/)
  assert.match(reports[1]!.message, /contradict/)
  assert.match(reports[2]!.message, /nothing to change/)
  assert.deepEqual(entries.get('a.txt'), [{line: 6, kind: 'photo', at: 5}])
})

test('corrections file: invalid YAML is an error with its line', () => {
  const {reports} = parseCorrections('a.txt:\n  - {line: 3\n')
  assert.equal(reports.length > 0, true)
  assert.equal(reports[0]!.file, 'corrections.yaml')
  assert.equal(typeof reports[0]!.line, 'number')
})

test('corrections: a line starts a new article, and the override is recorded with it', () => {
  const plain = processGazette(readSample('002_e35de4d7f730652c.txt'), names())
  assert.equal(itemAt(plain, 93), undefined, 'the splitter reads line 93 as a subheading')
  const gazette = corrected('002_e35de4d7f730652c.txt', '  - {line: 93, starts: article}\n')
  const item = itemAt(gazette, 93)!
  assert.equal(item.kind, 'article')
  assert.equal(item.title, '善答“民生满意卷” 健全服务体系')
  assert.match(item.corrections[0]!, /^line 93: starts: "article" \(corrections\.yaml:2\)$/)
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
  const before = itemAt(gazette, 29)!
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
  const item = itemAt(gazette, 37)!
  assert.equal(item.title, '太仓：精准监督严守耕地红线')
  assert.equal(item.dateline, null)
  assert.match(item.corrections[0]!, /dateline was "太仓市", title was "精准监督严守耕地红线"/)
})

test('corrections: places are added (a town brings its district) and removed (a district takes its towns)', () => {
  const gazette = corrected(
    '000_da22e97339b67c99.txt',
    '  - {line: 21, addPlaces: [海门区常乐镇]}\n  - {line: 29, removePlaces: ["320612"]}\n  - {line: 39, removePlaces: [平潮镇]}\n'
  )
  const codes = (line: number) => itemAt(gazette, line)!.places.map((place) => place.code)
  assert.deepEqual(codes(21), ['320614', '320614103', '320685', '320685111'])
  assert.deepEqual(codes(29), [])
  assert.equal(itemAt(gazette, 29)!.primaryPlace, null)
  assert.deepEqual(codes(39), ['320612'], '通州区 is named in its own right (通州区平潮镇), so it stays')
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
  assert.match(warnings[0]!.message, /corrections\.yaml line 2 points nowhere: line 999 is in no item/)
  assert.match(warnings[1]!.message, /line 20 starts no paragraph/)
  assert.match(warnings[2]!.message, /不存在镇/)
})

test('corrections: the content folder’s file reaches its gazettes; entries for missing files are reported', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'corrections-'))
  await copyFile(join(samplesDir, '002_e35de4d7f730652c.txt'), join(folder, 'page.txt'))
  await writeFile(
    join(folder, 'corrections.yaml'),
    'page.txt:\n  - {line: 93, starts: article}\ngone.txt:\n  - {line: 1, title: x}\n'
  )
  const {gazettes, reports} = await readFolder(folder)
  assert.deepEqual(gazettes[0]!.corrections, [{line: 93, starts: 'article', at: 2}])
  assert.deepEqual(
    reports.map((report) => [report.file, severityOf(report), report.message]),
    [['corrections.yaml', 'error', 'entry for gone.txt, which is not in the folder']]
  )
})
