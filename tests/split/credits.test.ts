import assert from 'node:assert/strict'
import {test} from 'node:test'
import {leadCredit, readCredit, splitCreditSuffix} from '../../src/split/credits.js'

const names = (text: string) => readCredit(text)?.bylines.map((byline) => byline.name)

test('credits: a mark, an organisation before the role, names run on after a role', () => {
  assert.deepEqual(names('□记者 张三'), ['张三'])
  assert.deepEqual(names('■通讯员 李四 王五'), ['李四', '王五'])
  assert.deepEqual(names('某某报业全媒体记者 张三'), ['张三'])
  assert.deepEqual(names('某某日报记者张三通讯员李四赵五'), ['张三', '李四', '赵五'])
  assert.deepEqual(names('特约记者张三通讯员李四'), ['张三', '李四'])
})

test('credits: slashes, editors, padded names, photographers', () => {
  assert.deepEqual(names('文/张三'), ['张三'])
  assert.deepEqual(names('图/张三 文/李四'), ['张三', '李四'])
  assert.deepEqual(names('文、图/张三'), ['张三'])
  assert.deepEqual(names('编辑: 张三'), ['张三'])
  assert.deepEqual(names('(记者_张三)'), ['张三'])
  assert.deepEqual(names('陈 一 徐 二'), ['陈一', '徐二'])
  assert.deepEqual(names('本报记者 陈 一 本报通讯员 赵六一'), ['陈一', '赵六一'])
  assert.deepEqual(names('终审:王 五'), ['王五'])
  assert.deepEqual(readCredit('张三 李四 摄')?.bylines, [
    {name: '张三', role: '摄影'},
    {name: '李四', role: '摄影'}
  ])
  assert.deepEqual(readCredit('责任编辑：张三 实习生 李四')?.bylines, [
    {name: '张三', role: '编辑'},
    {name: '李四', role: '实习生'}
  ])
  assert.equal(readCredit('某某社发（张三 摄）')?.photo, true)
  assert.deepEqual(names('某某社发（张三 摄）'), ['张三'])
})

test('credits: a unit is no name; a source line credits nobody', () => {
  assert.deepEqual(names('（某某镇 张三 李四）'), ['张三', '李四'])
  assert.deepEqual(names('来源：某某县融媒体中心'), [])
  assert.deepEqual(names('（某某县委宣传部供稿）'), [])
})

test('credits: titles are not credits', () => {
  assert.equal(readCredit('特色产品 助农增收'), undefined)
  assert.equal(readCredit('守住底线——'), undefined)
  assert.equal(readCredit('锻造基层治理“主力军”'), undefined)
  assert.equal(readCredit('某某区'), undefined)
  assert.equal(readCredit('鲜花开 果农笑')?.certain, false, 'bare names may be a title: the neighbours decide')
})

test('credits: appended to a caption or a last sentence', () => {
  assert.deepEqual(splitCreditSuffix('村民在田里收割。某某报记者张三摄')?.text, '村民在田里收割。')
  assert.deepEqual(splitCreditSuffix('村口的老桥(某某社 张三摄)')?.credit, '(某某社 张三摄)')
  assert.deepEqual(splitCreditSuffix('村民在检查长势 张三 摄')?.credit, '张三 摄')
  assert.deepEqual(
    splitCreditSuffix('工作取得成效。 （责任编辑：张三）')?.read.bylines.map((each) => each.name),
    ['张三']
  )
  assert.deepEqual(splitCreditSuffix('工作取得成效。（张三 李四）')?.credit, '（张三 李四）')
  assert.equal(splitCreditSuffix('大家一起来，为全'), undefined, 'a paragraph broken after a comma ends in no names')
  assert.equal(splitCreditSuffix('情况良好（4月2日摄）。'), undefined)
})

test('credits: lead datelines of any paper', () => {
  assert.deepEqual(
    leadCredit('某某网讯(记者 张三 编辑 李四)近日').map((each) => each.name),
    ['张三', '李四']
  )
  assert.deepEqual(
    leadCredit('本报某地3月2日电 （记者 张三）日前').map((each) => each.name),
    ['张三']
  )
  assert.deepEqual(
    leadCredit('某某报讯（记者张三 李四）近日').map((each) => each.name),
    ['张三', '李四']
  )
  assert.deepEqual(
    leadCredit('(记者 张三)近日，').map((each) => each.name),
    ['张三']
  )
  assert.deepEqual(leadCredit('(上接1版)近日'), [])
})

test('credits: a portal’s credit line with its date; a source naming a unit in Latin letters; review roles', () => {
  assert.deepEqual(names('作者:张三 来源:某某新闻网 编辑:李四 王五 时间:2025年12月11日'), ['张三', '李四', '王五'])
  assert.deepEqual(names('来源: 作者: 编辑: 张三 2017-07-21'), ['张三'])
  assert.equal(readCredit('喜迎2025年10月1日'), undefined, 'a date after no role is no credit')
  assert.deepEqual(readCredit('稿源：某某通APP'), {bylines: [], photo: false, certain: true})
  assert.deepEqual(names('一审：张三'), ['张三'])
  assert.equal(readCredit('某某网特约摄影师 张三')?.photo, true)
  assert.deepEqual(names('某某报/ 记者张三/即时报导'), ['张三'])
})

test('credits: more lead datelines name their writers', () => {
  const lead = (text: string) => leadCredit(text).map((byline) => byline.name)
  assert.deepEqual(lead('某某网讯 记者张三、通讯员李四报道：5月8日，天气晴好'), ['张三', '李四'])
  assert.deepEqual(lead('某某网北京7月26日消息（记者张三）据报道'), ['张三'])
  assert.deepEqual(lead('云上某某报道（通讯员张三）1月7日，'), ['张三'])
  assert.deepEqual(lead('某某讯 全县上下报道：近日'), [], 'no role, no credit')
})

test('credits: names before a role, an agency’s photo unbracketed, a source after the names, 选自', () => {
  assert.deepEqual(names('张三 李四 记者 王五'), ['张三', '李四', '王五'])
  assert.deepEqual(names('张三 李四 某某新闻网-某某新闻记者 王五'), ['张三', '李四', '王五'])
  assert.deepEqual(readCredit('某某社发张三摄')?.bylines, [{name: '张三', role: '摄影'}])
  assert.deepEqual(names('作者：张三 来源：《某某评论》2021年第11期'), ['张三'])
  assert.deepEqual(names('作者:张三 来源:某某新闻网 编辑:李四'), ['张三', '李四'], 'a role after the source')
  assert.deepEqual(names('作者：记者︱张三'), ['张三'])
  assert.deepEqual(names('（选自 某某日报客户端某某频道 作者 张三 李四）'), ['张三', '李四'])
  assert.deepEqual(names('某某网·某某新闻 记者 张三 实习记者 李四 某地报道'), ['张三', '李四'], 'units set apart')
  assert.equal(readCredit('村民在某某村采茶 本报记者 张三 摄'), undefined, 'a caption is no organisation')
})
