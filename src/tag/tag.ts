import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import {required} from '../util/required.js'
import type {HomeRegion, Item, PlaceTag} from '../model/types.js'
import {parentCode, type Gazetteer} from './gazetteer.js'
import {findMentions, type Mention, type PlaceNames} from './mentions.js'
import {aboutPlaces} from './about.js'
import {inferHomeRegion} from './home-region.js'
import {primaryPlace} from './primary.js'
import {resolve, type Context} from './resolve.js'

export type UntaggedItem = Omit<Item, 'places' | 'primaryPlace'>

export interface TagResult {
  items: Item[]
  reports: VFileMessage[]
  home: HomeRegion | null
}

/**
 * Tag each item of one gazette page with the districts and towns it is
 * about. Two passes: names that are unambiguous on their own first, so
 * that they can be the evidence that resolves the short and shared ones.
 * The home region is the given one, else the page's own (`inferHomeRegion`),
 * else `paperRegion`, read from the paper's other pages.
 */
export function tagItems(
  source: string,
  items: UntaggedItem[],
  givenRegion: string | null,
  names: PlaceNames,
  paperRegion: string | null = null
): TagResult {
  const {gazetteer} = names
  const divisionOf = (code: string) => required(gazetteer.divisions.get(code), 'division of a tagged code')
  const reports: VFileMessage[] = []
  const mentionsOf = items.map((item) => findMentions(textsOf(item), names))
  const anchorsIn = (region: string | null) =>
    mentionsOf.map((mentions) => {
      const codes = new Set<string>()
      for (const mention of mentions) {
        if (mention.aside || mention.candidates.length !== 1) continue
        const {code} = resolve(mention, {item: new Set(), page: new Set(), region}, gazetteer)
        if (code) addWithAncestors(codes, code)
      }
      return codes
    })
  const given = homeRegion(source, givenRegion, gazetteer, reports)
  // Without a given region, the page's own unambiguous names tell it; the
  // anchors are then read again, so that a name far from home counts only
  // where the text itself places it there.
  const firstAnchors = anchorsIn(given)
  const onPage = given === null ? inferHomeRegion(firstAnchors) : null
  const home: HomeRegion | null =
    given !== null
      ? {region: given, from: 'given'}
      : onPage !== null
        ? {region: onPage, from: 'page'}
        : paperRegion !== null
          ? {region: paperRegion, from: 'paper'}
          : null
  const region = home?.region ?? null
  const anchors = region === given ? firstAnchors : anchorsIn(region)
  const page = new Set(anchors.flatMap((codes) => [...codes]))

  const tagged = items.map((item, index): Item => {
    // One list of mentions and one set of anchors per item.
    const context: Context = {item: required(anchors[index], 'anchors of an item'), page, region}
    const counts = new Map<string, {mentions: number; prominent: boolean; printedAs?: string}>()
    const unresolved = new Map<string, string[]>()
    // Origins count only inside a county the item names otherwise (`来自本县某镇的选手`): read them last.
    const mentions = required(mentionsOf[index], 'mentions of an item').filter(
      (mention) => mention.aside === null || mention.aside === 'origin'
    )
    mentions.sort((a, b) => Number(a.aside === 'origin') - Number(b.aside === 'origin'))
    for (const mention of mentions) {
      const {code, tied} = resolve(mention, context, gazetteer)
      if (!code) {
        if (tied.length > 0) unresolved.set(mention.text, tied)
        continue
      }
      if (mention.aside === 'origin' && !counts.has(code.slice(0, 6))) continue
      for (let each: string | undefined = code; each && each.length >= 6; each = parentCode(each)) {
        const entry = counts.get(each) ?? {mentions: 0, prominent: false}
        entry.mentions++
        entry.prominent ||= mention.prominent
        counts.set(each, entry)
      }
      const former = mention.candidates.find((candidate) => candidate.code === code)?.former
      // Counted just above: a former name is a district's (6 digits).
      if (former) {
        const own = counts.get(code)
        if (own) own.printedAs = former
      }
    }
    for (const [text, tied] of unresolved) {
      // A tied code is a division's (resolve keeps no other candidate); so is every code counted.
      const candidates = tied.map((code) => divisionOf(code).path.join('')).join(' or ')
      const reason = `place name “${text}” left untagged: it may be ${candidates}`
      reports.push(message(source, 'tag', 'ambiguous', reason, {...item.start, severity: 'info'}))
    }
    const places = aboutPlaces(
      [...counts.entries()]
        .map(([code, count]): PlaceTag => ({...divisionOf(code), ...count}))
        .sort((a, b) => a.code.localeCompare(b.code))
    )
    return {...item, places, primaryPlace: primaryPlace(places)}
  })
  return {items: tagged, reports, home}
}

/** True when the whole text is place names (`太仓市`, `常州钟楼`): a dateline. */
export function isPlaceName(text: string, {gazetteer, segmenter}: PlaceNames): boolean {
  const words = segmenter.cut(text)
  if (words.length === 0) return false
  // A bare two-character town name (张华, 刘集) is as likely a person: a
  // dateline names a county or city, or a division in full.
  let datelike = false
  for (const word of words) {
    const entries = gazetteer.names.get(word)
    if (!entries) return false
    datelike ||= entries.some((each) => each.full || each.code.length <= 6)
  }
  return datelike
}

function textsOf(item: UntaggedItem): Array<{text: string; prominent: boolean}> {
  const headline = [item.dateline, item.kicker, item.title, item.subtitle].filter(
    (text): text is string => text !== null
  )
  const firstParagraph = item.body.findIndex((block) => block.type === 'paragraph')
  return [
    ...headline.map((text) => ({text, prominent: true})),
    ...item.body.map((block, index) => ({text: block.text, prominent: index === firstParagraph}))
  ]
}

/**
 * The home region, when it is a division: the read stage checks only its
 * shape (it has no gazetteer), and a code of no division (`999999`) would
 * favour no place, or the wrong province's.
 */
function homeRegion(
  source: string,
  region: string | null,
  gazetteer: Gazetteer,
  reports: VFileMessage[]
): string | null {
  if (region === null || gazetteer.divisions.has(region)) return region
  reports.push(
    message(source, 'tag', 'region', `region ${region} is not a division code: ignored`, {severity: 'warning'})
  )
  return null
}

function addWithAncestors(codes: Set<string>, code: string): void {
  for (let each: string | undefined = code; each; each = parentCode(each)) codes.add(each)
}

export type {Mention}
