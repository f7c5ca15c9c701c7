import assert from 'node:assert/strict'
import {test} from 'node:test'
import {split} from '../../src/split/split.js'
import {segmenter} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

const items = (text: string) =>
  split({source: 'x.txt', text}, {segmenter}).items.map((item) => [
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

test('group: after an intro closed by a marked credit, a short line over plain text is a subheading', () => {
  const text =
    '青山村的春天\n\n导语一段。\n\n导语二段。□张三 文/图\n\n修路架桥 村民出行更方便\n\n第一节正文。\n\n第一节又一段。\n\n\n\n秋收在望\n\n第一段。\n'
  assert.deepEqual(items(text), [
    ['article', '青山村的春天', ['张三'], 5],
    ['article', '秋收在望', [], 1]
  ])
  // A credit of its own, or one without a mark, still closes the story.
  assert.deepEqual(items('青山村的春天\n\n导语。□张三\n\n修路架桥\n\n正文。\n\n李四\n'), [
    ['article', '青山村的春天', ['张三'], 1],
    ['article', '修路架桥', ['李四'], 1]
  ])
  assert.deepEqual(items('青山村的春天\n\n导语。\n\n张三\n\n修路架桥 村民出行更方便\n\n正文。\n'), [
    ['article', '青山村的春天', ['张三'], 1],
    ['article', '修路架桥 村民出行更方便', [], 1]
  ])
})

test('group: a caption of several paragraphs in a region of its own is one photo', () => {
  const text =
    '秋收在望\n\n第一段。\n\n\n\n田野里一片金黄。\n\n村民们忙着收割。\n\n收割机来回穿梭。\n\n粮仓堆得满满的。\n\n张三 摄\n'
  assert.deepEqual(items(text), [
    ['article', '秋收在望', [], 1],
    ['photo', null, ['张三'], 4]
  ])
})

test('group: on a marked page a subheading right under a writer’s credit goes on with the story', () => {
  const text = '## 春耕正忙\n\n导语一段。\n\n导语二段。\n\n□记者 张三\n\n### 小标题\n\n正文一段。\n\n正文二段。\n'
  assert.deepEqual(items(text), [['article', '春耕正忙', ['张三'], 5]])
})

test('group: on a marked page a plain short line under the title, over the body, is the subtitle', () => {
  const [item] = split(
    {
      source: 'x.txt',
      text: '## 雨后田间抢收忙\n\n某某县组织农机、人力等抓紧抢收\n\n正文一段。\n'
    },
    {segmenter}
  ).items
  assert.equal(must(item).subtitle, '某某县组织农机、人力等抓紧抢收')
})

test('group: a title may ask, in one clause; speech and a story’s last line do not', () => {
  const text =
    '第一段。\n\n\n\n某某观察：如何走好“最后一公里”?\n\n正文一段。\n\n“你觉得怎么样？”\n\n大家的回答，就是一个字：好！\n'
  assert.deepEqual(items(text), [
    ['fragment', null, [], 1],
    ['article', '某某观察：如何走好“最后一公里”?', [], 3]
  ])
})
