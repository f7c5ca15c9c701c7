import assert from 'node:assert/strict'
import {test} from 'node:test'
import {processSample, sampleFiles} from '../helpers/samples.js'
import {severityOf} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

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
  const lead = must(marked.items[0])
  // A headline line splits into kicker and title only at `——`: the comma and the space are the title's.
  assert.equal(lead.title, '将区级机关57个单位调整划分为6个党建联创区,着力破解“两张皮” 通州多元路径推进融合党建')
  assert.deepEqual(lead.bylines, [
    {name: '孙冬红', role: '通讯员'},
    {name: '任溢斌', role: '记者'}
  ])
  assert.equal(lead.body.length, 5, 'three paragraphs broken by column breaks are rejoined')
  assert.equal(must(marked.items[6]).kicker, '规范市容秩序、严格违建管控、筑牢疫情防线，金沙街道 综合行政执法局——')
  assert.equal(must(marked.items[6]).title, '用真抓实干赢得百姓支持')
  assert.deepEqual(
    must(marked.items[4]).bylines.map((b) => b.role),
    ['摄影', '摄影']
  )

  const plain = processSample('004_189048a86de1eba6.txt')
  assert.deepEqual(
    plain.items.map((item) => item.dateline),
    ['常州钟楼', '太仓市', '宿豫区', '清江浦区武墩街道', null, null, null, null, '铜山区刘集镇']
  )
  assert.equal(must(plain.items[0]).title, '打造共建共治共享城乡基层治理新格局')
  assert.equal(must(plain.items[0]).body.filter((block) => block.type === 'subhead').length, 3)
  assert.equal(must(plain.items[3]).body.length, 2, 'the repeated paragraphs of 武墩 are removed')
})

test('samples: fragments and photo news of 001, 002 and 003', () => {
  const page1 = processSample('001_c2cd66ded24d6744.txt')
  assert.deepEqual(
    page1.items.map((item) => item.kind),
    ['article', 'article', 'article', 'article', 'article', 'photo', 'article', 'article', 'fragment']
  )
  assert.equal(
    must(page1.items[0]).kicker,
    '通州区石港镇聚焦群众关心的问题,从“我拿主意给群众办实事”到“群众拿主意我来落实”——'
  )
  const page2 = processSample('002_e35de4d7f730652c.txt')
  const fragment = must(page2.items.at(-1))
  assert.equal(fragment.kind, 'fragment')
  assert.equal(fragment.continuedFrom, 1)
  assert.deepEqual(
    must(page2.items[5]).bylines,
    [{name: '芮珊', role: null}],
    'names after the last sentence are a byline'
  )
  const page3 = processSample('003_7f1fae4339dc0c94.txt')
  const photo = must(page3.items.find((item) => item.kind === 'photo'))
  assert.equal(photo.body.length, 5, 'caption and numbered captions 图①–图④')
})
