import assert from 'node:assert/strict'
import {test} from 'node:test'
import {buildArchive} from '../../src/archive/build-archive.js'
import {around} from '../../src/archive/items.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {processSample, processText, sampleFiles} from '../helpers/samples.js'
import {names} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

const gazettes = sampleFiles.map(processSample)
const archive = buildArchive(gazettes)

test('archive: item ids and URLs are unique and ASCII', () => {
  const ids = archive.items.map((item) => item.id)
  assert.equal(new Set(ids).size, ids.length)
  for (const item of archive.items) assert.match(item.url, /^\/items\/[a-z0-9-]+\/$/)
})

test('archive: every locality lists exactly the items tagged with it or its children', () => {
  for (const locality of Object.values(archive.localities)) {
    const expected = archive.items
      .filter((item) => item.places.some((place) => place.code.startsWith(locality.code)))
      .map((item) => item.id)
    assert.deepEqual([...locality.itemIds].sort(), expected.sort(), locality.name)
  }
  const tongzhou = must(archive.localities['320612'])
  assert.ok(tongzhou.children.includes('320612110'), '石港镇 under 通州区')
  assert.equal(must(archive.localities['3206']).parent, '32')
})

test(
  'archive: locality pages cover each list once, newest first; archive pages are runs counted from the ' +
    'oldest, which new items leave alone',
  () => {
    const pages = (archive: ReturnType<typeof buildArchive>, code: string) =>
      archive.localityPages.filter((page) => page.code === code)
    const small = buildArchive(gazettes, {pageSize: 2})
    const tongzhou = pages(small, '320612')
    const ids = must(small.localities['320612']).itemIds
    assert.deepEqual(
      tongzhou.flatMap((page) => page.itemIds),
      ids
    )
    const runs = Math.ceil(ids.length / 2)
    // The own page holds the newest run, and the one before
    // while the newest is less than half full (one item of two is not).
    assert.deepEqual(must(tongzhou[0]), {
      ...must(tongzhou[0]),
      archivePage: null,
      url: '/places/320612/',
      newerUrl: null,
      olderUrl: `/places/320612/page/${runs - 1}/`
    })
    assert.equal(must(tongzhou[0]).itemIds.length, 2 - (ids.length % 2))
    assert.deepEqual(must(tongzhou.at(-1)), {
      ...must(tongzhou.at(-1)),
      archivePage: 1,
      url: '/places/320612/page/1/',
      olderUrl: null,
      itemIds: ids.slice(-2)
    })
    assert.equal(must(tongzhou[1]).newerUrl, '/places/320612/')
    // Before the newest gazette came, every archive page of a place was as it is
    // (only pages next to a new run differ in a link).
    const newest = must(small.items.find((item) => item.id === must(small.localities['32']).itemIds[0])).gazetteId
    const older = buildArchive(
      gazettes.filter((gazette) => gazette.id !== newest),
      {pageSize: 2}
    )
    let same = 0
    for (const code of Object.keys(small.localities)) {
      const before = new Map(
        pages(older, code)
          .filter((page) => page.archivePage !== null)
          .map((page) => [page.url, page])
      )
      for (const page of pages(small, code).filter((page) => before.has(page.url))) {
        const {newerUrl, olderUrl, ...rest} = must(before.get(page.url))
        assert.deepEqual({...page, newerUrl, olderUrl}, {...rest, newerUrl, olderUrl}, page.url)
        same += Number(page.newerUrl === newerUrl)
      }
    }
    assert.ok(same > 20, `${same} archive pages unchanged`)
  }
)

test(
  'archive: a person’s pages are cut like a locality’s: each item once, newest first, the own page at ' +
    'the person’s URL',
  () => {
    const small = buildArchive(gazettes, {pageSize: 2})
    for (const person of small.people) {
      const pages = small.personPages.filter((page) => page.name === person.name)
      assert.deepEqual(
        pages.flatMap((page) => page.itemIds),
        person.itemIds
      )
      assert.equal(must(pages[0]).url, person.url)
      assert.ok(pages.slice(1).every((page) => page.itemIds.length === 2 && page.url.startsWith(`${person.url}page/`)))
    }
    assert.ok(small.personPages.length > small.people.length, 'someone has archive pages')
  }
)

test('archive: dated gazettes make the date tree and issues link their pages and continued stories', () => {
  const page = (n: number, text: string) =>
    processGazette(
      readGazette(
        `p${n}.txt`,
        new TextEncoder().encode(`---\npaper: 测试报\ndate: 2022-03-04\npage: ${n}\n---\n${text}`)
      ),
      names()
    )
  const dated = buildArchive([
    page(1, '标题一\n\n正文开始，石港镇召开会议（下转2版）\n'),
    page(2, '(上接1版)会议继续进行。\n\n标题二\n\n另一篇文章。\n')
  ])
  assert.deepEqual(
    dated.datePages.map((node) => node.url),
    ['/dates/2022/', '/dates/2022/03/', '/dates/2022/03/04/']
  )
  assert.equal(must(dated.gazettes[0]).next?.url, must(dated.gazettes[1]).url)
  const fragment = must(dated.items.find((item) => item.kind === 'fragment'))
  assert.equal(fragment.continues?.url, must(dated.items[0]).url)
  assert.equal(must(dated.items[0]).continuedBy?.url, fragment.url)
  assert.equal(fragment.heading, '标题一（续）', 'the fragment takes its story’s heading')
  assert.equal(must(dated.items.at(-1)).previous?.heading, '标题一（续）')
  assert.equal(dated.undated, null)
  // March 2022 began on a Tuesday: one empty cell, then the 1st; the 4th is linked.
  const march = must(dated.datePages.find((node) => node.key === '2022-03'))
  assert.deepEqual(must(march.calendar[0]).slice(0, 2), [null, {day: 1, url: null, itemCount: 0}])
  assert.deepEqual(must(march.calendar[0])[4], {day: 4, url: '/dates/2022/03/04/', itemCount: 3})
  assert.equal(march.calendar.length, 5)
  assert.ok(march.calendar.every((week) => week.length === 7))
})

test('archive: a municipality’s districts sit right under it, not under its city level (市辖区)', () => {
  const gazette = processText('标题\n\n日前，上海市崇明区横沙乡召开会议。\n', '31')
  const {localities, localityRoots} = buildArchive([gazette])
  assert.deepEqual(localityRoots, ['31'])
  assert.deepEqual(must(localities['31']).children, ['310151'])
  assert.equal(must(localities['310151']).parent, '31')
  assert.equal(localities['3101'], undefined)
})

test('rebuild: related items are the neighbours in the place’s timeline, topped up at either end', () => {
  const list = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
  assert.deepEqual(around(list, 0, 5), [1, 2, 3, 4, 5])
  assert.deepEqual(around(list, 5, 5), [3, 4, 6, 7, 8])
  assert.deepEqual(around(list, 9, 5), [4, 5, 6, 7, 8])
  assert.deepEqual(around([0, 1, 2], 1, 5), [0, 2])
})
