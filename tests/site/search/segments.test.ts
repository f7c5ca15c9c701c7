import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {IndexMeta} from '../../../src/site/search/format.js'
import {planSearch, readIndexMeta, searchChanges, searchFolder} from '../../../src/site/search/segments.js'
import {writeFiles} from '../../helpers/files.js'
import {tempDir} from '../../helpers/temp-dir.js'

/** An index of a base (2022, 2023, 2024-01) and a delta (2024-02, which changed after the base was made). */
const published: IndexMeta = {
  docs: 3500,
  segments: [
    {folder: 'b-1', shards: 40},
    {folder: 'd-1', shards: 2}
  ],
  bundles: [
    {name: '2024-02', year: '2024', segment: 1, first: 0, docs: 300},
    {name: '2024-01', year: '2024', segment: 0, first: 0, docs: 200},
    {name: '2023', year: '2023', segment: 0, first: 500, docs: 1500},
    {name: '2022', year: '2022', segment: 0, first: 2000, docs: 1500}
  ],
  counts: {district: {}, town: {}, year: {}}
}
const hashes = {'2024-02': 'f', '2024-01': 'e', '2023': 'c', '2022': 'b'}
const bundles = (changes: Record<string, string | undefined>, docs: Record<string, number> = {}) =>
  Object.entries({...hashes, ...changes}).flatMap(([name, hash]) =>
    hash === undefined
      ? []
      : [{name, hash, docs: docs[name] ?? published.bundles.find((b) => b.name === name)?.docs ?? 100}]
  )

test('search plan: a changed bundle joins the delta, which is indexed anew; the base keeps the rest', () => {
  assert.deepEqual(planSearch(published, hashes, bundles({})), {kind: 'keep'})
  const plan = planSearch(published, hashes, bundles({'2024-01': 'e2', '2024-03': 'g'}))
  assert.equal(plan.kind, 'delta')
  if (plan.kind !== 'delta') return
  assert.deepEqual([...plan.delta].sort(), ['2024-01', '2024-02', '2024-03'])
  assert.deepEqual(
    plan.base.map((bundle) => bundle.name),
    ['2023', '2022']
  )
  // The delta before, and the base's copy of 2024-01, whose items are now the delta's.
  assert.deepEqual(searchChanges(plan), [`${searchFolder}/d-1`, `${searchFolder}/b-1/2024-01`])
  // A bundle gone is dead in the base too.
  const gone = planSearch(published, hashes, bundles({'2022': undefined}))
  assert.deepEqual(gone.kind === 'delta' && searchChanges(gone), [`${searchFolder}/d-1`, `${searchFolder}/b-1/2022`])
})

test('search plan: a delta of more than the limit or half the archive, or no index before, makes a new base', () => {
  assert.deepEqual(planSearch(undefined, hashes, bundles({})), {kind: 'full'})
  assert.equal(planSearch(published, hashes, bundles({'2024-03': 'g'}), 399).kind, 'full')
  assert.equal(planSearch(published, hashes, bundles({'2024-03': 'g'})).kind, 'delta')
  assert.equal(planSearch(published, hashes, bundles({'2022': 'b2', '2023': 'c2'})).kind, 'full')
  assert.deepEqual(searchChanges({kind: 'full'}), [searchFolder])
  assert.deepEqual(searchChanges({kind: 'keep'}), [])
})

test('search plan: a published meta that names a path outside its folder, or a segment it lacks, is not read', async (t) => {
  const site = tempDir(t, 'index-meta')
  const write = (meta: unknown) => writeFiles(site, {[`${searchFolder}/meta.json`]: JSON.stringify(meta)})
  write(published)
  assert.deepEqual(await readIndexMeta(site), published)
  write({...published, segments: [{folder: '../../victim', shards: 1}]})
  assert.equal(await readIndexMeta(site), undefined)
  write({...published, segments: published.segments.slice(0, 1)})
  assert.equal(await readIndexMeta(site), undefined)
  writeFiles(site, {[`${searchFolder}/meta.json`]: '{'})
  assert.equal(await readIndexMeta(site), undefined)
  assert.equal(await readIndexMeta(undefined), undefined)
})
