import assert from 'node:assert/strict'
import {test} from 'node:test'
import {split} from '../src/split/split.js'

const items = (text: string) =>
  split({source: 'x.txt', text}).items.map((item) => [
    item.kind,
    item.title,
    item.bylines.map((each) => each.name),
    item.body.length
  ])

test('group: a credit under the first paragraph does not end the story', () => {
  assert.deepEqual(items('# 春耕正忙\n\n第一段。\n\n□记者 张三\n\n### 小标题\n\n第二段。\n'), [
    ['article', '春耕正忙', ['张三'], 3]
  ])
})

test('group: names under a title are bylines; a credit closes the story and the next short line is a title', () => {
  const text = '春耕正忙\n\n新华社记者张三\n\n李四\n\n第一段。\n\n第二段。\n\n王五\n\n秋收在望\n\n第一段。\n'
  assert.deepEqual(items(text), [
    ['article', '春耕正忙', ['张三', '李四', '王五'], 2],
    ['article', '秋收在望', [], 1]
  ])
})

test('group: blank runs part regions; an untitled tail is a fragment', () => {
  assert.deepEqual(items('春耕正忙\n\n第一段。\n\n\n\n又一段无题的文字。\n\n再一段。\n'), [
    ['article', '春耕正忙', [], 1],
    ['fragment', null, [], 2]
  ])
})
