import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseManifest} from '../../src/read/manifest.js'
import {problemRows} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

test('manifest: entries, defaults, and a bad entry reported at its line', () => {
  const manifest = parseManifest(
    'defaults:\n  region: "3206"\ngazettes:\n  a.txt: {date: 2022-01-01, page: 1}\n  b.txt: {page: -3}\n'
  )
  assert.equal(manifest.defaults?.region, '3206')
  assert.deepEqual(manifest.entries.get('a.txt'), {date: '2022-01-01', page: 1})
  assert.equal(manifest.entries.has('b.txt'), false)
  assert.equal(manifest.reports.length, 1)
  assert.equal(must(manifest.reports[0]).line, 5)
})

test('read E: a duplicate key in the manifest is reported at its line; the first is used, the rest kept', () => {
  const entries = ['a.txt: {page: 1}', 'b.txt: {page: 2}', 'a.txt: {page: 3}', 'c.txt: {page: 4}']
  const lines = ['defaults: {paper: 测试报}', 'gazettes:', ...entries.map((entry) => `  ${entry}`)]
  const manifest = parseManifest(`${lines.join('\n')}\n`)
  const again = 'a.txt is given again (first at line 3): this one is ignored'
  assert.deepEqual(problemRows(manifest.reports), [[5, 'read:manifest', 'error', again]])
  const pages = [...manifest.entries].map(([name, entry]) => [name, entry.page])
  assert.deepEqual(pages, [
    ['a.txt', 1],
    ['b.txt', 2],
    ['c.txt', 4]
  ])
  assert.equal(manifest.defaults?.paper, '测试报')
})

test('read E: manifest entries and defaults go field by field', () => {
  const defaults = 'defaults: {paper: 测试报, region: 3206x}'
  const lines = [defaults, 'gazettes:', '  a.txt:', '    date: 2022-01-01', '    page: 0']
  const manifest = parseManifest(`${lines.join('\n')}\n`)
  assert.deepEqual(manifest.defaults, {paper: '测试报'})
  assert.deepEqual(manifest.entries.get('a.txt'), {date: '2022-01-01'})
  assert.deepEqual(problemRows(manifest.reports), [
    [1, 'read:manifest', 'error', 'defaults: region: expected a division code of 2, 4, 6 or 9 digits (got "3206x")'],
    [5, 'read:manifest', 'error', 'a.txt: page: expected a whole number from 1 (got 0)']
  ])
})
