import assert from 'node:assert/strict'
import {readdirSync} from 'node:fs'
import {test} from 'node:test'
import {tagInPaperContext} from '../../src/pipeline/paper-context.js'
import {paperRegions} from '../../src/tag/home-region.js'
import {processText} from '../helpers/samples.js'
import {names} from '../helpers/stages.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

// Pages of one paper, written for the test: three name 句容市 in two items each; the last names only 茅山.
const front = (paper: string) => `---\npaper: ${paper}\n---\n`
const countyPage = (paper: string, topic: string) =>
  `${front(paper)}句容市${topic}\n\n本报讯 日前，句容市${topic}。\n\n\n句容市再${topic}\n\n本报讯 句容市又一次${topic}。\n`
const pages = (paper: string) => [
  ...['召开会议', '开展整治', '举办培训'].map((topic, index) =>
    processText(countyPage(paper, topic), null, `${paper}-${index}.txt`)
  ),
  processText(`${front(paper)}道教文化节开幕\n\n日前，茅山举办道教文化节，游客纷至沓来。\n`, null, `${paper}-3.txt`)
]

test('paper regions: the home most of a paper’s pages read from their own names', () => {
  const gazettes = pages('句容日报')
  assert.deepEqual(
    gazettes.map((gazette) => gazette.home),
    [...Array(3).fill({region: '321183', from: 'page'}), null]
  )
  assert.deepEqual(paperRegions(gazettes), new Map([['句容日报', '321183']]))
})

test('a page with too few names of its own is read in its paper’s home, and cached so', async (t) => {
  const gazettes = pages('句容日报')
  assert.deepEqual(must(must(gazettes[3]).items[0]).places, [], 'alone, 茅山 may be a mountain anywhere')
  const cache = tempDir(t, 'paper')
  const keys = new Map(gazettes.map((gazette, index) => [gazette.source, `key${index}`]))
  const first = await tagInPaperContext(gazettes, keys, cache, async () => names())
  const page = must(first.gazettes[3])
  assert.deepEqual(
    must(page.items[0]).places.map((place) => place.code),
    ['321183', '321183105'],
    '茅山镇 of 句容市'
  )
  assert.deepEqual(page.home, {region: '321183', from: 'paper'})
  assert.equal(first.entries.length, 1)
  assert.equal(first.keys.get(page.source), first.entries[0])
  assert.equal(first.keys.get(must(gazettes[0]).source), 'key0', 'a page with a home of its own keeps its key')
  assert.deepEqual(readdirSync(cache), [`${first.entries[0]}.v8`])
  const again = await tagInPaperContext(gazettes, keys, cache, async () => names())
  assert.deepEqual(again.gazettes[3], page, 'read back from the cache')
  const other = await tagInPaperContext(pages('别的报'), keys, undefined, async () => names())
  assert.deepEqual(must(must(other.gazettes[3]).items[0]).places.length, 2, 'without a cache too')
})

test('pages without a paper, or whose paper has no home, are left as they are', async () => {
  const lone = processText(`道教文化节开幕\n\n日前，茅山举办道教文化节。\n`, null, 'lone.txt')
  const {gazettes, entries} = await tagInPaperContext([lone], new Map(), undefined, async () => names())
  assert.equal(gazettes[0], lone)
  assert.deepEqual(entries, [])
})
