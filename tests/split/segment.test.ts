import assert from 'node:assert/strict'
import {test} from 'node:test'
import {split} from '../../src/split/split.js'
import {pageNumber} from '../../src/split/segment.js'
import {severityOf} from '../helpers/messages.js'
import {segmenter} from '../helpers/stages.js'

test('continuation page numbers in figures and Chinese numerals', () => {
  assert.deepEqual(['1', '三', '十', '十二', '二十', '二十一'].map(pageNumber), [1, 3, 10, 12, 20, 21])
})

test(
  'segment: a byline under the title, a title followed by a lead, a bracketed byline, a caption with ' + 'its credit',
  () => {
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
  }
)

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
