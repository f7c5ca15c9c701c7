import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {ArchiveGazette} from '../../src/archive/model.js'
import {buildPapers} from '../../src/archive/papers.js'
import {must} from '../helpers/must.js'
import {archiveGazette} from '../helpers/archive-fixtures.js'

const page = (paper: string | null, date: string | null, number: number, items = 2): ArchiveGazette =>
  archiveGazette({
    id: `${paper}-${date}-p${number}`,
    metadata: {paper, date, page: number, pageName: number === 1 ? '要闻' : '镇村', region: null},
    itemIds: Array.from({length: items}, (_, index) => `${paper}-${date}-p${number}-${index}`),
    issue: null
  })

test('papers: each paper’s issues by year, issues linked in date order, pages to their issue', () => {
  const pages = [
    page('通州日报', '2022-02-15', 1),
    page('通州日报', '2022-02-15', 2, 3),
    page('通州日报', '2021-12-31', 1),
    page('通州 日报', '2022-02-15', 1),
    page(null, '2022-02-15', 1),
    page('通州日报', null, 1)
  ]
  const {papers, issues} = buildPapers(pages)
  assert.deepEqual(
    papers.map((paper) => [paper.name, paper.issueCount, paper.itemCount]),
    [
      ['通州 日报', 1, 2],
      ['通州日报', 2, 7]
    ]
  )
  assert.equal(must(papers[0]).url, '/papers/tong-zhou-ri-bao/')
  assert.match(must(papers[1]).url, /^\/papers\/tong-zhou-ri-bao-[0-9a-f]{6}\/$/u)
  assert.notEqual(must(papers[0]).url, must(papers[1]).url, 'papers that slug alike get their own pages')
  const tongzhou = must(papers[1])
  assert.deepEqual(
    tongzhou.years.map((year) => [year.year, year.issues.map((issue) => [issue.date, issue.pages])]),
    [
      ['2022', [['2022-02-15', 2]]],
      ['2021', [['2021-12-31', 1]]]
    ]
  )
  assert.deepEqual(tongzhou.pageNames, ['要闻', '镇村'])
  const [older, newer] = issues.filter((issue) => issue.paper === '通州日报')
  assert.ok(older && newer, 'two issues of 通州日报')
  assert.equal(must(older.next).url, newer.url)
  assert.equal(must(newer.previous).label, '通州日报 2021年12月31日')
  const issue = must(must(pages[1]).issue, 'the issue of page 2')
  assert.equal(issue.url, newer.url, 'page 2 links its issue')
  assert.equal(must(issue.previous).url, older.url)
  assert.equal(must(pages[4]).issue, null, 'no paper, no issue')
  assert.equal(must(pages[5]).issue, null, 'no date, no issue')
})
