import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lineRoles} from '../../src/split/line-roles.js'
import type {RepairedLine} from '../../src/split/repair.js'
import {startsStory} from '../../src/split/stories.js'

const at = (texts: string[]) =>
  lineRoles(
    texts.map((text, index): RepairedLine => ({text, line: index + 1, column: 1, depth: 0, blankBefore: 1, joined: []}))
  )
const none = () => false

test('stories: a labelled line, a lead or a dated first sentence opens a new story', () => {
  assert.equal(startsStory(at(['某某县：春耕正忙', '田间地头一片繁忙。']), 0, none), true)
  assert.equal(startsStory(at(['某某村迎来丰收', '本报讯（记者 张三）田间地头一片繁忙。']), 0, none), true)
  assert.equal(startsStory(at(['某某村迎来丰收', '某某网讯 田间地头一片繁忙。']), 0, none), true)
  assert.equal(startsStory(at(['某某村迎来丰收', '3月8日，田间地头一片繁忙。']), 0, none), true)
  assert.equal(startsStory(at(['某某村迎来丰收', '记者 张三', '田间地头一片繁忙。']), 0, none), true)
})

test('stories: plain and numbered subheadings go on with the story', () => {
  assert.equal(startsStory(at(['产业兴旺有奔头', '田间地头一片繁忙。']), 0, none), false)
  assert.equal(startsStory(at(['一、产业兴旺有奔头', '本报讯 田间地头一片繁忙。']), 0, none), false)
  assert.equal(startsStory(at(['1 产业兴旺有奔头', '田间地头一片繁忙。']), 0, none), false)
})

test(
  'stories: two short lines are a subheading of two lines unless a dash, a lead or a long first line ' + 'says title',
  () => {
    assert.equal(startsStory(at(['特色农业加速发展', '“一村一品”再添新彩', '穿行在城中，处处可见。']), 0, none), false)
    assert.equal(startsStory(at(['果香飘满山乡', '——某某县首届推介会侧记', '穿行在城中，处处可见。']), 0, none), true)
    assert.equal(startsStory(at(['特色农业加速发展', '“一村一品”再添新彩', '3月8日，处处可见。']), 0, none), true)
    assert.equal(
      startsStory(
        at(['以“三张清单”推动惠企政策直达快享，某某镇', '为企业发展按下“快进键”', '“没想到，”他说。']),
        0,
        none
      ),
      true
    )
  }
)
