import assert from 'node:assert/strict'
import {lutimesSync, symlinkSync, unlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {folderSnapshot} from '../../src/incremental/snapshot.js'
import {tempDir} from '../helpers/temp-dir.js'
import {shortPage as page} from '../helpers/samples.js'

test('read B: the snapshot changes when a link is re-pointed, even to a file of the same size and time', (t) => {
  const dir = tempDir(t, 'snapshot')
  writeFileSync(join(dir, 't1.txt'), page)
  writeFileSync(join(dir, 't2.txt'), page.replace('春耕', '秋收'))
  const time = new Date('2022-03-04T00:00:00Z')
  for (const name of ['t1.txt', 't2.txt']) utimesSync(join(dir, name), time, time)
  symlinkSync('t1.txt', join(dir, 'link.txt'))
  lutimesSync(join(dir, 'link.txt'), time, time)
  const before = folderSnapshot(dir, null)
  unlinkSync(join(dir, 'link.txt'))
  symlinkSync('t2.txt', join(dir, 'link.txt'))
  lutimesSync(join(dir, 'link.txt'), time, time)
  assert.notEqual(folderSnapshot(dir, null), before)
  // A dangling link is no error.
  symlinkSync('missing.txt', join(dir, 'dangling.txt'))
  assert.match(folderSnapshot(dir, null), /^[\w-]{16}$/u)
})
