import assert from 'node:assert/strict'
import {cpSync, existsSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildArchiveFromFolder} from '../../../src/pipeline/build.js'
import {indexForSearch} from '../../../src/site/search/write-index.js'
import {
  bundleStates,
  planSearch,
  readIndexMeta,
  searchChanges,
  searchFolder
} from '../../../src/site/search/segments.js'
import {searchBundles} from '../../../src/site/search/bundles.js'
import {openIndex} from '../../../src/site/search/query.js'
import type {Archive, ArchiveItem} from '../../../src/archive/model.js'
import {buildArchive} from '../../../src/archive/build-archive.js'
import {assertSameFiles} from '../../helpers/files.js'
import {samplesDir, processSample, sampleFiles} from '../../helpers/samples.js'
import {tempDir} from '../../helpers/temp-dir.js'
import {must} from '../../helpers/must.js'
import {pool} from '../../helpers/stages.js'

/** The samples' items dated over three years, two months each, so that there are several bundles. */
function datedItems(archive: Archive): ArchiveItem[] {
  return archive.items.map((item, index) => ({
    ...item,
    metadata: {...item.metadata, date: `202${index % 3}-0${(index % 2) + 1}-01`}
  }))
}

/** A hash of each bundle's items, as the site state has it (here their ids and text themselves). */
function hashes(items: readonly ArchiveItem[]): Record<string, string> {
  const text = (members: readonly ArchiveItem[]) =>
    members.map((item) => item.id + item.body.map((b) => b.text).join(''))
  return Object.fromEntries([...searchBundles(items)].map(([name, members]) => [name, text(members).join('\n')]))
}

/** The index in `site` as the search page reads it. */
async function openSite(site: string) {
  const meta = must(await readIndexMeta(site), 'a sound index meta')
  const read = async (path: string) => JSON.parse(readFileSync(join(site, searchFolder, path), 'utf8')) as unknown
  const index = openIndex(meta, [], read)
  return {
    meta,
    urls: async (query: string) => (await index.show((await index.search(query)).hits)).map((found) => found.url)
  }
}

test('search: the index written in a thread is the one written in turn', async (t) => {
  const {archive} = await buildArchiveFromFolder({input: samplesDir, pool: pool()})
  const work = tempDir(t, 'search-index')
  const items = datedItems(archive)
  const all = await indexForSearch(join(work, 'in-turn'), items, {thread: false})
  assert.ok(all.indexed.length > 2)
  await indexForSearch(join(work, 'in-thread'), items, {thread: true})
  assertSameFiles(join(work, 'in-thread'), join(work, 'in-turn'))
  const {meta} = await openSite(join(work, 'in-turn'))
  assert.equal(meta.docs, items.length)
  assert.equal(meta.segments.length, 1)
  meta.bundles.reduce((first, bundle) => (assert.equal(bundle.first, first), first + bundle.docs), 0)
  assert.ok(existsSync(join(work, 'in-turn', searchFolder, 'query.js')))
})

test('search: a rebuild indexes the changed bundles into a delta; queries find what a whole index finds', async (t) => {
  const {archive} = await buildArchiveFromFolder({input: samplesDir, pool: pool()})
  const work = tempDir(t, 'search-delta')
  const [published, update, whole] = [join(work, 'published'), join(work, 'update'), join(work, 'whole')]
  const before = datedItems(archive)
  await indexForSearch(published, before, {thread: false})
  // The newest bundle gains a word; an old one loses an item.
  const newest = must(searchBundles(before).keys().next().value, 'the newest bundle')
  const changed = must(
    before.find((item) => searchBundles([item]).has(newest)),
    'an item of the newest bundle'
  )
  const oldest = must(
    before.findLast((item) => item.metadata.date?.startsWith('2020')),
    'an item of 2020'
  )
  const after = before
    .filter((item) => item !== oldest)
    .map((item) =>
      item === changed ? {...item, body: [...item.body, {...must(item.body[0], 'a block'), text: '鳜鱼'}]} : item
    )
  const plan = planSearch(await readIndexMeta(published), hashes(before), bundleStates(after, hashes(after)))
  assert.equal(plan.kind, 'delta')
  if (plan.kind !== 'delta') return
  const bundleOf = (item: ArchiveItem) =>
    must(
      [...searchBundles(before)].find(([, members]) => members.includes(item)),
      'its bundle'
    )[0]
  assert.deepEqual([...plan.delta.keys()].sort(), [newest, bundleOf(oldest)].sort())
  const result = await indexForSearch(update, after, {thread: false, plan})
  assert.deepEqual(result.indexed.sort(), [...plan.delta.keys()].sort())
  // The update as the publisher applies it: the paths it replaces, from the update.
  for (const path of searchChanges(plan)) rmSync(join(published, path), {recursive: true, force: true})
  cpSync(update, published, {recursive: true})
  await indexForSearch(whole, after, {thread: false})
  const [merged, single] = [await openSite(published), await openSite(whole)]
  assert.equal(merged.meta.segments.length, 2)
  assert.equal(merged.meta.docs, after.length)
  for (const query of ['鳜鱼', '石港', '通州区', '会议', '乡村振兴'])
    assert.deepEqual(await merged.urls(query), await single.urls(query), query)
  assert.ok((await merged.urls('鳜鱼')).length === 1)
  // Nothing changed since: the index is kept; everything changed: made anew.
  assert.equal(planSearch(merged.meta, hashes(after), bundleStates(after, hashes(after))).kind, 'keep')
  assert.equal(planSearch(merged.meta, hashes(after), bundleStates(after, {})).kind, 'full')
  assert.equal(planSearch(undefined, hashes(after), bundleStates(after, hashes(after))).kind, 'full')
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
