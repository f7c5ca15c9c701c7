import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseLines} from '../src/split/parse.js'
import {split} from '../src/split/split.js'
import {bylineShape, leadBylines, parseBylines, splitBylineSuffix} from '../src/split/bylines.js'
import {readHeadline} from '../src/split/headline.js'
import {pageNumber} from '../src/split/segment.js'
import {processSample, sampleFiles} from './helpers.js'
import {rule, severityOf} from './helpers/messages.js'
import {segmenter} from './helpers/stages.js'

test('parse: only ATX headings are syntax; every other markdown construct stays literal text', () => {
  const lines = parseLines('# 标题 *强调*\n\n    四个空格\n> 引用\n1. 列表\n---\n<b>粗</b> &amp; \\*\n\n### 小标题\n')
  assert.deepEqual(
    lines.map((line) => [line.depth, line.text]),
    [
      [1, '标题 *强调*'],
      [0, '四个空格'],
      [0, '> 引用'],
      [0, '1. 列表'],
      [0, '---'],
      [0, '<b>粗</b> &amp; \\*'],
      [3, '小标题']
    ]
  )
  assert.deepEqual(
    lines.map((line) => line.line),
    [1, 3, 4, 5, 6, 7, 9]
  )
})

test('bylines: every form of the samples', () => {
  assert.deepEqual(
    parseBylines('·夏凡 张顺燕 印春湘·').map((b) => b.name),
    ['夏凡', '张顺燕', '印春湘']
  )
  assert.deepEqual(parseBylines('本报通讯员 成晓丹'), [{name: '成晓丹', role: '通讯员'}])
  assert.deepEqual(parseBylines('康传广 陆虞飞摄'), [
    {name: '康传广', role: '摄影'},
    {name: '陆虞飞', role: '摄影'}
  ])
  assert.deepEqual(leadBylines('本报讯（通讯员韦荣奎 鲁忠林 记者任溢斌）连日来'), [
    {name: '韦荣奎', role: '通讯员'},
    {name: '鲁忠林', role: '通讯员'},
    {name: '任溢斌', role: '记者'}
  ])
  assert.deepEqual(splitBylineSuffix('营造良好水域环境。曹璐 余波'), {text: '营造良好水域环境。', byline: '曹璐 余波'})
  assert.equal(
    splitBylineSuffix('环境。下一步'),
    undefined,
    'a lone word after a full stop without a space is not a name'
  )
  assert.equal(bylineShape('锻造基层治理“主力军”'), undefined)
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

test('continuation page numbers in figures and Chinese numerals', () => {
  assert.deepEqual(['1', '三', '十', '十二', '二十', '二十一'].map(pageNumber), [1, 3, 10, 12, 20, 21])
})

test('repair: a paragraph broken mid-word by blank lines is joined and reported', () => {
  const {items, reports} = split(
    {
      source: 't.txt',
      text: '标题\n\n今年以来，钟楼区委区政府把社区建\n\n\n\n设作为推进基层治理的重要内容。\n'
    },
    {segmenter}
  )
  assert.equal(items[0]!.body.length, 1)
  assert.equal(items[0]!.body[0]!.text, '今年以来，钟楼区委区政府把社区建设作为推进基层治理的重要内容。')
  assert.ok(reports.some((report) => rule(report) === 'split:join' && report.line === 7))
})

test('repair: a repeated paragraph is removed and reported; short recurring bylines are kept', () => {
  const paragraph = '全员齐动手，打造美丽乡村“武墩样板”，统筹推进农村公共空间治理。'
  const text = `标题一\n\n${paragraph}\n\n${paragraph}\n\n·金驰·\n\n标题二\n\n另一篇的正文写在这里，内容不同。\n\n·金驰·\n`
  const {items, reports} = split({source: 't.txt', text}, {segmenter})
  assert.equal(items[0]!.body.length, 1)
  assert.equal(items[1]!.byline, '·金驰·')
  const removed = reports.filter((report) => rule(report) === 'split:duplicate')
  assert.deepEqual(
    removed.map((report) => [report.line, report.actual]),
    [[5, paragraph]]
  )
})

test('repair: a page printed twice keeps one copy, every paragraph of the second reported, those joined across a break too', () => {
  const page =
    '钟楼区推进社区治理\n\n今年以来，钟楼区委区政府把社区建\n\n设作为推进基层治理的重要内容，取得明显成效。\n\n另一段正文写在这里，内容不同而且足够长。\n'
  const {items, reports} = split({source: 't.txt', text: `${page}\n${page}`}, {segmenter})
  assert.deepEqual(
    reports.filter((report) => severityOf(report) === 'error'),
    [],
    'nothing lost'
  )
  // The repeated title is short, as bylines that rightly recur are: it stays (here a subheading).
  const paragraphs = items.flatMap((item) =>
    item.body.filter((block) => block.type === 'paragraph').map((block) => block.text)
  )
  assert.deepEqual(paragraphs, [
    '今年以来，钟楼区委区政府把社区建设作为推进基层治理的重要内容，取得明显成效。',
    '另一段正文写在这里，内容不同而且足够长。'
  ])
  const removed = reports.filter((report) => rule(report) === 'split:duplicate')
  assert.deepEqual(
    removed.map((report) => [report.line, report.actual]),
    [
      [11, '今年以来，钟楼区委区政府把社区建设作为推进基层治理的重要内容，取得明显成效。'],
      [15, '另一段正文写在这里，内容不同而且足够长。']
    ]
  )
})

test('samples: every file splits with nothing lost', () => {
  for (const name of sampleFiles) {
    const gazette = processSample(name)
    const errors = gazette.reports.filter((report) => severityOf(report) === 'error')
    assert.deepEqual(errors, [], name)
    assert.ok(gazette.items.length > 0, name)
  }
})

test('samples: items of 000 (marked) and 004 (plain, datelines, duplicates)', () => {
  const marked = processSample('000_da22e97339b67c99.txt')
  assert.deepEqual(
    marked.items.map((item) => [item.start.line, item.kind]),
    [
      [3, 'article'],
      [21, 'article'],
      [29, 'article'],
      [39, 'article'],
      [49, 'photo'],
      [53, 'article'],
      [83, 'article'],
      [113, 'article'],
      [129, 'article'],
      [165, 'photo']
    ]
  )
  const lead = marked.items[0]!
  // A headline line splits into kicker and title only at `——`: the comma and the space are the title's.
  assert.equal(lead.title, '将区级机关57个单位调整划分为6个党建联创区,着力破解“两张皮” 通州多元路径推进融合党建')
  assert.deepEqual(lead.bylines, [
    {name: '孙冬红', role: '通讯员'},
    {name: '任溢斌', role: '记者'}
  ])
  assert.equal(lead.body.length, 5, 'three paragraphs broken by column breaks are rejoined')
  assert.equal(marked.items[6]!.kicker, '规范市容秩序、严格违建管控、筑牢疫情防线，金沙街道 综合行政执法局——')
  assert.equal(marked.items[6]!.title, '用真抓实干赢得百姓支持')
  assert.deepEqual(
    marked.items[4]!.bylines.map((b) => b.role),
    ['摄影', '摄影']
  )

  const plain = processSample('004_189048a86de1eba6.txt')
  assert.deepEqual(
    plain.items.map((item) => item.dateline),
    ['常州钟楼', '太仓市', '宿豫区', '清江浦区武墩街道', null, null, null, null, '铜山区刘集镇']
  )
  assert.equal(plain.items[0]!.title, '打造共建共治共享城乡基层治理新格局')
  assert.equal(plain.items[0]!.body.filter((block) => block.type === 'subhead').length, 3)
  assert.equal(plain.items[3]!.body.length, 2, 'the repeated paragraphs of 武墩 are removed')
})

test('samples: fragments and photo news of 001, 002 and 003', () => {
  const page1 = processSample('001_c2cd66ded24d6744.txt')
  assert.deepEqual(
    page1.items.map((item) => item.kind),
    ['article', 'article', 'article', 'article', 'article', 'photo', 'article', 'article', 'fragment']
  )
  assert.equal(
    page1.items[0]!.kicker,
    '通州区石港镇聚焦群众关心的问题,从“我拿主意给群众办实事”到“群众拿主意我来落实”——'
  )
  const page2 = processSample('002_e35de4d7f730652c.txt')
  const fragment = page2.items.at(-1)!
  assert.equal(fragment.kind, 'fragment')
  assert.equal(fragment.continuedFrom, 1)
  assert.deepEqual(page2.items[5]!.bylines, [{name: '芮珊', role: null}], 'names after the last sentence are a byline')
  const page3 = processSample('003_7f1fae4339dc0c94.txt')
  const photo = page3.items.find((item) => item.kind === 'photo')!
  assert.equal(photo.body.length, 5, 'caption and numbered captions 图①–图④')
})

test('bylines: a mark before the role, a role in brackets after the last sentence', () => {
  assert.equal(bylineShape('□记者 张三'), 'roled')
  assert.deepEqual(parseBylines('■通讯员 周某'), [{name: '周某', role: '通讯员'}])
  assert.deepEqual(splitBylineSuffix('农民们忙着收割。（记者 赵四）'), {
    text: '农民们忙着收割。',
    byline: '（记者 赵四）'
  })
  assert.deepEqual(parseBylines('（记者 赵四）'), [{name: '赵四', role: '记者'}])
  assert.equal(splitBylineSuffix('会议在（城区）召开。'), undefined)
})

test('segment: a byline under the title, a title followed by a lead, a bracketed byline, a caption with its credit', () => {
  const page = [
    '方巷镇推进农村人居环境整治',
    '',
    '本报记者 王晓明 通讯员 李华',
    '',
    '本报讯 近日，方巷镇召开人居环境整治推进会。',
    '',
    '会议要求，各村要逐项整改。',
    '',
    '高邮湖畔稻花香',
    '',
    '本报讯 金秋时节，稻田里一片金黄。',
    '',
    '金秋时节，稻田里一片金黄，农民们忙着收割。（记者 赵四）',
    '',
    '日前，仙女镇组织志愿者走进社区，开展义诊活动。',
    '',
    '记者 刘五 摄',
    '',
    '',
    '',
    '简讯',
    '',
    '本报讯 昨日，区委召开常委会，研究部署有关工作。',
    '',
    '图为志愿者在社区为居民测量血压。',
    '',
    '刘五 摄',
    ''
  ].join('\n')
  const {items, reports} = split({source: 'x.txt', text: page}, {segmenter})
  assert.deepEqual(
    reports.filter((report) => severityOf(report) === 'error'),
    []
  )
  assert.deepEqual(
    items.map((item) => [
      item.start.line,
      item.kind,
      item.title,
      item.subtitle,
      item.bylines.map((byline) => `${byline.role}:${byline.name}`).join(' '),
      item.body.length
    ]),
    [
      [1, 'article', '方巷镇推进农村人居环境整治', null, '记者:王晓明 通讯员:李华', 2],
      [9, 'article', '高邮湖畔稻花香', null, '记者:赵四', 2],
      [15, 'photo', null, null, '摄影:刘五', 1],
      [21, 'article', '简讯', null, '', 1],
      [25, 'photo', null, null, '摄影:刘五', 1]
    ]
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

test('segment: a short line followed by a paragraph opening with a date starts a new article', () => {
  const page =
    '长泾镇召开会议\n\n本报讯 近日，长泾镇召开会议。\n\n会议指出，要做好工作。\n\n新河镇开展春季农机安全检查\n\n3月8日，新河镇农机安全监理站工作人员深入各村。\n\n聚焦重点领域\n\n该镇还将开展更多检查。\n'
  const {items} = split({source: 'x.txt', text: page}, {segmenter})
  assert.deepEqual(
    items.map((item) => [item.title, item.body.map((block) => block.type)]),
    [
      ['长泾镇召开会议', ['paragraph', 'paragraph']],
      ['新河镇开展春季农机安全检查', ['paragraph', 'subhead', 'paragraph']]
    ]
  )
})
