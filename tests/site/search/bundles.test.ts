import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {ArchiveItem} from '../../../src/archive/model.js'
import {searchBundles, bundleLimit} from '../../../src/site/search/bundles.js'
import {archiveItem, noMetadata} from '../../helpers/archive-fixtures.js'

/** Stand-ins for items: a date and a gazette are all the bundles look at. */
function items(date: string | null, count: number, gazette = 'g'): ArchiveItem[] {
  const item = (index: number) =>
    archiveItem({id: `${gazette}-${index}`, gazetteId: gazette, metadata: {...noMetadata, date}})
  return Array.from({length: count}, (_, index) => item(index))
}

test('undated: search bundles are cut by count, the undated items and a month bigger than a bundle too', () => {
  const all = [...items('2023-05-02', 2), ...items('2024-03-01', 5), ...items('2024-04-01', 1), ...items(null, 7)]
  const bundles = searchBundles(all, 3)
  const names = ['2024-04', '2024-03-2', '2024-03', '2023', 'undated', 'undated-2', 'undated-3']
  assert.deepEqual([...bundles.keys()], names)
  assert.deepEqual(
    [...bundles.values()].map((list) => list.length),
    [1, 2, 3, 2, 3, 3, 1]
  )
  const bundled = [...bundles.values()].flat()
  assert.ok(bundled.length === all.length && all.every((item) => bundled.includes(item)), 'every item once')
  // The default: no bundle over 4,000 items, however many are undated.
  const many = searchBundles(items(null, 32_000))
  assert.equal(many.size, 8)
  assert.ok([...many.values()].every((list) => list.length <= 4000))
})

test(
  'rebuild: search bundles are whole past years, runs of months past the limit, and months of the ' + 'newest year',
  () => {
    const item = (date: string | null, n: number) =>
      Array.from({length: n}, () => archiveItem({metadata: {...noMetadata, date}}))
    const items = [
      ...item('2021-05-02', 10),
      ...item('2022-01-03', 3000),
      ...item('2022-02-03', 1500),
      ...item('2022-03-01', 10),
      ...item('2023-01-02', 5),
      ...item('2023-02-02', 5),
      ...item(null, 2)
    ]
    const bundles = searchBundles(items)
    assert.deepEqual([...bundles.keys()], ['2023-02', '2023-01', '2022-02', '2022-01', '2021', 'undated'])
    assert.deepEqual(
      [...bundles.values()].map((list) => list.length),
      [5, 5, 1510, 3000, 10, 2]
    )
    assert.ok([...bundles.values()].every((list) => list.length <= bundleLimit))
  }
)
