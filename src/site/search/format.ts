/*
 * The search index's files, written by the indexer and read by the search
 * page (this module is copied into the site as it is compiled):
 *
 *   search-index/meta.json                      IndexMeta: segments, bundles, filter counts
 *   search-index/<segment>/t/<n>.json           token → Entry, shard n (`shardOf`) of the segment
 *   search-index/<segment>/<bundle>/<k>.json    Fragment[] of the bundle's items k·fragmentsPerFile onwards
 *
 * The index is made of segments, each indexed at once: a base, and a delta
 * of the bundles whose items changed since the base was made, indexed
 * again on every rebuild that changes items (see `planSearch`), so that
 * adding a day's pages re-indexes a month, not the archive. A bundle of
 * the base that the delta holds anew is no longer listed: its items in
 * the base are dead. Items are numbered across the listed bundles, newest
 * first; in a segment, by the segment's own numbers (`first`). A query
 * fetches its tokens' shards of each segment, then the file of each
 * result it shows.
 */

/**
 * Items' fragments a file holds: a file each would be the most files of
 * the site (writing 10,000 took 2 s here); more a file, the more bytes a
 * result costs (about 2 KB an item).
 */
export const fragmentsPerFile = 4

/** One search bundle: a year, a run of months or a month (see `searchBundles`), and its items' numbers. */
export interface BundleInfo {
  name: string
  /** The year its items are filtered under, or `undated`. */
  year: string
  /** The segment that holds it: its place in `IndexMeta.segments`. */
  segment: number
  /** Its first item's number in its segment; its items are `first` to `first + docs - 1` there. */
  first: number
  docs: number
}

/**
 * A segment of the index: its folder in `search-index/` and the number of
 * its token shards. In an index that federates several sites' (`gazette
 * merge`), the folder is a path to another site's (`../a/search-index/b-…`)
 * and `prefix` the path its fragments' URLs are below (`a/`).
 */
export interface SegmentInfo {
  folder: string
  shards: number
  prefix?: string
}

/** Items under each value of each filter of the search form. */
export type FilterCounts = Record<'district' | 'town' | 'year', Record<string, number>>

export interface IndexMeta {
  /** Items listed, in all. */
  docs: number
  /** The base first, then the delta, if any. */
  segments: SegmentInfo[]
  /** The bundles listed, newest first: their items are numbered across the whole index in this order. */
  bundles: BundleInfo[]
  counts: FilterCounts
}

/**
 * What the index holds for a token (a character, a pair of Han characters,
 * a word of other letters or its start, or a place filter `@town:…`):
 * the items it occurs in; those that have it in a heading; those that
 * hold it three times or more; for a pair, whether it is a word of the
 * dictionary, and the longer words it begins that occur in the archive
 * (the search page cuts a query into words with them). Trailing parts
 * that are empty are left out.
 */
export type Entry = [all: string, heading?: string, often?: string, word?: 0 | 1, longer?: string[]]

/** What the search page shows of an item, and the text it quotes an excerpt from. */
export interface Fragment {
  /** URL below the site's base path. */
  url: string
  heading: string
  date: string | null
  /** Where it was printed: `通州日报 第2版 镇村新闻`, or null when the archive does not know. */
  printed: string | null
  text: string
}

/*
 * The search page reads the files as JSON, which the guards below check
 * against the types above: a file of another shape (a damaged upload) is
 * an error that names it, not `undefined` that fails further on.
 */

/** Whether `value` is an `Entry`. */
export function isEntry(value: unknown): value is Entry {
  if (!isList(value)) return false
  const [all, heading, often, word, longer] = value
  return (
    typeof all === 'string' &&
    (heading === undefined || typeof heading === 'string') &&
    (often === undefined || typeof often === 'string') &&
    (word === undefined || word === 0 || word === 1) &&
    (longer === undefined || (isList(longer) && longer.every((text) => typeof text === 'string')))
  )
}

