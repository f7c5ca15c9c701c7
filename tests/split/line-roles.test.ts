import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lineRoles} from '../../src/split/line-roles.js'
import type {RepairedLine} from '../../src/split/repair.js'

const roles = (texts: string[]) =>
  lineRoles(
    texts.map((text, index): RepairedLine => ({text, line: index + 1, column: 1, depth: 0, blankBefore: 1, joined: []}))
  ).map((line) => [line.role, line.text])

test('line roles: jump lines, credits, names, short lines, clauses', () => {
  assert.deepEqual(
    roles(['(上接1版)', '（下转2版）', '□记者 张三', '张三 李四', '春耕正忙', '这里山清水秀；', '春耕正忙。']),
    [
      ['jump-from', '(上接1版)'],
      ['jump-to', '（下转2版）'],
      ['credit', '□记者 张三'],
      ['names', '张三 李四'],
      ['short', '春耕正忙'],
      ['body', '这里山清水秀；'],
      ['body', '春耕正忙。']
    ]
  )
})

test('line roles: a credit on the caption’s line is a line of its own; the caption is body however short', () => {
  assert.deepEqual(roles(['村口的老桥(某某社 张三摄)', '工作取得成效。（记者 李四）']), [
    ['body', '村口的老桥'],
    ['credit', '(某某社 张三摄)'],
    ['body', '工作取得成效。'],
    ['credit', '（记者 李四）']
  ])
})

test('line roles: a short line ending in a jump marker is body text, not a title', () => {
  assert.deepEqual(roles(['会议召开（下转2版）', '会议召开']), [
    ['body', '会议召开（下转2版）'],
    ['short', '会议召开']
  ])
})
