import assert from 'node:assert/strict'
import {test} from 'node:test'
import {loadGazetteer, shortName} from '../../src/tag/gazetteer.js'
import {must} from '../helpers/must.js'

test('gazetteer: the whole country down to towns, with the supplement; zones filtered out', () => {
  const gazetteer = loadGazetteer()
  assert.equal(must(gazetteer.divisions.get('320612110')).path.join('/'), '江苏省/南通市/通州区/石港镇')
  assert.equal(must(gazetteer.divisions.get('310151')).name, '崇明区')
  assert.equal(must(gazetteer.divisions.get('320685001')).name, '孙庄街道', 'supplement')
  assert.equal(gazetteer.divisions.has('320613401'), false, '南通崇川经济开发区 is not a division')
  assert.equal(must(gazetteer.divisions.get('320671')).name, '南通经济技术开发区', 'a functional area')
  assert.equal(must(gazetteer.divisions.get('320671003')).path.join('/'), '江苏省/南通市/南通经济技术开发区/竹行街道')
  assert.equal(gazetteer.names.has('南通经济技术开发'), false, 'a zone has no short name')
  assert.deepEqual(
    must(gazetteer.names.get('港闸区')).map((entry) => entry.code),
    ['320613'],
    'former name'
  )
  assert.equal(shortName('石港镇', 'town'), '石港')
  assert.equal(shortName('通州区', 'district'), '通州')
  assert.equal(shortName('金秀瑶族自治县', 'district'), '金秀', 'the peoples go with the suffix')
  assert.equal(shortName('莫力达瓦达斡尔族自治旗', 'district'), '莫力达瓦')
  assert.equal(shortName('黔东南苗族侗族自治州', 'city'), '黔东南')
})
