import type {VFileMessage} from 'vfile-message'
import type {Byline, Division, Gazette, GazetteMetadata, Item} from '../model/types.js'

/*
 * The archive: everything the site renders, computed once from the gazettes.
 * Plain data (no functions), so that Eleventy receives it as global data
 * and templates only loop and print.
 */

/** An item with what a page about it needs from its gazette. */
export interface ArchiveItem extends Item {
  gazetteId: string
  url: string
  /** Display title: title, else the first words of the caption or fragment. */
  heading: string
  metadata: GazetteMetadata
  /** Reading order on its page, 1-based. */
  order: number
  previous: {url: string; heading: string} | null
  next: {url: string; heading: string} | null
  /** Up to five items next to this one in its primary place's newest-first list (two newer, then older). */
  related: Array<{url: string; heading: string}>
  /**
   * The item this one continues (上接) or is continued by (下转) on another
   * page of the same issue, when found: the site shows them as one story.
   */
  continues: Continuation | null
  continuedBy: Continuation | null
}

/** The other part of a story printed on two pages. */
export interface Continuation {
  id: string
  url: string
  heading: string
  /** Page (版) the other part is printed on. */
  page: number
}

export interface ArchiveGazette extends Omit<Gazette, 'items'> {
  url: string
  label: string
  itemIds: string[]
  /** The page before and after it in its issue. */
  previous: {url: string; label: string} | null
  next: {url: string; label: string} | null
  /** Its issue (a paper's pages of one day), and the paper's issues before and after; null without paper or date. */
  issue: {url: string; label: string; paperUrl: string; previous: Link | null; next: Link | null} | null
}

interface Link {
  url: string
  label: string
}

/** A paper of the archive: its issues by year, newest year first, each year's oldest issue first. */
export interface Paper {
  name: string
  url: string
  issueCount: number
  itemCount: number
  firstDate: string
  lastDate: string
  /** The page names it prints (版名), the most frequent first. */
  pageNames: string[]
  years: Array<{
    year: string
    issues: Array<{date: string; url: string; pages: number}>
    /** Its months with issues, each a wall calendar whose days link the issues. */
    months: Array<{key: string; label: string; calendar: CalendarWeek[]}>
  }>
}

/** One day's pages of one paper. */
export interface IssuePage {
  paper: string
  date: string
  url: string
  label: string
  /** Its pages (gazettes), in page order. */
  gazetteIds: string[]
  itemCount: number
  previous: Link | null
  next: Link | null
}

/** A locality (province, city, district or town) with its items. */
export interface Locality extends Division {
  url: string
  feedUrl: string
  parent: string | null
  children: string[]
  /** Items tagged with this place (towns count for their district), newest first. */
  itemIds: string[]
}

/**
 * One page of a newest-first list of items (a locality's, a person's). The
 * list's own page shows the newest items; older ones are on archive pages
 * numbered from the oldest, so that their URLs and contents stay put as
 * items are added.
 */
export interface ListPage {
  /** Null for the list's own page; else 1 for the oldest items, 2 for the next… */
  archivePage: number | null
  url: string
  itemIds: string[]
  /** Dates of its newest and oldest items. */
  dates: {newest: string | null; oldest: string | null}
  newerUrl: string | null
  olderUrl: string | null
}

export interface LocalityPage extends ListPage {
  code: string
}

export interface PersonPage extends ListPage {
  /** The person's name (people are keyed by name). */
  name: string
}

export interface Issue {
  /** `YYYY-MM-DD`, or null for the undated group. */
  date: string | null
  paper: string | null
  gazetteIds: string[]
}

/** A year, a month or a day, or a page of the undated gazettes (`undated-2`, no calendar, no children). */
export interface DateNode {
  key: string
  label: string
  url: string
  itemCount: number
  children: DateNode[]
  issues: Issue[]
  /** For a month: its weeks, Monday first, as a wall calendar prints them. */
  calendar: CalendarWeek[]
}

/** Seven days, Monday to Sunday; null before the 1st and after the last day. */
export type CalendarWeek = Array<CalendarDay | null>

export interface CalendarDay {
  day: number
  /** The day's page when an issue was published that day. */
  url: string | null
  itemCount: number
}

export interface Person {
  name: string
  slug: string
  url: string
  roles: Array<NonNullable<Byline['role']>>
  itemIds: string[]
}

export interface Archive {
  gazettes: ArchiveGazette[]
  papers: Paper[]
  issues: IssuePage[]
  /** Old URLs of pages and items whose URL changed (a corrected page number, a later date), and where they went. */
  redirects: Array<{from: string; to: string}>
  items: ArchiveItem[]
  /** By code. */
  localities: Record<string, Locality>
  /** Top of the tree (provinces), in code order. */
  localityRoots: string[]
  localityPages: LocalityPage[]
  /** Every locality code, in code order (one feed each). */
  localityCodes: string[]
  /** Year nodes, newest first. */
  dates: DateNode[]
  /** Every year, month and day node, and every page of the undated gazettes: one page each. */
  datePages: DateNode[]
  /** All the undated gazettes. */
  undated: Issue | null
  /**
   * The undated gazettes in pages of at most `undatedPageSize`, when they
   * are more than that; else none, and the dates page lists them itself.
   */
  undatedPages: DateNode[]
  people: Person[]
  personPages: PersonPage[]
  stats: {
    gazettes: number
    items: number
    articles: number
    photos: number
    fragments: number
    papers: string[]
    firstDate: string | null
    lastDate: string | null
    places: number
  }
  reports: VFileMessage[]
}
