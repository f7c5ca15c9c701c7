import assert from 'node:assert/strict'
import {test} from 'node:test'
import {aboutPlaces} from '../../src/tag/about.js'
import type {PlaceTag} from '../../src/model/types.js'
import {processText} from '../helpers/samples.js'
import {must} from '../helpers/must.js'

const place = (code: string, mentions: number, prominent: boolean): PlaceTag => ({
  code,
  name: code,
  level: code.length === 9 ? 'town' : 'district',
  path: [code],
  mentions,
  prominent
})

test('about: a county named once in passing beside the subject county is dropped, with its towns', () => {
  const places = [place('410581', 5, true), place('410581115', 3, true), place('130426', 1, false)]
  assert.deepEqual(
    aboutPlaces(places).map((each) => each.code),
    ['410581', '410581115']
  )
  const withTown = [place('411726', 6, true), place('411330', 1, false), place('411330102', 1, false)]
  assert.deepEqual(
    aboutPlaces(withTown).map((each) => each.code),
    ['411726']
  )
})

test('about: counties listed once each, with no subject county, are all kept', () => {
  const list = [place('450324', 1, false), place('450325', 1, true), place('450327', 1, false)]
  assert.equal(aboutPlaces(list).length, 3)
  const twice = [place('410581', 4, true), place('130426', 2, false)]
  assert.equal(aboutPlaces(twice).length, 2, 'named twice is more than in passing')
})

test(
  'about: neighbours named with 与…接壤, origins of visitors from elsewhere, and rivers by their course ' +
    'are not tagged',
  () => {
    const codes = (text: string) =>
      must(processText(`句容市召开会议\n\n${text}\n`, '3211').items[0]).places.map((place) => place.code)
    assert.deepEqual(codes('句容市东与金坛区、溧水区接壤，句容市召开会议。'), ['321183'])
    assert.deepEqual(codes('句容市迎来来自江宁区湖熟街道的游客，句容市很热闹。'), ['321183'])
    assert.deepEqual(
      codes('句容市举办竞赛，来自句容市华阳街道的选手获奖。'),
      ['321183', '321183002'],
      'an origin inside the county the item is about is kept'
    )
    assert.deepEqual(codes('位于秦淮河上游的句容市召开会议。'), ['321183'])
    assert.deepEqual(codes('句容市旧称华阳，历史悠久。'), ['321183'], 'a former name is history, not 华阳街道')
    assert.deepEqual(codes('句容市与江宁区并称“双璧”，句容市很有名。'), ['321183'], 'set beside it')
    assert.deepEqual(codes('句容市演出《江宁区的故事》，句容市很热闹。'), ['321183'], 'a title of a work')
    assert.deepEqual(codes('句容市华阳街道第一小学举办活动。'), ['321183'], 'a school of the town')
  }
)
