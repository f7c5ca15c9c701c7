/**
 * Scoring of the splitter and the tagger against hand-labelled fixtures
 * (tests/fixtures/…): shared by `npm run eval` and the fixture tests.
 */
import {isRule} from '../../src/model/messages.js'
import type {Gazette, Item, PlaceTag} from '../../src/model/types.js'

/** What a person wrote down for one item of a sample page. */
export interface ExpectedItem {
  startLine: number
  kind: Item['kind']
  dateline: string | null
  kicker: string | null
  title: string | null
  subtitle: string | null
  bylines: Array<{name: string; role: string | null}>
  paragraphs: number
  subheads: number
  first: string
  last: string
}

export interface SplitFixture {
  source: string
  removedDuplicates: number[]
  furniture?: number[]
  items: ExpectedItem[]
}

export interface ExpectedPlace {
  code: string | null
  name: string
  level: 'district' | 'town'
  /** For a division newer than the data, labelled without a code. */
  parentCode?: string
}

export interface PlaceFixture {
  source: string
  home?: string
  items: Array<{startLine: number; places: ExpectedPlace[]}>
}

/** The fields of an item compared one by one. */
export const fields = [
  'kind',
  'dateline',
  'kicker',
  'title',
  'subtitle',
  'bylines',
  'paragraphs',
  'subheads',
  'first',
  'last'
] as const
export type Field = (typeof fields)[number]

/** White space is compared loosely: runs collapse, none beside full-width punctuation. */
export function normalise(text: string | null): string | null {
  if (text === null) return null
  return text
    .replace(/\s+/gu, ' ')
    .replace(/ ?([，。、：；！？“”‘’（）《》—·:,;!?()]) ?/gu, '$1')
    .trim()
}

const nonSpace = (text: string) => [...text.replace(/\s+/gu, '')]

/** An item as the fixtures describe one. */
export function describe(item: Item): ExpectedItem {
  const first = item.body[0]?.text ?? ''
  const last = item.body.at(-1)?.text ?? ''
  return {
    startLine: item.start.line,
    kind: item.kind,
    dateline: item.dateline,
    kicker: item.kicker,
    title: item.title,
    subtitle: item.subtitle,
    bylines: item.bylines.map(({name, role}) => ({name, role})),
    paragraphs: item.body.filter((block) => block.type === 'paragraph').length,
    subheads: item.body.filter((block) => block.type === 'subhead').length,
    first: nonSpace(first).slice(0, 10).join(''),
    last: nonSpace(last).slice(-10).join('')
  }
}

/** Whether one field of an item is as expected. */
export function agrees(field: Field, expected: ExpectedItem, actual: ExpectedItem): boolean {
  if (field === 'bylines') {
    const key = (list: ExpectedItem['bylines']) =>
      list
        .map((byline) => `${byline.role ?? ''}:${normalise(byline.name)}`)
        .sort()
        .join('|')
    return key(expected.bylines) === key(actual.bylines)
  }
  if (field === 'paragraphs' || field === 'subheads' || field === 'kind') return expected[field] === actual[field]
  return normalise(expected[field]) === normalise(actual[field])
}

export interface Mismatch {
  source: string
  line: number
  field: Field | 'item'
  expected: unknown
  actual: unknown
}

export interface SplitScore {
  expected: number
  found: number
  matched: number
  /** Per field: items of the matched ones with this field exactly right. */
  right: Record<Field, number>
  duplicates: {expected: number; found: number; matched: number}
  mismatches: Mismatch[]
}

/** Score the items of gazettes against split fixtures (matched by start line). */
export function scoreSplit(pairs: Array<{fixture: SplitFixture; gazette: Gazette}>): SplitScore {
  const score: SplitScore = {
    expected: 0,
    found: 0,
    matched: 0,
    right: {
      kind: 0,
      dateline: 0,
      kicker: 0,
      title: 0,
      subtitle: 0,
      bylines: 0,
      paragraphs: 0,
      subheads: 0,
      first: 0,
      last: 0
    },
    duplicates: {expected: 0, found: 0, matched: 0},
    mismatches: []
  }
  for (const {fixture, gazette} of pairs) {
    const actual = new Map(gazette.items.map((item) => [item.start.line, describe(item)]))
    score.expected += fixture.items.length
    score.found += actual.size
    for (const expected of fixture.items) {
      const found = actual.get(expected.startLine)
      if (!found) {
        score.mismatches.push({
          source: fixture.source,
          line: expected.startLine,
          field: 'item',
          expected: expected.title ?? expected.kind,
          actual: 'no item starts here'
        })
        continue
      }
      score.matched++
      for (const field of fields) {
        if (agrees(field, expected, found)) score.right[field]++
        else
          score.mismatches.push({
            source: fixture.source,
            line: expected.startLine,
            field,
            expected: expected[field],
            actual: found[field]
          })
      }
    }
    const expectedLines = new Set(fixture.items.map((item) => item.startLine))
    for (const [line, item] of actual) {
      if (!expectedLines.has(line))
        score.mismatches.push({
          source: fixture.source,
          line,
          field: 'item',
          expected: 'no item starts here',
          actual: item.title ?? item.kind
        })
    }
    const removed = new Set(
      gazette.reports.filter((report) => isRule(report, 'split', 'duplicate')).map((report) => report.line)
    )
    score.duplicates.expected += fixture.removedDuplicates.length
    score.duplicates.found += removed.size
    score.duplicates.matched += fixture.removedDuplicates.filter((line) => removed.has(line)).length
  }
  return score
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface PlaceScore {
  district: Counts
  town: Counts
  mismatches: Array<{source: string; line: number; missing: string[]; extra: string[]}>
}

/** Score place tags against place fixtures, per item (matched by start line). */
export function scorePlaces(pairs: Array<{fixture: PlaceFixture; gazette: Gazette}>): PlaceScore {
  const score: PlaceScore = {district: {tp: 0, fp: 0, fn: 0}, town: {tp: 0, fp: 0, fn: 0}, mismatches: []}
  for (const {fixture, gazette} of pairs) {
    const expectedByLine = new Map(fixture.items.map((item) => [item.startLine, item.places]))
    const lines = new Set([...expectedByLine.keys(), ...gazette.items.map((item) => item.start.line)])
    for (const line of [...lines].sort((a, b) => a - b)) {
      const expected = expectedByLine.get(line) ?? []
      const actual = (gazette.items.find((item) => item.start.line === line)?.places ?? []).filter(
        (place): place is PlaceTag & {level: 'district' | 'town'} =>
          place.level === 'district' || place.level === 'town'
      )
      const same = (want: ExpectedPlace, got: {code: string; name: string; level: string}) =>
        want.level === got.level &&
        (want.code === null
          ? got.name === want.name && got.code.startsWith(want.parentCode ?? '')
          : want.code === got.code)
      const missing = expected.filter((want) => !actual.some((got) => same(want, got)))
      const extra = actual.filter((got) => !expected.some((want) => same(want, got)))
      for (const want of expected) score[want.level][missing.includes(want) ? 'fn' : 'tp']++
      for (const got of extra) score[got.level].fp++
      if (missing.length > 0 || extra.length > 0) {
        score.mismatches.push({
          source: fixture.source,
          line,
          missing: missing.map((place) => `${place.name} ${place.code ?? '?'}`),
          extra: extra.map((place) => `${place.name} ${place.code}`)
        })
      }
    }
  }
  return score
}

/** Precision, recall and F1 of counts (1 when there is nothing to find or nothing found). */
export function prf({tp, fp, fn}: Counts): {precision: number; recall: number; f1: number} {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision, recall, f1}
}
