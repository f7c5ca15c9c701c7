import assert from 'node:assert/strict'
import {test} from 'node:test'
import {buildArchive} from '../../src/archive/build-archive.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {readFolder} from '../../src/read/read-folder.js'
import {collidingInputs} from '../helpers/colliding-inputs.js'
import {tempDir} from '../helpers/temp-dir.js'
import {names} from '../helpers/stages.js'

test('archive urls: the same files give the same ids whatever order the gazettes come in', async (t) => {
  const input = tempDir(t, 'archive-urls-input')
  collidingInputs(input)
  const {gazettes: sources} = await readFolder(input)
  const ids = (order: 'forward' | 'backward') => {
    const processed = sources.map((source) => processGazette(source, names()))
    const built = buildArchive(order === 'forward' ? processed : processed.reverse())
    return Object.fromEntries(built.gazettes.map((gazette) => [gazette.source, [gazette.id, ...gazette.itemIds]]))
  }
  const forward = ids('forward')
  assert.deepEqual(ids('backward'), forward)
  const all = Object.values(forward).flat()
  assert.equal(new Set(all).size, all.length, 'distinct')
})
