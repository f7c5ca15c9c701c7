import {
  decodeSet,
  fragmentsPerFile,
  isEntry,
  isFragment,
  isList,
  isTable,
  shardOf,
  type BundleInfo,
  type Fragment,
  type IndexMeta
} from './format.js'
import {characters, normalise, pairs, textRuns} from './tokens.js'

/*
 * The search page's query engine (this module is copied into the site as it
 * is compiled). A query is cut into words: typed apart, or cut by the
 * dictionary words and place names the index carries for the character
 * pairs the query holds. An item matches a word when it holds all its
 * pairs. Items that hold every word come first, then those that hold most
 * of them; among them, a word in the heading, a word the item holds often,
 * a rare word and the query found as typed weigh more. Place names read as
 * filters: `石港` lists the items tagged 石港镇, not every page with 石 and
 * 港 in it. It fetches only the shards its tokens live in, and a fragment
 * of each result it shows.
 */

/** Fetch and parse a JSON file of the index, by its path inside `search-index/`. */
export type Load = (path: string) => Promise<unknown>

/** A district or town of the archive under the names a reader may type (`data/places.json`). */
export interface Place {
  level: 'district' | 'town'
  /** Its search filter without the level: `南通市通州区`, `通州区石港镇`. */
  filter: string
  label: string
  names: string[]
}

/** Filters of the search form (a type, not an interface: `Object.entries` then knows its values are strings). */
export type Filters = {
  year?: string
  district?: string
  town?: string
}

/** An item found: its number in the index, the words it holds and its score. */
export interface Hit {
  doc: number
  matched: number
  score: number
}

export interface Found {
  /** The words searched for, as cut (each a phrase when quoted). */
  words: string[]
  /** The filters in force: those chosen and those read from place names in the query. */
  filters: Filters
  /** Words that name several places: searched as text, each place offered as a filter. */
  ambiguous: Array<{word: string; places: Place[]}>
  /** Best first: those holding every word, then (`partial`) those holding most of them. */
  hits: Hit[]
  /** How many hits hold every word. */
  complete: number
  /** With no hit: queries that would find some, for the reader to try. */
  suggestions: string[]
}

interface Word {
  text: string
  /** The tokens an item must hold: pairs of Han characters, a character, or a word of other letters. */
  tokens: string[]
}

/** A query word as typed: the text searched for, and the run it was cut from (for the as-typed bonus). */
interface Typed {
  words: Word[]
  /** The Han run, when it was cut into two words or more. */
  run: string | null
}

/*
 * What a piece of a cut costs: a word of two or three characters least; a
 * longer word more than two (`红色旅游` is searched as 红色 and 旅游, which
 * may stand apart, and found as typed ranks first); text that is no word
 * but occurs in the archive (a name, `河长制`) more, by its length; a
 * single character most.
 */
const wordCost = 1
const longWordCost = 2.5
const phraseCost = (length: number) => 1.5 * length
const charCost = 4

