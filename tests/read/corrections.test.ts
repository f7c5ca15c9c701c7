import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseCorrections} from '../../src/read/corrections.js'
import type {Correction} from '../../src/model/types.js'
import {severityOf} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

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
    'a.txt:\n  - {line: 3, colour: red}\n  - {line: 4, starts: article, is: paragraph}\n' +
      '  - {line: 5}\n  - {line: 6, kind: photo}\nb.txt: 7\n'
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
  assert.match(must(reports[0]).message, /colour/)
  assert.match(must(reports[1]).message, /contradict/)
  assert.match(must(reports[2]).message, /nothing to change/)
  assert.deepEqual(entries.get('a.txt'), [{line: 6, kind: 'photo', at: 5}])
})

test('corrections file: invalid YAML is an error with its line', () => {
  const {reports} = parseCorrections('a.txt:\n  - {line: 3\n')
  assert.equal(reports.length > 0, true)
  assert.equal(must(reports[0]).file, 'corrections.yaml')
  assert.equal(typeof must(reports[0]).line, 'number')
})
