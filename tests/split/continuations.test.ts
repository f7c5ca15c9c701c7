import assert from 'node:assert/strict'
import {test} from 'node:test'
import {continuations, pageNumber} from '../../src/split/continuations.js'
import {split} from '../../src/split/split.js'
import {segmenter} from '../helpers/stages.js'

test('continuations: page numbers and markers', () => {
  assert.deepEqual(['2', '六', '十二'].map(pageNumber), [2, 6, 12])
  const at = {line: 1, column: 1}
  assert.deepEqual(
    continuations([
      {type: 'paragraph', text: '(上接1版)正文。', start: at},
      {type: 'paragraph', text: '正文。（下转第六版）', start: at}
    ]),
    {continuedFrom: 1, continuedTo: 6}
  )
})

test('continuations: a jump line opens a fragment, joined to its first block; `（下转2版）` is no paragraph', () => {
  const {items} = split(
    {
      source: 'x.txt',
      text: '春耕正忙\n\n田里一片繁忙。\n\n（下转2版）\n\n（上接1版）\n\n分节的标题\n\n村民们说，今年收成好。\n'
    },
    {segmenter}
  )
  assert.deepEqual(
    items.map((item) => [item.kind, item.continuedFrom, item.continuedTo, item.body.map((block) => block.type)]),
    [
      ['article', null, 2, ['paragraph']],
      ['fragment', 1, null, ['subhead', 'paragraph']]
    ]
  )
})
