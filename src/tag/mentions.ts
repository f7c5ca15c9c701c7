import {clausesOf, Segmenter} from '../text/segmenter.js'
import {required} from '../util/required.js'
import {NameTrie} from './name-trie.js'
import {loadGazetteer, type Gazetteer, type NameEntry} from './gazetteer.js'

/** A place name as printed in an item. */
export interface Mention {
  /** The printed form, e.g. `石港镇`, `通州`. */
  text: string
  candidates: NameEntry[]
  /** Which part of the item: 0 headline and first paragraph, 1 the rest. */
  prominent: boolean
  /** The mention printed just before this one, with nothing between (`通州区` in `通州区石港镇`). */
  previous: Mention | undefined
  /**
   * Named as a neighbour (`与某县接壤`), an origin (`来自某镇的`), a former name (`旧称某州`) or
   * inside the title of a work (`《某县赋》`), which the item is not about.
   */
  aside: 'neighbour' | 'origin' | 'former' | 'work' | null
}

// What a place was once called is history, not the town of that name today.
const formerly = new Set([
  '旧称',
  '古称',
  '原称',
  '旧名',
  '古名',
  '曾名',
  '原名',
  '又称',
  '别称',
  '素称',
  '旧时称',
  '史称'
])

// A clause that names neighbours, or places set beside another: `东南与A市、B县接壤`, `与某县并称`.
const neighbourVerb = /(?:接壤|毗邻|交界|相邻|相连|为邻|比邻|相望|紧邻|邻近|并称|齐名|媲美|比肩)/u
const neighbourWith = new Set(['与', '同', '和', '跟'])

// What follows a name when it names something else: a road, a river, a
// mountain, a school (`人民西路`, `洪泽湖`, `狼山`…).
const notAPlaceAfter = new RegExp(
  '^(?:' +
    [
      '上游|中游|下游|流域|沿岸|两岸|湖|河|江|溪|塘|荡|山|岛|洲',
      '路|大道|大街|街|巷|桥|闸|公园|广场|水库|湿地|机场|车站|站|码头',
      '第[一二三四五六七八九十\\d]+(?:中学|小学|中心小学|幼儿园|人民医院|医院)',
      '中学|小学|大学|学院|医院|宾馆|酒店|饭店|大厦|商场|风景区|景区|集团|公司|有限',
      '村|[一二三四五六七八九十\\d]+组|社区|小区|居委会'
    ].join('|') +
    ')',
  'u'
)

// Rivers, lakes, seas and mountains whose names are also the short name of a
// town somewhere (长江镇, 太湖镇…): printed short, they mean the feature.
const naturalFeatures = new Set([
  '长江',
  '黄河',
  '淮河',
  '珠江',
  '汉江',
  '太湖',
  '巢湖',
  '骆马湖',
  '黄海',
  '东海',
  '南海',
  '渤海',
  '泰山',
  '黄山',
  '华山',
  '大运河'
])

/**
 * The gazetteer's names as the segmenter reads them: what finding mentions
 * needs, made once per process (a second: the dictionary learns every name).
 */
export interface PlaceNames {
  gazetteer: Gazetteer
  /** The segmenter, taught every name of the gazetteer. */
  segmenter: Segmenter
  /** The names that can make a mention, with the divisions each may mean. */
  candidates: Map<string, NameEntry[]>
  trie: NameTrie
}

/** The whole country's names and a segmenter that knows them. */
export function loadPlaceNames(): PlaceNames {
  return placeNames(loadGazetteer(), new Segmenter())
}

/**
 * Every name but those that can never make a mention: an everyday word or
 * a natural feature counts only as a full name, so `幸福` (幸福街道) or
 * `长江` (长江镇), printed alone, names nothing. Clauses holding only such
 * words need not be cut (a fifth of the text). A county's short form that
 * is an everyday word (`石狮`) stays, marked: it names the county only in
 * that county's own paper (see `resolve`).
 */
export function placeNames(gazetteer: Gazetteer, segmenter: Segmenter): PlaceNames {
  segmenter.addWords(gazetteer.names.keys())
  /**
   * Short names that are everyday words (`幸福`, `发展`, `先锋`, `文化`) in the
   * segmenter's own dictionary: frequent there, and not tagged as place names.
   * Printed short, they mean the word; only the full name (`幸福街道`) counts.
   */
  const isOrdinaryWord = (word: string) => {
    const entry = segmenter.dictionaryEntry(word)
    return entry !== undefined && entry.frequency >= 200 && !entry.tag.startsWith('ns')
  }
  const candidates = new Map<string, NameEntry[]>()
  for (const [name, all] of gazetteer.names) {
    const ordinary = isOrdinaryWord(name)
    const some =
      ordinary || naturalFeatures.has(name)
        ? all.flatMap((entry): NameEntry[] =>
            entry.full ? [entry] : ordinary && entry.code.length === 6 ? [{...entry, everyday: true}] : []
          )
        : all
    if (some.length > 0) candidates.set(name, some)
  }
  return {gazetteer, segmenter, candidates, trie: new NameTrie(candidates.keys())}
}

/**
 * Find place names in text. A name counts only as a whole word of the
 * segmenter (so 五星 in 五星红旗 does not), and not when the next word makes
 * it a road, a river, a mountain or an institution.
 */
export function findMentions(texts: Array<{text: string; prominent: boolean}>, names: PlaceNames): Mention[] {
  const {candidates: named, trie} = names
  // The segmenter cuts each clause on its own, so only clauses holding one
  // of these names as a string need cutting: under half the text. A name
  // read as a mention is a word of its clause; the word before it (for
  // `previous`) and the two after it (for `notAPlaceAfter`, which starts
  // with no separator) matter only within the clause.
  const clauses: Array<{clause: string; prominent: boolean}> = []
  for (const {text, prominent} of texts) {
    for (const clause of clausesOf(text)) if (trie.occursIn(clause)) clauses.push({clause, prominent})
  }
  const wordsOf = names.segmenter.cutClauses(clauses.map(({clause}) => clause))
  const mentions: Mention[] = []
  for (const [position, {clause, prominent}] of clauses.entries()) {
    const words = required(wordsOf[position], 'words of a clause')
    const neighbours = neighbourVerb.test(clause)
    let aside: Mention['aside'] = null
    let inWork = false
    let previous: Mention | undefined
    for (let index = 0; index < words.length; index++) {
      const word = words[index]
      // Never undefined below the length: the check only narrows the type.
      if (word === undefined) break
      if (word.includes('《')) inWork = true
      if (word.includes('》')) inWork = false
      // An origin runs from `来自` to its `的`; neighbours from `与` to the verb.
      if (word === '来自') aside = 'origin'
      else if (formerly.has(word) || (word === '称' && formerly.has(`${words[index - 1]}称`))) aside = 'former'
      else if (neighbours && neighbourWith.has(word)) aside = 'neighbour'
      else if (word === '的' || neighbourVerb.test(word)) aside = null
      // Most words are a single character, shorter than any name: no lookup.
      const candidates = word.length >= trie.shortest ? named.get(word) : undefined
      // The two words after are joined only for a name: most words are not one.
      if (!candidates || notAPlaceAfter.test(words.slice(index + 1, index + 3).join(''))) {
        previous = undefined
        continue
      }
      const mention: Mention = {text: word, candidates, prominent, previous, aside: inWork ? 'work' : aside}
      mentions.push(mention)
      previous = mention
    }
  }
  return mentions
}
