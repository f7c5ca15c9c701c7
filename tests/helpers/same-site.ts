import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {openIndex} from '../../src/site/search/query.js'
import {readIndexMeta, searchFolder} from '../../src/site/search/segments.js'
import {assertSameFiles} from './files.js'
import {must} from './must.js'

/**
 * Two built sites are the same: every file byte for byte, except the
 * search index, whose segments a rebuild lays out otherwise than a full
 * build (a base and a delta); it must list the same items and answer the
 * same queries (each item's heading cut to its first four characters,
 * the filters of its places) with the same results in the same order.
 */
export async function assertSameSite(actual: string, expected: string): Promise<void> {
  assertSameFiles(actual, expected, (file) => !file.startsWith(`${searchFolder}/`) || file.endsWith('.js'))
  const [mine, theirs] = [await searchOf(actual), await searchOf(expected)]
  assert.deepEqual(mine.meta.counts, theirs.meta.counts)
  assert.deepEqual(
    mine.meta.bundles.map(({name, docs}) => [name, docs]),
    theirs.meta.bundles.map(({name, docs}) => [name, docs])
  )
  const fragments = await theirs.index.show(Array.from({length: theirs.meta.docs}, (_, doc) => ({doc})))
  assert.deepEqual(await mine.index.show(Array.from({length: mine.meta.docs}, (_, doc) => ({doc}))), fragments)
  const queries = new Set(fragments.map((fragment) => [...fragment.heading].slice(0, 4).join('')))
  for (const query of queries) assert.deepEqual(await mine.index.search(query), await theirs.index.search(query), query)
  for (const level of ['district', 'town'] as const)
    for (const place of Object.keys(theirs.meta.counts[level]))
      assert.deepEqual(await mine.index.search('', {[level]: place}), await theirs.index.search('', {[level]: place}))
}

async function searchOf(site: string) {
  const meta = must(await readIndexMeta(site), `a sound search index in ${site}`)
  const read = async (path: string) => JSON.parse(readFileSync(join(site, searchFolder, path), 'utf8')) as unknown
  return {meta, index: openIndex(meta, [], read)}
}

/** Whether two built sites are the same (`assertSameSite`). */
export async function isSameSite(actual: string, expected: string): Promise<boolean> {
  try {
    await assertSameSite(actual, expected)
    return true
  } catch {
    return false
  }
}