export function openIndex(meta: IndexMeta, places: readonly Place[], load: Load) {
  const files = new Map<string, Promise<unknown>>()
  const get = (path: string) => {
    let file = files.get(path)
    if (!file) files.set(path, (file = load(path)))
    return file
  }
  const numbers = numbering(meta)
  /** What the segments hold of a token, its items by their numbers across the index; undefined when none has it. */
  const lookUp = async (token: string): Promise<Token | undefined> => {
    const found = await Promise.all(
      meta.segments.map(async (segment, at) => {
        const path = `${segment.folder}/t/${shardOf(token, segment.shards)}.json`
        const shard = await get(path)
        if (!isTable(shard)) throw new Error(`${path}: not a table of tokens`)
        if (!Object.hasOwn(shard, token)) return undefined
        const entry = shard[token]
        if (!isEntry(entry)) throw new Error(`${path}: no index entry for ${token}`)
        return {entry, at}
      })
    )
    const held = found.filter((part) => part !== undefined)
    if (held.length === 0) return undefined
    const set = (part: 0 | 1 | 2) => new Set(held.flatMap(({entry, at}) => numbers(at, decodeSet(entry[part]))))
    return {
      word: held.some(({entry}) => entry[3] === 1),
      longer: held.flatMap(({entry}) => entry[4] ?? []),
      all: set(0),
      heading: set(1),
      often: set(2)
    }
  }
  const tokens = new Map<string, Promise<Token | undefined>>()
  const entry = (token: string) => {
    let found = tokens.get(token)
    if (!found) tokens.set(token, (found = lookUp(token)))
    return found
  }
  const setsOf = async (token: string): Promise<Sets> => (await entry(token)) ?? none
  const listed = startsOf(meta.bundles)
  const byName = new Map<string, Place[]>()
  for (const place of places) for (const name of place.names) byName.set(name, [...(byName.get(name) ?? []), place])

  /** A Han run cut into words: fewest and most word-like pieces (see the costs). */
  async function cut(run: string): Promise<Word[]> {
    const chars = characters(run)
    if (chars.length <= 2) return [word(run)]
    const entries = await Promise.all(pairs(run).map(entry))
    const isWord = (start: number, end: number) => {
      const text = chars.slice(start, end).join('')
      if (byName.has(text)) return true
      const first = entries[start]
      return end - start === 2 ? first?.word === true : (first?.longer.includes(text) ?? false)
    }
    const inIndex = (start: number, end: number) => entries.slice(start, end - 1).every(Boolean)
    // Cheapest cut of the first `end` characters (`best[end]`): its cost, where its last piece starts, and the
    // cut of the characters before that piece (none for the empty cut).
    const none: Cut = {cost: 0, from: 0, before: null}
    const best = [none]
    let last = none
    for (let end = 1; end <= chars.length; end++) {
      let cheapest: Cut = {cost: last.cost + charCost, from: end - 1, before: last}
      for (const [start, before] of best.entries()) {
        if (start === end - 1) break
        const length = end - start
        const cost = isWord(start, end)
          ? length > 3
            ? longWordCost
            : wordCost
          : inIndex(start, end)
            ? phraseCost(length)
            : undefined
        if (cost !== undefined && before.cost + cost < cheapest.cost)
          cheapest = {cost: before.cost + cost, from: start, before}
      }
      best.push(cheapest)
      last = cheapest
    }
    const pieces: string[] = []
    for (let cut = last, end = chars.length; cut.before; end = cut.from, cut = cut.before)
      pieces.unshift(chars.slice(cut.from, end).join(''))
    // Single characters side by side, one of them in no item, are a word the archive lacks (`文物`): one word,
    // not a character that is everywhere and one that is nowhere. Both in items, they may be a word reordered (桑蚕).
    const absent = await Promise.all(
      pieces.map(async (piece) => characters(piece).length === 1 && !(await entry(piece)))
    )
    const merged: string[] = []
    const single = (piece: string) => characters(piece).length === 1
    pieces.forEach((piece, index) => {
      const previous = pieces[index - 1]
      if (previous !== undefined && single(piece) && single(previous) && (absent[index] || absent[index - 1]))
        merged[merged.length - 1] += piece
      else merged.push(piece)
    })
    return merged.map((piece) => word(piece))
  }

  /** The query's words and filters. */
  async function read(query: string, chosen: Filters) {
    const filters: Filters = {...chosen}
    const ambiguous: Found['ambiguous'] = []
    const typed: Typed[] = []
    const phrases = [...query.matchAll(/["“”「」『』]([^"“”「」『』]+)["“”「」『』]/gu)]
    for (const [quoted] of phrases) {
      // Between the quotes, each one code unit: the group the pattern captures.
      const phrase = quoted.slice(1, -1)
      const tokens = textRuns(phrase).flatMap((run) => word(run.text, run.han).tokens)
      if (tokens.length > 0) typed.push({words: [{text: normalise(phrase).trim(), tokens}], run: null})
    }
    const rest = query.replace(/["“”「」『』][^"“”「」『』]+["“”「」『』]/gu, ' ')
    const asPlace = (text: string, whole: boolean) => {
      const named = byName.get(text)
      const place = named?.[0]
      if (!named || !place) return false
      if (named.length > 1) {
        if (whole) ambiguous.push({word: text, places: named})
        return false
      }
      if (filters[place.level] && filters[place.level] !== place.filter) return false
      filters[place.level] = place.filter
      return true
    }
    for (const text of rest.split(/\s+/u).filter(Boolean)) {
      if (asPlace(text, true)) continue
      for (const run of textRuns(text)) {
        if (!run.han) {
          typed.push({words: [word(run.text, false)], run: null})
          continue
        }
        const words = (await cut(run.text)).filter((piece) => !asPlace(piece.text, false))
        if (words.length > 0) typed.push({words, run: words.length > 1 ? run.text : null})
      }
    }
    return {filters, ambiguous, typed}
  }

  /** The items allowed by the filters, as a test, or undefined for all. */
  async function allowed(filters: Filters): Promise<((doc: number) => boolean) | undefined> {
    const tests: Array<(doc: number) => boolean> = []
    if (filters.year) {
      const ranges = listed.filter(({bundle}) => bundle.year === filters.year)
      tests.push((doc) => ranges.some(({start, bundle}) => doc >= start && doc < start + bundle.docs))
    }
    for (const level of ['district', 'town'] as const) {
      if (!filters[level]) continue
      const {all} = await setsOf(`@${level}:${filters[level]}`)
      tests.push((doc) => all.has(doc))
    }
    return tests.length > 0 ? (doc) => tests.every((test) => test(doc)) : undefined
  }

  /** The items holding a word: all of it, in a heading, often. */
  async function wordSets(word: Word): Promise<Sets> {
    const lists = await Promise.all(word.tokens.map(setsOf))
    return {
      all: intersect(lists.map((list) => list.all)),
      heading: intersect(lists.map((list) => list.heading)),
      often: intersect(lists.map((list) => list.often))
    }
  }

  return {
    meta,
    /** The items that match `query` under `chosen`, best first (newest first among equals). */
    async search(query: string, chosen: Filters = {}): Promise<Found> {
      const {filters, ambiguous, typed} = await read(query, chosen)
      const words = typed.flatMap((part) => part.words)
      const filter = await allowed(filters)
      const found: Found = {
        words: words.map((word) => word.text),
        filters,
        ambiguous,
        hits: [],
        complete: 0,
        suggestions: []
      }
      if (words.length === 0) {
        if (!filter) return found
        for (let doc = 0; doc < meta.docs; doc++) if (filter(doc)) found.hits.push({doc, matched: 0, score: 0})
        found.complete = found.hits.length
        return found
      }
      const lists = await Promise.all(words.map(wordSets))
      const asTyped = await Promise.all(
        typed.map(async (part) => (part.run ? (await wordSets(word(part.run))).all : undefined))
      )
      // A word weighs the more the fewer items hold it.
      const weighed = lists.map((list) => ({list, weight: Math.log(1 + meta.docs / Math.max(1, list.all.size))}))
      const scores = new Map<number, Hit & {weight: number; asTyped: boolean}>()
      for (const {list, weight} of weighed) {
        for (const doc of list.all) {
          if (filter && !filter(doc)) continue
          const hit = scores.get(doc) ?? {doc, matched: 0, score: 0, weight: 0, asTyped: false}
          hit.matched++
          hit.weight += weight
          hit.score += weight * (1 + (list.often.has(doc) ? 1 : 0) + (list.heading.has(doc) ? 2 : 0))
          scores.set(doc, hit)
        }
      }
      for (const docs of asTyped) {
        for (const doc of docs ?? []) {
          const hit = scores.get(doc)
          if (hit) hit.asTyped = true
        }
      }
      // Partial matches: items holding words that weigh more than half the query.
      const half = weighed.reduce((sum, {weight}) => sum + weight, 0) / 2
      found.hits = [...scores.values()]
        .filter((hit) => hit.matched === words.length || (words.length > 1 && hit.weight > half))
        .sort(
          (a, b) => b.matched - a.matched || Number(b.asTyped) - Number(a.asTyped) || b.score - a.score || a.doc - b.doc
        )
        .map(({doc, matched, score}) => ({doc, matched, score}))
      found.complete = found.hits.filter((hit) => hit.matched === words.length).length
      if (found.hits.length === 0) found.suggestions = suggest(query, words, lists, filters, chosen, places)
      return found
    },
    /** What the search page shows of each hit. */
    async show(hits: readonly Pick<Hit, 'doc'>[]): Promise<Fragment[]> {
      return Promise.all(
        hits.map(async ({doc}) => {
          const {path, at, prefix} = fragmentPlace(meta, listed, doc)
          const file = await get(path)
          const fragment = isList(file) ? file[at] : undefined
          if (!isFragment(fragment)) throw new Error(`${path}: no fragment of item ${doc}`)
          return prefix ? {...fragment, url: prefix + fragment.url} : fragment
        })
      )
    }
  }
}

export type SearchIndex = ReturnType<typeof openIndex>

/** The tokens of a word: its pairs, or itself when it is a single character or a word of other letters. */
function word(text: string, han = true): Word {
  const chars = characters(text)
  return {text, tokens: han && chars.length > 1 ? pairs(text) : [text]}
}

/** A cut of a query's first characters into pieces (see `cut`). */
interface Cut {
  cost: number
  from: number
  before: Cut | null
}

interface Sets {
  all: Set<number>
  heading: Set<number>
  often: Set<number>
}

const none: Sets = {all: new Set(), heading: new Set(), often: new Set()}

/** A token as the segments hold it: a word of the dictionary, when a pair; the longer words it begins; its items. */
interface Token extends Sets {
  word: boolean
  longer: string[]
}

/** Each listed bundle with the number of its first item across the index. */
function startsOf(bundles: readonly BundleInfo[]): Array<{start: number; bundle: BundleInfo}> {
  let start = 0
  return bundles.map((bundle) => ({start: (start += bundle.docs) - bundle.docs, bundle}))
}

/**
 * Items' numbers across the index from their numbers in a segment, by the
 * bundles listed; the items of a bundle no longer listed (the delta holds
 * it anew) are left out.
 */
function numbering(meta: IndexMeta): (segment: number, docs: readonly number[]) => number[] {
  const ranges = meta.segments.map((): Array<{first: number; end: number; start: number}> => [])
  for (const {start, bundle} of startsOf(meta.bundles))
    ranges[bundle.segment]?.push({first: bundle.first, end: bundle.first + bundle.docs, start})
  for (const list of ranges) list.sort((a, b) => a.first - b.first)
  return (segment, docs) => {
    const list = ranges[segment] ?? []
    const numbers: number[] = []
    // `docs` ascend: one walk along the ranges.
    let at = 0
    for (const doc of docs) {
      while (at < list.length && (list[at]?.end ?? 0) <= doc) at++
      const range = list[at]
      if (range && doc >= range.first) numbers.push(range.start + doc - range.first)
    }
    return numbers
  }
}

function intersect(sets: Array<Set<number>>): Set<number> {
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size)
  if (!smallest) return new Set()
  return new Set([...smallest].filter((doc) => others.every((set) => set.has(doc))))
}

/** Where a hit's fragment is: the file of its bundle that holds it, and its place in the file. */
function fragmentPlace(
  meta: IndexMeta,
  listed: ReadonlyArray<{start: number; bundle: BundleInfo}>,
  doc: number
): {path: string; at: number; prefix: string | undefined} {
  const found = listed.find(({start, bundle}) => doc >= start && doc < start + bundle.docs)
  const segment = found && meta.segments[found.bundle.segment]
  if (!found || !segment) throw new Error(`no item ${doc} in the index`)
  // Fragments are filed by the item's place in its bundle.
  const number = doc - found.start
  const file = Math.floor(number / fragmentsPerFile)
  const path = `${segment.folder}/${found.bundle.name}/${file}.json`
  return {path, at: number % fragmentsPerFile, prefix: segment.prefix}
}

/**
 * Queries to try when one finds nothing: without its rarest word (the one
 * fewest items hold, often none), or without the place or year it was
 * narrowed to, or its place names alone.
 */
function suggest(
  query: string,
  words: readonly Word[],
  lists: readonly Sets[],
  filters: Filters,
  chosen: Filters,
  places: readonly Place[]
): string[] {
  const suggestions: string[] = []
  const placeNames = (['district', 'town'] as const)
    .filter((level) => filters[level] && !chosen[level])
    .map((level) => places.find((place) => place.level === level && place.filter === filters[level])?.names[0])
    .filter((name): name is string => name !== undefined)
  if (words.length > 1) {
    // The first of the fewest.
    let rarest = 0
    let fewest = Infinity
    for (const [index, list] of lists.entries()) {
      if (list.all.size < fewest) {
        rarest = index
        fewest = list.all.size
      }
    }
    suggestions.push(
      [...placeNames, ...words.filter((_, index) => index !== rarest).map((word) => word.text)].join(' ')
    )
  }
  if (placeNames.length > 0) {
    suggestions.push(words.map((word) => word.text).join(' '))
    suggestions.push(placeNames.join(' '))
  }
  return [...new Set(suggestions)].filter((text) => text && normalise(text) !== normalise(query))
}
