import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildArchiveFromFolder} from '../../../src/pipeline/build.js'
import type {IndexMeta} from '../../../src/site/search/format.js'
import {indexForSearch, searchFolder} from '../../../src/site/search/write-index.js'
import {searchChanges} from '../../../src/site/update.js'
import {buildArchive} from '../../../src/archive/build-archive.js'
import {assertSameFiles, filesBelow} from '../../helpers/files.js'
import {samplesDir, processSample, sampleFiles} from '../../helpers/samples.js'
import {tempDir} from '../../helpers/temp-dir.js'
import {must} from '../../helpers/must.js'
import {pool} from '../../helpers/stages.js'

test('search: the index written in a thread is the one written in turn; a rebuild writes some fragments', async (t) => {
  const {archive} = await buildArchiveFromFolder({input: samplesDir, pool: pool()})
  const work = tempDir(t, 'search-index')
  const [inTurn, inThread, partly] = [join(work, 'in-turn'), join(work, 'in-thread'), join(work, 'partly')]
  // Dated, so that there are several bundles.
  const items = archive.items.map((item, index) => ({
    ...item,
    metadata: {...item.metadata, date: `202${index % 3}-0${(index % 2) + 1}-01`}
  }))
  const all = await indexForSearch(inTurn, items, {thread: false})
  assert.ok(all.bundles.length > 2)
  assert.deepEqual(all.indexed, all.bundles)
  await indexForSearch(inThread, items, {thread: true})
  assertSameFiles(inThread, inTurn)
  const meta = JSON.parse(readFileSync(join(inTurn, searchFolder, 'meta.json'), 'utf8')) as IndexMeta
  assert.equal(meta.docs, items.length)
  meta.bundles.reduce((first, bundle) => (assert.equal(bundle.first, first), first + bundle.docs), 0)
  const newest = must(all.bundles[0], 'the newest bundle')
  const rebuilt = await indexForSearch(partly, items, {only: new Set([newest])})
  assert.deepEqual(rebuilt.indexed, [newest])
  const written = filesBelow(join(partly, searchFolder))
  assert.ok(written.some((name) => name.startsWith(`${newest}/`)))
  assert.ok(!written.some((name) => all.bundles.slice(1).some((bundle) => name.startsWith(`${bundle}/`))))
  assert.deepEqual(
    readFileSync(join(partly, searchFolder, 't', '0.json'), 'utf8'),
    readFileSync(join(inTurn, searchFolder, 't', '0.json'), 'utf8'),
    'the token shards are whole'
  )
  assert.deepEqual(searchChanges({bundles: new Set([newest]), staleBundles: []}), [
    `${searchFolder}/t`,
    `${searchFolder}/${newest}`
  ])
  assert.deepEqual(searchChanges({bundles: new Set(), staleBundles: []}), [])
  assert.ok(existsSync(join(partly, searchFolder, 'query.js')))
})

const gazettes = sampleFiles.map(processSample)

test('undated: a search indexer out of memory says so with its own limit, not the build’s', async (t) => {
  const output = tempDir(t, 'undated-oom')
  const archive = buildArchive(gazettes)
  await assert.rejects(indexForSearch(output, archive.items, {thread: true, threadHeapMb: 4}), (error: Error) => {
    assert.match(error.message, /^out of memory: the search indexer’s thread may take 4 MB of heap/u)
    assert.doesNotMatch(error.message, /--max-heap/u)
    const {code} = error as Error & {code?: string}
    assert.notEqual(code, 'ERR_WORKER_OUT_OF_MEMORY', 'not taken for the build thread’s')
    return true
  })
})
