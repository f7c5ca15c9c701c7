import assert from 'node:assert/strict'
import {test} from 'node:test'
import {isPlaceName} from '../../src/tag/tag.js'
import {processSample, processText, shortPage as page} from '../helpers/samples.js'
import {rule, shape} from '../helpers/messages.js'
import {names} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

const codes = (text: string, region: string | null = null) =>
  must(processText(`标题\n\n${text}\n`, region).items[0]).places.map((place) => place.code)

test('a town in full implies its district; short names resolve in the home region', () => {
  assert.deepEqual(codes('日前，通州区石港镇召开会议。'), ['320612', '320612110'])
  assert.deepEqual(codes('日前，通州召开会议。', '3206'), ['320612'], '通州 in a Nantong paper is 南通市通州区')
  assert.deepEqual(codes('日前，通州召开会议。', '11'), ['110112'], 'and in a Beijing paper, Beijing’s')
})

test('ambiguous short names stay untagged and are reported when evidence ties', () => {
  const gazette = processText('标题\n\n城东召开会议。\n', '32')
  assert.deepEqual(must(gazette.items[0]).places, [])
  assert.ok(gazette.reports.some((report) => rule(report) === 'tag:ambiguous'))
})

test('a wrong parent in the text resolves to the real division', () => {
  assert.deepEqual(codes('宿州市宿豫区纪委监委开展专项治理。', '32'), ['321311'])
})

test('names inside words, roads, lakes and everyday words are not places', () => {
  assert.deepEqual(codes('在五星红旗下宣誓。', '3204'), [])
  assert.deepEqual(codes('运料河南起人民西路闸口。', '3206'), [])
  assert.deepEqual(codes('体会到了实实在在的幸福。', '3206'), [])
  assert.deepEqual(codes('洪泽湖治理保护展示馆开馆。', '32'), [])
})

test('a former name tags its successor and is shown on the tag', () => {
  const [place] = must(processText('标题\n\n日前，港闸区召开会议。\n', '3206').items[0]).places
  assert.equal(must(place).code, '320613')
  assert.equal(must(place).name, '崇川区')
  assert.equal(must(place).printedAs, '港闸区')
  assert.equal(
    must(must(processText('标题\n\n日前，崇川区召开会议。\n', '3206').items[0]).places[0]).printedAs,
    undefined
  )
})

test('a county’s short form that is an everyday word names it only in its own paper', () => {
  assert.deepEqual(codes('近年来，石狮面貌一新。', '350581'), ['350581'])
  assert.deepEqual(codes('近年来，石狮面貌一新。', '35'), [], 'a province is not its home')
  assert.deepEqual(codes('门前的石狮很威武。', '3206'), [])
})

test('a development zone is tagged as a district', () => {
  assert.deepEqual(codes('日前，南通经济技术开发区竹行街道召开会议。', '3206'), ['320671', '320671003'])
})

test('organisation names carry their place', () => {
  assert.deepEqual(codes('海门区委党校高级讲师讲课。', '3206'), ['320614'])
  assert.deepEqual(codes('通州区教育体育局组织活动。', '3206'), ['320612'])
})

test('a place outside the paper’s province needs the text to name it', () => {
  assert.deepEqual(codes('区工商联主席张东华列席会议。', '320613'), [])
  assert.deepEqual(codes('与上海市崇明区检察院座谈。', '3206'), ['310151'])
})

test('datelines are recognised as place names', () => {
  assert.equal(isPlaceName('常州钟楼', names()), true)
  assert.equal(isPlaceName('清江浦区武墩街道', names()), true)
  assert.equal(isPlaceName('陈伯平', names()), false)
})

test('samples: primary places of some items', () => {
  const page = processSample('000_da22e97339b67c99.txt')
  assert.equal(must(page.items[1]).primaryPlace, '320685111', '白甸镇')
  assert.equal(must(page.items[8]).primaryPlace, '320614103', '常乐镇')
  assert.equal(must(page.items[9]).primaryPlace, '320685001', '孙庄街道 from the supplement')
  const province = processSample('004_189048a86de1eba6.txt')
  assert.deepEqual(
    must(province.items[8]).places.map((place) => place.code),
    ['320312', '320312107'],
    '铜山区刘集镇'
  )
})

test('read G: a region that is no division code is a tag warning and is ignored', () => {
  const gazette = processText(page, '999999', 'a.txt')
  const found = gazette.reports.filter((report) => rule(report) === 'tag:region')
  assert.deepEqual(found.map(shape), [{file: 'a.txt', line: null, ruleId: 'tag:region', severity: 'warning'}])
  assert.equal(must(found[0]).message, 'region 999999 is not a division code: ignored')
  const codes = (region: string | null) =>
    must(processText(page, region, 'a.txt').items[0]).places.map((place) => place.code)
  assert.deepEqual(codes('999999'), codes(null))
  assert.deepEqual(
    processText(page, '320612').reports.filter((report) => rule(report) === 'tag:region'),
    []
  )
})
