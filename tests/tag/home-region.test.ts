import assert from 'node:assert/strict'
import {test} from 'node:test'
import {inferHomeRegion} from '../../src/tag/home-region.js'
import {processText} from '../helpers/samples.js'
import {must} from '../helpers/must.js'

const sets = (...items: string[][]) => items.map((codes) => new Set(codes))

test('home region: the narrowest division that most naming items name', () => {
  const county = sets(['32', '3211', '321183'], ['32', '3211', '321183', '321183004'], ['13', '1304', '130426'])
  assert.equal(inferHomeRegion(county), '321183', 'two of three items name 句容市')
  const city = sets(['51', '5113', '511302'], ['51', '5113', '511324'], ['51', '5113', '511304'])
  assert.equal(inferHomeRegion(city), '5113', 'three counties of one city')
  const province = sets(['41', '4101'], ['41', '4105'], ['41', '4117'], [])
  assert.equal(inferHomeRegion(province), '41', 'cities of one province; an item naming none does not vote')
  assert.equal(inferHomeRegion(sets(['61', '6105', '610526'])), null, 'one item is not a page')
  assert.equal(inferHomeRegion(sets(['32'], ['41'], ['51'])), null, 'no majority')
})

// Four items of a county page (text written for the test): the county is named in three.
const countyPage = (last: string) =>
  [
    '句容市举办乡村振兴培训班',
    '本报讯 日前，句容市茅山镇举办培训班。',
    '',
    '句容市开展环境整治',
    '本报讯 日前，句容市华阳街道开展环境整治。',
    '',
    '句容市召开会议',
    '本报讯 日前，句容市召开防汛工作会议。',
    '',
    '交流学习',
    last,
    ''
  ].join('\n\n')

test('without a given region the page tells it: a county far away, named in passing, is not tagged', () => {
  const page = processText(countyPage('本报讯 日前，考察团赴涉县参观学习，看到了很多好做法。'), null)
  assert.equal(page.items.length, 4)
  assert.deepEqual(
    must(page.items[3]).places.map((place) => place.code),
    [],
    '涉县 (河北) on a 句容 page is not named with its province'
  )
  assert.deepEqual(
    must(page.items[1]).places.map((place) => place.code),
    ['321183', '321183002'],
    '华阳街道 of 句容市'
  )
})

/** The codes the page's last item, with `lead` for its text, is tagged with. */
const lastCodes = (lead: string) => must(processText(countyPage(lead), null).items[3]).places.map((place) => place.code)

test('a town’s short form away from the home county is a word, not the town', () => {
  assert.deepEqual(
    lastCodes('本报讯 日前，句容市一家油坊里，师傅正在榨油。'),
    ['321183'],
    '油坊镇 is in 扬中市, of the same city: 句容市 in the item does not make 油坊 that town'
  )
})

test('a province printed before a town’s short form does not make it that town', () => {
  assert.deepEqual(
    lastCodes('本报讯 日前，句容市民在江苏油坊买了菜籽油。'),
    ['321183'],
    '江苏 is too wide for 油坊 to be 扬中市油坊镇'
  )
})
