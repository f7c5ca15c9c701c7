import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lineRoles} from '../src/split/line-roles.js'
import type {RepairedLine} from '../src/split/repair.js'
import {startsStory} from '../src/split/stories.js'

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
