import assert from 'node:assert/strict'
import {test} from 'node:test'
import {IndexBuilder, type SearchDoc} from '../../../src/site/search/build-index.js'
import {fragmentsPerFile, type BundleInfo, type Fragment, type IndexMeta} from '../../../src/site/search/format.js'
import {openIndex, type Filters, type Place} from '../../../src/site/search/query.js'

const doc = (url: string, text: string, options: Partial<Omit<SearchDoc, 'fragment'>> = {}): SearchDoc => ({
  fragment: {url, heading: options.heading?.[0] ?? url, date: null, printed: null, text},
  heading: [],
  text: [text],
  filters: [],
  ...options
})

const words = new Set([
  '乡村',
  '治理',
  '网格',
  '河道',
  '整治',
  '环境',
  '石港',
  '文明',
  '城市',
  '红色',
  '旅游',
  '红色旅游'
])
const places: Place[] = [
  {level: 'town', filter: '通州区石港镇', label: '通州区石港镇', names: ['石港镇', '石港', '通州区石港镇']},
  {level: 'district', filter: '南通市海门区', label: '南通市海门区', names: ['海门区', '海门', '南通市海门区']},
  {level: 'town', filter: '海门区海门街道', label: '海门区海门街道', names: ['海门街道', '海门', '海门区海门街道']}
]

/** An index of bundles held in memory, read through the query engine as the search page reads its files. */
function memoryIndex(bundles: Array<[name: string, year: string, docs: SearchDoc[]]>) {
  const builder = new IndexBuilder()
  const files = new Map<string, unknown>()
  const fragments = new Map<string, Fragment[]>()
  let first = 0
  const infos: BundleInfo[] = bundles.map(([name, year, docs]) => {
    docs.forEach((doc, number) => {
      builder.add(doc)
      const path = `s/${name}/${Math.floor(number / fragmentsPerFile)}.json`
      const file = [...(fragments.get(path) ?? []), doc.fragment]
      fragments.set(path, file)
      files.set(path, file)
    })
    first += docs.length
    return {name, year, segment: 0, first: first - docs.length, docs: docs.length, hash: ''}
  })
  const shards = builder.shards(words)
  shards.forEach((shard, number) => files.set(`s/t/${number}.json`, JSON.parse(JSON.stringify(shard))))
  const meta: IndexMeta = {
    docs: first,
    segments: [{folder: 's', shards: shards.length}],
    bundles: infos,
    counts: {district: {}, town: {}, year: {}}
  }
  const fetched: string[] = []
  const index = openIndex(meta, places, async (path) => {
    fetched.push(path)
    if (!files.has(path)) throw new Error(`no ${path}`)
    return files.get(path)
  })
  const urls = async (query: string, filters?: Filters) =>
    (await index.show((await index.search(query, filters)).hits)).map((fragment) => fragment.url)
  return {index, fetched, urls}
}

test('search: a query without spaces is cut into words, found in any order or apart; as typed first', async () => {
  const {index, urls} = memoryIndex([
    [
      '2024',
      '2024',
      [
        doc('apart', '乡村的基层治理。'),
        doc('reordered', '治理乡村。'),
        doc('typed', '乡村治理。'),
        doc('one-word', '乡村振兴。'),
        doc('other', '城市文明。')
      ]
    ]
  ])
  const found = await index.search('乡村治理')
  assert.deepEqual(found.words, ['乡村', '治理'])
  assert.deepEqual((await urls('乡村治理')).slice(0, 1), ['typed'])
  assert.deepEqual((await urls('乡村治理')).slice(1).sort(), ['apart', 'reordered'])
  assert.deepEqual((await urls('治理乡村')).slice(0, 1), ['reordered'])
  // Quotes ask for the phrase.
  assert.deepEqual(await urls('"乡村治理"'), ['typed'])
  assert.deepEqual(await urls('“治理乡村”'), ['reordered'])
  // A long word of the dictionary is searched as its words: 红色旅游 finds 红色…旅游.
  const {urls: tourism} = memoryIndex([['2024', '2024', [doc('a', '红色资源带动旅游。'), doc('b', '红色旅游。')]]])
  assert.deepEqual(await tourism('红色旅游'), ['b', 'a'])
  // Text that is no word but is in the archive is searched as typed, not character by character.
  const {urls: names} = memoryIndex([['2024', '2024', [doc('a', '河长制落实。'), doc('b', '河水长流，制度。')]]])
  assert.deepEqual(await names('河长制'), ['a'])
})

