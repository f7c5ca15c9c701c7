import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {readHead, readState, writeState, type SiteState} from '../../src/incremental/site-state.js'
import {tempDir} from '../helpers/temp-dir.js'

test('site state: its head, kept beside it, is what an unchanged build reads; damaged, it is not read', async (t) => {
  const path = join(tempDir(t, 'site-state'), 'site.json')
  const state: SiteState = {
    version: 'v',
    pages: {'items/x/index.html': 'h'},
    bundles: {'2024': 'b'},
    data: {'2024': 'd'},
    release: 'r-1',
    input: 'snapshot',
    summary: {
      lines: ['  1 gazette file'],
      problems: [
        {file: 'a.txt', line: 1, column: null, source: 'read', ruleId: 'date', severity: 'warning', reason: 'no date'}
      ]
    }
  }
  await writeState(path, state)
  assert.deepEqual(await readState(path), state)
  const {version, release, input, summary} = state
  assert.deepEqual(await readHead(path), {version, release, input, summary})
  writeFileSync(join(path, '..', 'site.head.json'), JSON.stringify({version: 1}))
  assert.equal(await readHead(path), undefined)
  writeFileSync(join(path, '..', 'site.head.json'), JSON.stringify({version: 'v', summary: {lines: [3]}}))
  assert.equal(await readHead(path), undefined)
})
