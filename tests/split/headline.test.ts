import assert from 'node:assert/strict'
import {test} from 'node:test'
import {headlineRun, readHeadline} from '../../src/split/headline.js'
import {lineRoles} from '../../src/split/line-roles.js'
import type {RepairedLine} from '../../src/split/repair.js'

const isPlaceName = (text: string) => text === '某某县'
const lines = (texts: Array<string | [string, number]>) =>
  lineRoles(
    texts.map((each, index): RepairedLine => {
      const [text, depth] = typeof each === 'string' ? [each, 0] : each
      return {text, line: index * 2 + 1, column: 1, depth, blankBefore: 1, joined: []}
    })
  )

test('headline: of three plain lines the first is the kicker; so is a short label over a longer line', () => {
  assert.deepEqual(readHeadline(['喜迎丰收·乡村纪行', '稻谷香 人心暖', '山村换新颜'], {isPlaceName}), {
    dateline: null,
    kicker: '喜迎丰收·乡村纪行',
    title: '稻谷香 人心暖',
    subtitle: '山村换新颜'
  })
  assert.equal(readHeadline(['基层走笔', '山村小路“通”新景'], {isPlaceName}).kicker, '基层走笔')
  assert.deepEqual(readHeadline(['产业兴旺村庄美丽', '某某区乡村建设纪行'], {isPlaceName}), {
    dateline: null,
    kicker: null,
    title: '产业兴旺村庄美丽',
    subtitle: '某某区乡村建设纪行'
  })
})

test('headline: a label ending in a colon is the kicker', () => {
  assert.deepEqual(readHeadline(['某某镇：', '向海图强绘蓝图'], {isPlaceName}), {
    dateline: null,
    kicker: '某某镇：',
    title: '向海图强绘蓝图',
    subtitle: null
  })
})

test('headline: only `——` splits a line; a dash-led line is the subtitle', () => {
  assert.deepEqual(readHeadline(['某镇聚焦群众关心的问题—— 搭好干群连心桥'], {isPlaceName}), {
    dateline: null,
    kicker: '某镇聚焦群众关心的问题——',
    title: '搭好干群连心桥',
    subtitle: null
  })
  assert.equal(readHeadline(['抓进度，筑精品 某某镇 再出发'], {isPlaceName}).title, '抓进度，筑精品 某某镇 再出发')
  assert.deepEqual(readHeadline(['山村新貌', '——记某某村的变化'], {isPlaceName}), {
    dateline: null,
    kicker: null,
    title: '山村新貌',
    subtitle: '——记某某村的变化'
  })
  assert.deepEqual(readHeadline(['某某县', '春耕正忙'], {isPlaceName}), {
    dateline: '某某县',
    kicker: null,
    title: '春耕正忙',
    subtitle: null
  })
})

test('headline run: a plain title takes one subtitle; after a kicker only a dash-led one', () => {
  const plain = lines(['春耕正忙', '某某村见闻', '小标题在此', '正文第一段。'])
  assert.equal(headlineRun(plain, 0, {isPlaceName}), 2)
  const kicked = lines(['某村探访——', '村里的新事', '分节标题', '正文第一段。'])
  assert.equal(headlineRun(kicked, 0, {isPlaceName}), 2)
})

test('headline run: marked headings, a locality above, a plain subtitle over a credit', () => {
  const marked = lines(['某某县', ['春耕正忙', 2], '某某村见闻', '记者 张三', '正文第一段。'])
  assert.equal(headlineRun(marked, 0, {isPlaceName}), 3)
})

test('headline: kicker, title, subtitle and dateline', () => {
  const isPlaceName = (text: string) => text === '太仓市'
  assert.deepEqual(
    readHeadline(['通州区以“我为群众办实事”活动为抓手—— 落实“三访”举措 搭好干群连心桥'], {isPlaceName}),
    {
      dateline: null,
      kicker: '通州区以“我为群众办实事”活动为抓手——',
      title: '落实“三访”举措 搭好干群连心桥',
      subtitle: null
    }
  )
  assert.deepEqual(readHeadline(['太仓市', '精准监督严守耕地红线'], {isPlaceName}), {
    dateline: '太仓市',
    kicker: null,
    title: '精准监督严守耕地红线',
    subtitle: null
  })
  assert.deepEqual(
    readHeadline(['紧盯序时抓进度 精益求精筑精品', '区领导调研重点片区建设推进情况'], {isPlaceName}).subtitle,
    '区领导调研重点片区建设推进情况'
  )
  assert.equal(
    readHeadline(['全力打造新业态新就业群体“红色引擎” 锡山经开区党建赋能向“新”涌动'], {isPlaceName}).kicker,
    null
  )
})

test('headline: by position, a clause over a plain line is title and subtitle (only `——` makes a kicker)', () => {
  const headline = readHeadline(['以“三张清单”推动惠企政策直达快享，汤庄镇', '为企业发展按下“快进键”'], {
    isPlaceName: () => false
  })
  assert.equal(headline.kicker, null)
  assert.equal(headline.title, '以“三张清单”推动惠企政策直达快享，汤庄镇')
  assert.equal(headline.subtitle, '为企业发展按下“快进键”')
  assert.equal(
    readHeadline(['绿化层次鲜明 功能设施完善', '10处邻里公园年底完工'], {isPlaceName: () => false}).subtitle,
    '10处邻里公园年底完工'
  )
})