test('search: items holding every word come first, then those whose words weigh more than half the query', async () => {
  const common = Array.from({length: 8}, (_, number) => doc(`common-${number}`, '环境。'))
  const {index, urls} = memoryIndex([
    [
      '2024',
      '2024',
      [doc('both', '河道环境。'), doc('rare', '河道。'), ...common, doc('heading', '河道环境。', {heading: ['河道']})]
    ]
  ])
  const found = await index.search('河道环境')
  assert.equal(found.complete, 2)
  // A word in the heading weighs more; the rare word alone comes next, the common word alone not at all.
  assert.deepEqual(await urls('河道环境'), ['heading', 'both', 'rare'])
  // A word held often weighs more.
  const {urls: often} = memoryIndex([['2024', '2024', [doc('once', '网格。'), doc('often', '网格，网格，网格。')]]])
  assert.deepEqual(await often('网格'), ['often', 'once'])
})

test('search: place names read as filters, also inside a run; an ambiguous one searched as text, offered', async () => {
  const {index, urls} = memoryIndex([
    [
      '2024',
      '2024',
      [
        doc('tagged', '网格员巡查。', {filters: ['town:通州区石港镇']}),
        doc('named', '石港网格。'),
        doc('haimen', '海门网格。', {filters: ['district:南通市海门区']})
      ]
    ]
  ])
  assert.deepEqual(await urls('石港'), ['tagged'])
  assert.deepEqual(await urls('石港 网格'), ['tagged'])
  const run = await index.search('石港网格')
  assert.deepEqual([run.words, run.filters], [['网格'], {town: '通州区石港镇'}])
  const ambiguous = await index.search('海门')
  assert.deepEqual(
    ambiguous.ambiguous.map(({word, places: named}) => [word, named.map((place) => place.filter)]),
    [['海门', ['南通市海门区', '海门区海门街道']]]
  )
  assert.deepEqual(await urls('海门'), ['haimen'], 'searched as text')
  // A filter chosen in the form wins over a place read from the query.
  assert.deepEqual(await urls('石港 网格', {town: '其他镇'}), [])
})

test('search: years narrow to their bundles; filters alone list their items, newest first', async () => {
  const {urls} = memoryIndex([
    ['2024-03', '2024', [doc('new-0', '网格'), doc('new-1', '网格', {filters: ['town:通州区石港镇']})]],
    ['2023', '2023', [doc('old-0', '网格', {filters: ['town:通州区石港镇']}), doc('old-1', '城市')]]
  ])
  assert.deepEqual(await urls('网格'), ['new-0', 'new-1', 'old-0'])
  assert.deepEqual(await urls('网格', {year: '2023'}), ['old-0'])
  assert.deepEqual(await urls('', {town: '通州区石港镇'}), ['new-1', 'old-0'])
  assert.deepEqual(await urls('', {year: '2023'}), ['old-0', 'old-1'])
  assert.deepEqual(await urls(''), [], 'nothing asked, nothing listed')
})

test('search: a query that finds nothing suggests itself without its rarest word, or without its place', async () => {
  const {index} = memoryIndex([
    ['2024', '2024', [doc('a', '网格巡查。', {filters: ['town:通州区石港镇']}), doc('b', '城市文明。')]]
  ])
  // 文物 is in no item: the items with 网格 alone hold less than half of what the query weighs.
  const none = await index.search('网格文物')
  assert.deepEqual([none.words, none.hits, none.suggestions], [['网格', '文物'], [], ['网格']])
  const inPlace = await index.search('石港 城市')
  assert.deepEqual(inPlace.suggestions, ['城市', '石港镇'])
})

test('search: a lone character and the start of a word of letters match; an object property is no token', async () => {
  const others = Array.from({length: fragmentsPerFile}, (_, number) => doc(`other-${number}`, '文明。'))
  const {urls, fetched} = memoryIndex([['2024', '2024', [...others, doc('a', 'COVID-19疫情。'), doc('b', '港口。')]]])
  assert.deepEqual(await urls('cov'), ['a'])
  assert.deepEqual(await urls('港'), ['b'])
  assert.deepEqual(await urls('constructor'), [])
  assert.ok(fetched.includes('s/2024/1.json') && !fetched.includes('s/2024/0.json'), 'fragments of the hits only')
})
