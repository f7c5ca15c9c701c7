import assert from 'node:assert/strict'
import {test} from 'node:test'
import {readGazette} from '../../src/read/read-gazette.js'

test('metadata: front matter wins over the manifest entry, which wins over defaults', () => {
  const source = readGazette('a.txt', new TextEncoder().encode('---\npage: 3\n---\n'), {
    defaults: {paper: 'A', page: 1},
    entry: {page: 2, date: '2022-01-01'}
  })
  assert.deepEqual(source.metadata, {paper: 'A', date: '2022-01-01', page: 3, pageName: null, region: null})
})
