import assert from 'node:assert/strict'
import {test} from 'node:test'
import {split} from '../../src/split/split.js'
import {rule, severityOf} from '../helpers/messages.js'
import {segmenter} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

test('repair: a paragraph broken mid-word by blank lines is joined and reported', () => {
  const {items, reports} = split(
    {
      source: 't.txt',
      text: '标题\n\n今年以来，钟楼区委区政府把社区建\n\n\n\n设作为推进基层治理的重要内容。\n'
    },
    {segmenter}
  )
  assert.equal(must(items[0]).body.length, 1)
  assert.equal(must(must(items[0]).body[0]).text, '今年以来，钟楼区委区政府把社区建设作为推进基层治理的重要内容。')
  assert.ok(reports.some((report) => rule(report) === 'split:join' && report.line === 7))
})

test('repair: a repeated paragraph is removed and reported; short recurring bylines are kept', () => {
  const paragraph = '全员齐动手，打造美丽乡村“武墩样板”，统筹推进农村公共空间治理。'
  const text = `标题一\n\n${paragraph}\n\n${paragraph}\n\n·金驰·\n\n标题二\n\n另一篇的正文写在这里，内容不同。\n\n·金驰·\n`
  const {items, reports} = split({source: 't.txt', text}, {segmenter})
  assert.equal(must(items[0]).body.length, 1)
  assert.equal(must(items[1]).byline, '·金驰·')
  const removed = reports.filter((report) => rule(report) === 'split:duplicate')
  assert.deepEqual(
    removed.map((report) => [report.line, report.actual]),
    [[5, paragraph]]
  )
})

test(
  'repair: a page printed twice keeps one copy, every paragraph of the second reported, those joined ' +
    'across a break too',
  () => {
    const page =
      '钟楼区推进社区治理\n\n今年以来，钟楼区委区政府把社区建\n\n设作为推进基层治理的重要内容，取得明显成效。\n\n另一段正文写在这里，内容不同而且足够长。\n'
    const {items, reports} = split({source: 't.txt', text: `${page}\n${page}`}, {segmenter})
    assert.deepEqual(
      reports.filter((report) => severityOf(report) === 'error'),
      [],
      'nothing lost'
    )
    // The repeated title is short, as bylines that rightly recur are: it stays (here a subheading).
    const paragraphs = items.flatMap((item) =>
      item.body.filter((block) => block.type === 'paragraph').map((block) => block.text)
    )
    assert.deepEqual(paragraphs, [
      '今年以来，钟楼区委区政府把社区建设作为推进基层治理的重要内容，取得明显成效。',
      '另一段正文写在这里，内容不同而且足够长。'
    ])
    const removed = reports.filter((report) => rule(report) === 'split:duplicate')
    assert.deepEqual(
      removed.map((report) => [report.line, report.actual]),
      [
        [11, '今年以来，钟楼区委区政府把社区建设作为推进基层治理的重要内容，取得明显成效。'],
        [15, '另一段正文写在这里，内容不同而且足够长。']
      ]
    )
  }
)
