/**
 * The data model, defined once: every stage imports its types from here.
 *
 * The pipeline is read → split → tag → archive → site. Each stage takes
 * plain data and returns plain data (no classes, no I/O handles) so that it
 * can be tested, cached and moved to a worker thread on its own.
 */

import type {VFileMessage} from 'vfile-message'

/** Optional metadata of a gazette file (front matter or manifest). */
export interface GazetteMetadata {
  /** Name of the paper, e.g. `通州日报`. */
  paper: string | null
  /** Publication date as `YYYY-MM-DD`, or null when undated. */
  date: string | null
  /** Page (版) number within the issue. */
  page: number | null
  /** Name of the page, e.g. `要闻`, `镇村新闻`. */
  pageName: string | null
  /**
   * Home region of the paper as a division code (e.g. `320612` for
   * 通州区, `3206` for 南通市): short place names are read in its favour.
   */
  region: string | null
}

/** Where a piece of text stands in its source file (1-based). */
export interface Point {
  line: number
  column: number
}

/** A gazette file after reading: decoded text plus metadata. */
export interface SourceGazette {
  /** Path relative to the content folder, with `/` separators. */
  source: string
  /** Decoded, normalised text (LF line ends, no BOM); front matter blanked. */
  text: string
  metadata: GazetteMetadata
  /** Hash of the raw bytes: the cache key of the later stages. */
  hash: string
  /** The archivist's overrides for this gazette, from the corrections file. */
  corrections: Correction[]
  /** Problems and decisions of the stages (see messages.ts). */
  reports: VFileMessage[]
}

/** A gazette as read, but its text: all a build needs of a file whose split + tag results are cached. */
export type ReadRecord = Omit<SourceGazette, 'text'>

/**
 * An archivist's override of one decision of the splitter or the tagger,
 * written in the content folder's corrections file rather than in the
 * gazette file, so that the source stays as it was extracted.
 */
export interface Correction {
  /** Line of the gazette file: where an item starts, or any line of the item. */
  line: number
  /** Line of the corrections file that says so, for reports and provenance. */
  at: number | null
  /** The line starts a new item of this kind. */
  starts?: ItemKind
  /** The line continues its item as a block of this type instead. */
  is?: 'subheading' | 'paragraph' | 'byline'
  kind?: ItemKind
  dateline?: string | null
  kicker?: string | null
  title?: string | null
  subtitle?: string | null
  bylines?: Byline[]
  /** Division codes (or unique full names) to add to or remove from the item's places. */
  addPlaces?: string[]
  removePlaces?: string[]
}

export type ItemKind = 'article' | 'photo' | 'fragment'

export type BylineRole = (typeof bylineRoles)[number] | null

/** The roles a credit line gives (`责任编辑`, `责编` are 编辑; `见习记者` is 记者). */
export const bylineRoles = ['记者', '通讯员', '摄影', '编辑', '实习生'] as const

export interface Byline {
  name: string
  role: BylineRole
}

export interface BodyBlock {
  type: 'paragraph' | 'subhead'
  text: string
  /** Where the block starts in the source file. */
  start: Point
}

export type PlaceLevel = 'province' | 'city' | 'district' | 'town'

/** An official administrative division. */
export interface Division {
  /** Statistics bureau code: 2 digits (province), 4 (city), 6 (district), 9 (town). */
  code: string
  name: string
  level: PlaceLevel
  /** Names from the province down to this division. */
  path: string[]
}

/** A division an item is about. */
export interface PlaceTag extends Division {
  /** How often the item names it (a district also counts its towns' mentions). */
  mentions: number
  /** Named in the kicker, title, subtitle, dateline or first paragraph. */
  prominent: boolean
  /** The former name the item prints it under (`港闸区`, now part of 崇川区), if it does. */
  printedAs?: string
}

/** One item of a gazette page: an article, a photo or a fragment. */
export interface Item {
  /** Stable id: `<gazette id>-<order>`, order 1-based in reading order. */
  id: string
  kind: ItemKind
  /** Locality line printed before the title on province-wide pages. */
  dateline: string | null
  kicker: string | null
  title: string | null
  subtitle: string | null
  /** The byline as printed (name lines, `·…·`, a credit), if separate from the body. */
  byline: string | null
  bylines: Byline[]
  body: BodyBlock[]
  /** Where the item starts in its source file. */
  start: Point
  /** `(上接1版)` / `(下转2版)` markers: page numbers this item continues from / to. */
  continuedFrom: number | null
  continuedTo: number | null
  places: PlaceTag[]
  /** The place the item is most about, as a code, or null. */
  primaryPlace: string | null
  /** Corrections from the corrections file applied to this item, as text. */
  corrections: string[]
}

/** A gazette after split and tag. */
export interface Gazette {
  /** Stable ASCII id of the gazette, used in URLs and item ids. */
  id: string
  source: string
  metadata: GazetteMetadata
  hash: string
  items: Item[]
  /** Problems and decisions of the stages (see messages.ts). */
  reports: VFileMessage[]
  /** The home region its places were read in, and where it came from; null when none was known. */
  home: HomeRegion | null
}

/** The region a page's short and shared place names are read in. */
export interface HomeRegion {
  /** A division code of 2, 4, 6 or 9 digits. */
  region: string
  /** Given in the metadata or on the command line; read from the page's own names; or from the paper's other pages. */
  from: 'given' | 'page' | 'paper'
}
