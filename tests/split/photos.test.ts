import assert from 'node:assert/strict'
import {test} from 'node:test'
import {split} from '../../src/split/split.js'
import {segmenter} from '../helpers/stages.js'

const kinds = (lines: string[]) =>
  split({source: 'x.txt', text: lines.join('\n')}, {segmenter}).items.map((item) => [
    item.kind,
    item.title,
    item.bylines.map((each) => each.name)
  ])

test('photos: a caption with its credit on one line, or under it, is photo news', () => {
  assert.deepEqual(
    kinds(['', '', '村民在田里收割稻谷。某某报记者张三摄', '', '', '', '春耕正忙', '', '本报讯 田里一片繁忙。']),
    [
      ['photo', null, ['张三']],
      ['article', '春耕正忙', []]
    ]
  )
})

test('photos: a titled photo; a caption after a long story is an item of its own', () => {
  assert.deepEqual(kinds(['鲜花开 果农笑', '', '果农们正在采摘。', '', '李四 摄影报道']), [
    ['photo', '鲜花开 果农笑', ['李四']]
  ])
  const page = ['春耕正忙', '', '第一段。', '', '第二段。', '', '第三段。', '', '田里的新机器 王五 摄']
  assert.deepEqual(kinds(page), [
    ['article', '春耕正忙', []],
    ['photo', null, ['王五']]
  ])
})
