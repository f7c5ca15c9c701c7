import assert from 'node:assert/strict'
import {test} from 'node:test'
import {bylineShape, leadBylines, parseBylines, splitBylineSuffix} from '../../src/split/bylines.js'

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
