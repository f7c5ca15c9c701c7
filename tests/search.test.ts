import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import fc from 'fast-check'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {decodePostings, docsPerFile, encodePostings, type BundleInfo} from '../src/site/search/format.js'
import {indexBundle, type SearchDoc} from '../src/site/search/index-bundle.js'
import {openIndex} from '../src/site/search/query.js'
import {countTokens, queryParts, shardOf, tokenText, type TokenKey} from '../src/site/search/tokens.js'
import {indexForSearch, searchFolder} from '../src/site/search/write-index.js'
import {assertSameFiles, samplesDir} from './helpers.js'

function tokens(text: string, weight?: number): Record<string, number> {
  const counts = new Map<TokenKey, number>()
  countTokens(text, counts, weight)
  return Object.fromEntries([...counts].map(([key, count]) => [tokenText(key), count]))
}

test('search tokens: Han runs as overlapping pairs, other runs as lower-case words, full width folded', () => {
  assert.deepEqual(tokens('石港镇，网格。'), {石港: 1, 港镇: 1, 网格: 1})
  assert.deepEqual(tokens('港'), {港: 1})
  assert.deepEqual(tokens('ＧＤＰ增长５G，gdp'), {gdp: 2, 增长: 1, '5g': 1})
  assert.deepEqual(tokens('网格网格', 5), {网格: 10, 格网: 5})
  // A character outside the Basic Multilingual Plane is one character, not two halves.
  assert.deepEqual(tokens('𠀀港'), {'𠀀港': 1})
})

test('search tokens: a query asks for every pair of a Han run; a lone character or a word is a prefix', () => {
  assert.deepEqual(queryParts('石港镇 网格'), [
    {tokens: ['石港', '港镇'], prefix: false},
    {tokens: ['网格'], prefix: false}
  ])
  assert.deepEqual(queryParts('港 Covid'), [
    {tokens: ['港'], prefix: true},
    {tokens: ['covid'], prefix: true}
  ])
  assert.deepEqual(queryParts('，。'), [])
})

test('search tokens: the indexer counts the tokens a query of the same text asks for', () => {
  const text = fc.string({
    unit: fc.constantFrom('石', '港', '镇', '网', '格', '〇', '𠀀', 'Ａ', 'b', '5', '，', ' ', '\u0301'),
    maxLength: 12
  })
  fc.assert(
    fc.property(text, (text) => {
      const asked = new Map<string, number>()
      for (const token of queryParts(text).flatMap((part) => part.tokens)) asked.set(token, (asked.get(token) ?? 0) + 1)
      assert.deepEqual(tokens(text), Object.fromEntries(asked))
    }),
    {numRuns: 1000}
  )
})

test('search tokens: a token’s shard depends on its first character only and is in range', () => {
  fc.assert(
    fc.property(fc.string({minLength: 1}), fc.string(), fc.integer({min: 1, max: 500}), (head, tail, shards) => {
      const shard = shardOf(head + tail, shards)
      assert.ok(Number.isInteger(shard) && shard >= 0 && shard < shards)
      assert.equal(shard, shardOf(String.fromCodePoint(head.codePointAt(0)!), shards))
    })
  )
})

test('search postings: encoding round-trips ascending item numbers and weights', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat({max: 100_000})), fc.nat({max: 50}), (docs, salt) => {
      const postings = docs.sort((a, b) => a - b).map((doc) => [doc, ((doc + salt) % 7) + 1] as [number, number])
      assert.deepEqual([...decodePostings(encodePostings(postings.flat()))], postings)
    })
  )
  assert.equal(decodePostings('').size, 0)
})

/** An index of bundles held in memory, read through the query engine as the search page reads files. */
function memoryIndex(bundles: Array<[name: string, year: string, docs: SearchDoc[]]>) {
  const files = new Map<string, unknown>()
  const infos: BundleInfo[] = bundles.map(([name, year, docs]) => {
    const {shards, files: written} = indexBundle(docs)
    for (const [path, value] of written) files.set(`${name}/${path}`, JSON.parse(JSON.stringify(value)))
    return {name, year, docs: docs.length, shards}
  })
  const fetched: string[] = []
  const index = openIndex(infos, async (path) => {
    fetched.push(path)
    if (!files.has(path)) throw new Error(`no ${path}`)
    return files.get(path)
  })
  return {index, fetched}
}

const doc = (url: string, text: string, options: Partial<SearchDoc> = {}): SearchDoc => ({
  row: [url, url, null, null],
  heading: [],
  text: [text],
  filters: [],
  ...options
})

