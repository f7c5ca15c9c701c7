import assert from 'node:assert/strict'
import {test} from 'node:test'
import {NameTrie} from '../src/tag/name-trie.js'
import fc from 'fast-check'
import {clausesOf, Segmenter} from '../src/text/segmenter.js'
import {isPlaceName} from '../src/tag/tag.js'
import {loadGazetteer, shortName} from '../src/tag/gazetteer.js'
import {names} from './helpers/stages.js'
import {processSample, processText} from './helpers.js'
import {rule} from './helpers/messages.js'

const codes = (text: string, region: string | null = null) =>
  processText(`标题\n\n${text}\n`, region).items[0]!.places.map((place) => place.code)

test('gazetteer: the whole country down to towns, with the supplement; zones filtered out', () => {
  const gazetteer = loadGazetteer()
  assert.equal(gazetteer.divisions.get('320612110')!.path.join('/'), '江苏省/南通市/通州区/石港镇')
  assert.equal(gazetteer.divisions.get('310151')!.name, '崇明区')
  assert.equal(gazetteer.divisions.get('320685001')!.name, '孙庄街道', 'supplement')
  assert.equal(gazetteer.divisions.has('320613401'), false, '南通崇川经济开发区 is not a division')
  assert.equal(gazetteer.divisions.get('320671')!.name, '南通经济技术开发区', 'a functional area')
  assert.equal(gazetteer.divisions.get('320671003')!.path.join('/'), '江苏省/南通市/南通经济技术开发区/竹行街道')
  assert.equal(gazetteer.names.has('南通经济技术开发'), false, 'a zone has no short name')
  assert.deepEqual(
    gazetteer.names.get('港闸区')!.map((entry) => entry.code),
    ['320613'],
    'former name'
  )
  assert.equal(shortName('石港镇', 'town'), '石港')
  assert.equal(shortName('通州区', 'district'), '通州')
  assert.equal(shortName('金秀瑶族自治县', 'district'), '金秀', 'the peoples go with the suffix')
  assert.equal(shortName('莫力达瓦达斡尔族自治旗', 'district'), '莫力达瓦')
  assert.equal(shortName('黔东南苗族侗族自治州', 'city'), '黔东南')
})

test('a town in full implies its district; short names resolve in the home region', () => {
  assert.deepEqual(codes('日前，通州区石港镇召开会议。'), ['320612', '320612110'])
  assert.deepEqual(codes('日前，通州召开会议。', '3206'), ['320612'], '通州 in a Nantong paper is 南通市通州区')
  assert.deepEqual(codes('日前，通州召开会议。', '11'), ['110112'], 'and in a Beijing paper, Beijing’s')
})

test('ambiguous short names stay untagged and are reported when evidence ties', () => {
  const gazette = processText('标题\n\n城东召开会议。\n', '32')
  assert.deepEqual(gazette.items[0]!.places, [])
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
  const [place] = processText('标题\n\n日前，港闸区召开会议。\n', '3206').items[0]!.places
  assert.equal(place!.code, '320613')
  assert.equal(place!.name, '崇川区')
  assert.equal(place!.printedAs, '港闸区')
  assert.equal(processText('标题\n\n日前，崇川区召开会议。\n', '3206').items[0]!.places[0]!.printedAs, undefined)
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
  assert.equal(page.items[1]!.primaryPlace, '320685111', '白甸镇')
  assert.equal(page.items[8]!.primaryPlace, '320614103', '常乐镇')
  assert.equal(page.items[9]!.primaryPlace, '320685001', '孙庄街道 from the supplement')
  const province = processSample('004_189048a86de1eba6.txt')
  assert.deepEqual(
    province.items[8]!.places.map((place) => place.code),
    ['320312', '320312107'],
    '铜山区刘集镇'
  )
})

test('segmenter: clauses cut apart give the words of the whole text; separators are words of their own', () => {
  const {segmenter} = names() // taught the place names
  const separator = /^[ \t\n，。]$/u
  const piece = fc.constantFrom(
    ...'通州区石港镇南通人民西路海门街道社区建设推进长江大桥',
    ' ',
    '\t',
    '\n',
    '，',
    '。',
    '、',
    'a1',
    '\u3000'
  )
  fc.assert(
    fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
      const text = pieces.join('')
      const words = segmenter.cut(text)
      assert.ok(
        words.every((word) => separator.test(word) || !/[ \t\n，。]/u.test(word)),
        'a separator stands alone'
      )
      const clauses = clausesOf(text)
      assert.deepEqual(
        segmenter.cutClauses(clauses).flat(),
        words.filter((word) => !separator.test(word))
      )
      assert.deepEqual(
        segmenter.cutClauses(clauses),
        clauses.map((clause) => segmenter.cut(clause))
      )
    }),
    {numRuns: 500, seed: 3}
  )
})

test('name trie: says whether a name stands anywhere in a text, also at its very end, and with names of one character', () => {
  const trie = new NameTrie(['石港镇', '石港', '通州区'])
  assert.equal(trie.shortest, 2)
  assert.equal(trie.occursIn('在石港召开'), true)
  assert.equal(trie.occursIn('地处通州区'), true)
  assert.equal(trie.occursIn('石港'), true)
  assert.equal(trie.occursIn('港石'), false)
  assert.equal(trie.occursIn('石'), false)
  assert.equal(trie.occursIn(''), false)
  assert.equal(trie.occursIn('今天通州天气好'), false)
  const single = new NameTrie(['港', '通州区'])
  assert.equal(single.occursIn('海港'), true)
  assert.equal(single.occursIn('海'), false)
})

test('name trie: agrees with looking for every name in the text', () => {
  const alphabet = fc.constantFrom('石', '港', '镇', '通', '州', '区', 'a')
  const word = fc.array(alphabet, {minLength: 1, maxLength: 4}).map((chars) => chars.join(''))
  fc.assert(
    fc.property(fc.array(word, {minLength: 1, maxLength: 6}), fc.array(alphabet, {maxLength: 12}), (names, chars) => {
      const text = chars.join('')
      assert.equal(
        new NameTrie(names).occursIn(text),
        names.some((name) => text.includes(name))
      )
    })
  )
})

test('segmenter: words of one character are looked up in the dictionary too', () => {
  const segmenter = new Segmenter()
  segmenter.addWords(['淼', '淼淼湖'])
  assert.deepEqual(segmenter.dictionaryEntry('淼'), {frequency: 147, tag: 'nrfg'})
  const entry = segmenter.dictionaryEntry('淼淼湖')
  assert.equal(entry, undefined, 'a word the dictionary lacks is added, with no entry of its own')
  assert.deepEqual(segmenter.cut('淼淼湖'), ['淼淼湖'])
})