/** Whether `value` is a `Fragment`. */
export function isFragment(value: unknown): value is Fragment {
  if (!isTable(value)) return false
  const {url, heading, date, printed, text} = value
  return (
    typeof url === 'string' &&
    typeof heading === 'string' &&
    (date === null || typeof date === 'string') &&
    (printed === null || typeof printed === 'string') &&
    typeof text === 'string'
  )
}

/** Whether `value` is an object of named values (a token shard, a fragment), not an array. */
export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether `value` is an array, its members `unknown` (`Array.isArray` makes them `any`). */
export function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value)
}

/*
 * A set of item numbers is written as text of URL-safe characters, each
 * carrying six bits: either ascending numbers as gaps, five bits a
 * character, the sixth telling that more follow (a list), or, when that
 * is shorter, `~` and a bitmap of all items (a token in most items costs
 * a sixth of a character an item, however common it is).
 */
const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const values = new Map([...digits].map((digit, value) => [digit.charCodeAt(0), value]))

/** Encode `numbers` (ascending, each below `total`). */
export function encodeSet(numbers: readonly number[], total: number): string {
  // Character codes in an array, made a string at the end: a string grown a character at a time is a chain of
  // as many pieces until it is read (the index of 100,000 items took 2 GB so).
  const cells = Math.ceil(total / 6)
  const codes = new Uint8Array(Math.min(numbers.length * 7, cells + 1) + 7)
  let length = 0
  let previous = -1
  for (const number of numbers) {
    length = writeGap(codes, length, number - previous - 1)
    previous = number
    if (length > cells) return bitmap(numbers, cells)
  }
  return listText(codes, length)
}

/** Write a gap of a list at `at` of `codes` (which has room for seven more); the codes' new length. */
export function writeGap(codes: Uint8Array, at: number, gap: number): number {
  let length = at
  let rest = gap
  while (rest >= 32) {
    codes[length++] = digits.charCodeAt(32 + (rest & 31))
    rest = Math.floor(rest / 32)
  }
  codes[length++] = digits.charCodeAt(rest)
  return length
}

/** The text of a list's first `length` codes. */
export function listText(codes: Uint8Array, length: number): string {
  return ascii.decode(codes.subarray(0, length))
}

const ascii = new TextDecoder('latin1')

function bitmap(numbers: readonly number[], cells: number): string {
  const bits = new Uint8Array(cells)
  for (const number of numbers) {
    const cell = Math.floor(number / 6)
    // `?? 0`: every number is below `total`, its cell in the array.
    bits[cell] = (bits[cell] ?? 0) | (1 << (number % 6))
  }
  const codes = new Uint8Array(cells + 1)
  codes[0] = '~'.charCodeAt(0)
  bits.forEach((cell, index) => (codes[index + 1] = digits.charCodeAt(cell)))
  return ascii.decode(codes)
}

/** The numbers of an `encodeSet` text, ascending. */
export function decodeSet(text: string | undefined): number[] {
  const numbers: number[] = []
  if (!text) return numbers
  // `?? 0`: a character not of `digits` (none is written) counts as 0, as `undefined` would in the bit operations.
  if (text.startsWith('~')) {
    for (let index = 1; index < text.length; index++) {
      const cell = values.get(text.charCodeAt(index)) ?? 0
      for (let bit = 0; bit < 6; bit++) if (cell & (1 << bit)) numbers.push((index - 1) * 6 + bit)
    }
    return numbers
  }
  let previous = -1
  let gap = 0
  let scale = 1
  for (let index = 0; index < text.length; index++) {
    const value = values.get(text.charCodeAt(index)) ?? 0
    gap += (value & 31) * scale
    if (value >= 32) {
      scale *= 32
      continue
    }
    previous += gap + 1
    numbers.push(previous)
    gap = 0
    scale = 1
  }
  return numbers
}

/**
 * The shard of the index that holds a token: a hash of its text (FNV-1a),
 * so that the tokens of one query, and a token's neighbours, are spread
 * over the shards.
 */
export function shardOf(token: string, shards: number): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193)
  return (hash >>> 0) % shards
}