test('search: an item matches when it holds every part of the query; more and more prominent occurrences rank first', async () => {
  const {index} = memoryIndex([
    [
      '2024',
      '2024',
      [
        doc('a', '石港镇开展网格治理。'),
        doc('b', '石港的网格，镇上。'),
        doc('c', '网格网格网格，石港镇。'),
        doc('d', '石港镇。', {heading: ['网格员']}),
        doc('e', '如东县新闻。')
      ]
    ]
  ])
  const urls = async (query: string) => (await index.show(await index.search(query))).map((shown) => shown.url)
  // 石港镇 needs 石港 and 港镇: b has 石港 but not 港镇.
  assert.deepEqual(await urls('石港镇 网格'), ['d', 'c', 'a'])
  assert.deepEqual(await urls('网格'), ['d', 'c', 'a', 'b'])
  // A lone character matches every pair it begins, and itself.
  assert.deepEqual((await urls('镇')).sort(), ['a', 'b'])
  assert.deepEqual(await urls('如东县'), ['e'])
  assert.deepEqual(await urls('海安'), [])
  assert.deepEqual(await urls('constructor'), [], 'a word that names an object property is not found in every shard')
})

test('search: filters narrow by place and by year; equal scores list the newest bundle and item first; rows are read from the file that holds them', async () => {
  const many = Array.from({length: docsPerFile + 5}, (_, number) =>
    doc(`old-${number}`, number % 2 ? '通州区网格' : '通州区', {filters: number % 3 ? [] : ['town:通州区石港镇']})
  )
  const {index, fetched} = memoryIndex([
    ['2024-03', '2024', [doc('new-0', '通州区网格'), doc('new-1', '网格', {filters: ['town:通州区石港镇']})]],
    ['2023', '2023', many]
  ])
  const hits = await index.search('网格')
  assert.equal(hits.length, 2 + Math.floor(many.length / 2))
  const shown = await index.show(hits)
  assert.deepEqual(
    shown.slice(0, 4).map((row) => row.url),
    ['new-0', 'new-1', 'old-1', 'old-3']
  )
  assert.equal(shown.at(-1)!.url, `old-${many.length - 2}`)
  assert.ok(fetched.includes('2023/docs/1.json'), 'items past the first hundred come from the second list file')

  const inTown = await index.show(await index.search('网格', {places: ['town:通州区石港镇']}))
  assert.deepEqual(
    inTown.map((row) => row.url),
    [
      'new-1',
      'old-3',
      'old-9',
      'old-15',
      'old-21',
      'old-27',
      'old-33',
      'old-39',
      'old-45',
      'old-51',
      'old-57',
      'old-63',
      'old-69',
      'old-75',
      'old-81',
      'old-87',
      'old-93',
      'old-99'
    ]
  )
  assert.deepEqual(
    (await index.show(await index.search('网格', {year: '2024'}))).map((row) => row.url),
    ['new-0', 'new-1']
  )
  // Filters alone list every item they hold; a year alone lists its bundles.
  assert.equal((await index.search('', {places: ['town:通州区石港镇']})).length, 1 + Math.ceil(many.length / 3))
  assert.equal((await index.search('', {year: '2023'})).length, many.length)
  assert.deepEqual(await index.search('网格', {places: ['town:不存在']}), [])
})

test('search: the index written in a worker thread is the one written in turn, and a rebuild keeps the bundles it does not re-index', async (t) => {
  const {archive} = await buildArchiveFromFolder({input: samplesDir})
  const work = mkdtempSync(join(tmpdir(), 'search-index-'))
  t.after(() => rmSync(work, {recursive: true, force: true}))
  const [inTurn, inThread, kept] = ['in-turn', 'in-thread', 'kept'].map((name) => join(work, name)) as [
    string,
    string,
    string
  ]
  // Dated, so that there are several bundles.
  const items = archive.items.map((item, index) => ({
    ...item,
    metadata: {...item.metadata, date: `202${index % 3}-0${(index % 2) + 1}-01`}
  }))
  const all = await indexForSearch(inTurn, items, {thread: false})
  assert.ok(all.bundles.length > 2)
  assert.deepEqual(all.indexed, all.bundles)
  await indexForSearch(inThread, items, {thread: true})
  assertSameFiles(inThread, inTurn)
  const rebuilt = await indexForSearch(kept, items, {only: new Set([all.bundles[0]!]), previous: inTurn})
  assert.deepEqual(rebuilt.indexed, [all.bundles[0]])
  assert.deepEqual(
    readFileSync(join(kept, searchFolder, 'bundles.json'), 'utf8'),
    readFileSync(join(inTurn, searchFolder, 'bundles.json'), 'utf8')
  )
})
