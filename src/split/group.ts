import type {BodyBlock, ItemKind} from '../model/types.js'
import {endsInJumpTo} from './continuations.js'
import {isMarked, readCredit} from './credits.js'
import type {DraftItem, LineOverride} from './draft.js'
import {headlineRun, readHeadline, type Headline} from './headline.js'
import type {Line} from './line-roles.js'
import {isCaption, looksLikeCaption, opensCaption, type CreditSeen} from './photos.js'
import type {VFile} from 'vfile'
import {startsStory} from './stories.js'
import {tidySpaces} from './text.js'

export interface GroupOptions {
  isPlaceName: (text: string) => boolean
  /** Overrides by source line, from the corrections file. */
  overrides?: ReadonlyMap<number, LineOverride>
  /** The page marks its titles (`#`, `##`): plain short lines are then never titles. */
  marked: boolean
}

/** Items in reading order, with what was seen of their credits and captions. */
export interface Grouped {
  items: DraftItem[]
  credits: Map<DraftItem, CreditSeen>
  captioned: Set<DraftItem>
}

/**
 * Where the grouping stands: under a headline (no body yet), in a body, or
 * after a closing credit or jump line, when only more credits belong to
 * the item.
 */
type Phase = 'head' | 'body' | 'closed'

/** The items of a page as they are built, line by line. */
class Page {
  readonly items: DraftItem[] = []
  readonly credits = new Map<DraftItem, CreditSeen>()
  readonly captioned = new Set<DraftItem>()
  current: DraftItem | undefined
  phase: Phase = 'closed'
  /** A `(上接1版)` line opens the next block. */
  jumpPending = false
  /** Untitled items that open a region of the page (after a run of blank lines). */
  readonly setApart = new Set<DraftItem>()
  /** The item whose last credit was a writer's, set off by a mark (`□记者 张三`). */
  markedCredit: DraftItem | undefined

  open(kind: ItemKind, line: Line, headline?: Headline): DraftItem {
    const item: DraftItem = {
      kind,
      dateline: null,
      kicker: null,
      title: null,
      subtitle: null,
      ...headline,
      byline: null,
      bylines: [],
      body: [],
      start: {line: line.line, column: line.column},
      continuedFrom: null,
      continuedTo: null,
      corrections: []
    }
    this.items.push(item)
    if (!headline && line.blankBefore >= 2 && line.role === 'body') this.setApart.add(item)
    this.current = item
    this.phase = headline ? 'head' : 'body'
    this.jumpPending = false
    return item
  }

  add(type: BodyBlock['type'], line: Line): void {
    const item = this.current ?? this.open('fragment', line)
    const text = tidySpaces(line.text)
    const last = item.body.at(-1)
    if (this.jumpPending && last) {
      last.text = `${last.text}${text}`
      last.type = type
    } else {
      item.body.push({type, text, start: {line: line.line, column: line.column}})
    }
    this.jumpPending = false
    // `…（下转2版）` ends the story on this page.
    this.phase = endsInJumpTo(text) ? 'closed' : 'body'
  }

  jumpFrom(line: Line): void {
    this.open('fragment', line)
    this.add('paragraph', line)
    this.jumpPending = true
  }

  /** `（下转2版）` ends the text before it. */
  jumpTo(line: Line): void {
    const last = this.current?.body.at(-1)
    if (last && this.phase !== 'closed') last.text = `${last.text}${tidySpaces(line.text)}`
    else this.add('paragraph', line)
    this.phase = 'closed'
  }

  credit(line: Line): void {
    const item = this.current ?? this.open('fragment', line)
    this.jumpPending = false
    item.byline = item.byline ? `${item.byline}\n${line.text}` : line.text
    const credit = line.credit ?? readCredit(line.text)
    for (const byline of credit?.bylines ?? [])
      if (!item.bylines.some((each) => each.name === byline.name)) item.bylines.push(byline)
    this.markedCredit = isMarked(line.text) && !credit?.photo ? item : undefined
    const seen = this.credits.get(item) ?? {photo: false, other: false}
    if (credit?.photo) seen.photo = true
    else if ((credit?.bylines.length ?? 0) > 0) seen.other = true
    this.credits.set(item, seen)
  }

  paragraphs(): number {
    return this.current?.body.filter((block) => block.type === 'paragraph').length ?? 0
  }
}

/**
 * Group the lines of a page into items the way an editor lists them.
 *
 * Evidence is what any page carries: headings and short lines without a
 * full stop; credits, which close a story; runs of blank lines between
 * regions of the page; a caption over a photographer's credit; jump lines.
 */
export function group(lines: readonly Line[], options: GroupOptions, file: VFile): Grouped {
  const page = new Page()
  const overridden = new Set<number>()
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    // Never undefined below the length: the check only narrows the type.
    if (line === undefined) break
    const forced = overridden.has(line.line) ? undefined : options.overrides?.get(line.line)
    if (forced) {
      overridden.add(line.line)
      index = override(page, lines, index, forced, options)
      continue
    }
    index = step(page, lines, index, options, file)
  }
  return {items: page.items, credits: page.credits, captioned: page.captioned}
}

/** Take the line at `index`; the index of the last line used. */
function step(page: Page, lines: readonly Line[], index: number, options: GroupOptions, file: VFile): number {
  const line = lines[index]
  // `index` is a line's (group's loop): there is one to take.
  if (line === undefined) return index
  const next = lines[index + 1]
  const gap = line.blankBefore >= 2
  const current = page.current
  switch (line.role) {
    case 'jump-from':
      page.jumpFrom(line)
      return index
    case 'jump-to':
      page.jumpTo(line)
      return index
    case 'credit': {
      const wasBody = page.phase === 'body'
      page.credit(line)
      // A credit under the first paragraph (`□记者 张三`) does not end the story.
      const early = !line.credit?.photo && page.paragraphs() <= 1 && next !== undefined && next.blankBefore < 2
      if (wasBody && !(early && (next.role === 'body' || next.role === 'subhead'))) page.phase = 'closed'
      return index
    }
    case 'figure': {
      if (!(current?.kind === 'photo' && page.phase !== 'closed')) page.open('photo', line)
      page.add('paragraph', line)
      return index
    }
    case 'subhead': {
      // A marked subheading right under a writer's credit goes on with the story (`□记者 张三` ⏎ `### …`).
      const resumes = current?.kind === 'article' && !gap && page.credits.get(current)?.photo !== true
      if (!current || (page.phase === 'closed' && !resumes)) page.open('fragment', line)
      page.add('subhead', line)
      return index
    }
    case 'body': {
      const caption = isCaption(lines, index)
      if (current && page.phase === 'head') page.add('paragraph', line)
      else if (
        current &&
        page.phase === 'body' &&
        !gap &&
        !(
          caption &&
          !captionGoesOn(page) &&
          (page.paragraphs() >= 3 || current.kind === 'photo' || opensCaption(line.text))
        )
      ) {
        page.add('paragraph', line)
      } else {
        const alone = !caption && looksLikeCaption(lines, index)
        const item = page.open(caption || alone ? 'photo' : 'fragment', line)
        if (alone) page.captioned.add(item)
        page.add('paragraph', line)
      }
      return index
    }
    case 'names': {
      const text = tidySpaces(line.text)
      const aboveTitle =
        next !== undefined && (next.role === 'short' || next.role === 'heading') && options.isPlaceName(text)
      const underTitle = current !== undefined && page.phase === 'head'
      const afterBody = current !== undefined && current.body.length > 0 && !aboveTitle
      const titleOfNext = page.phase === 'closed' && next?.role === 'body'
      if (underTitle || (afterBody && !titleOfNext && (!gap || next?.role !== 'body'))) {
        const wasBody = page.phase === 'body'
        page.credit(line)
        if (wasBody) page.phase = 'closed'
        return index
      }
      break
    }
    default:
      break
  }
  return headingOrSubhead(page, lines, index, options, file)
}

/** A heading, a short line or bare names that were not a credit. */
function headingOrSubhead(
  page: Page,
  lines: readonly Line[],
  index: number,
  options: GroupOptions,
  file: VFile
): number {
  const line = lines[index]
  // `index` is a line's (step's): there is one to take.
  if (line === undefined) return index
  const next = lines[index + 1]
  const gap = line.blankBefore >= 2
  const current = page.current
  if (line.role !== 'heading') {
    const text = tidySpaces(line.text)
    const aboveHeading = next?.role === 'heading' && options.isPlaceName(text)
    const inside = current !== undefined && current.kind !== 'photo' && !gap && page.phase === 'body'
    // On a marked page, after a writer's credit, a plain line over more text goes on with the story.
    const resumes =
      current?.kind === 'article' &&
      page.phase === 'closed' &&
      !gap &&
      next?.role === 'body' &&
      page.credits.get(current)?.photo !== true
    if (isCaption(lines, index) && !aboveHeading) {
      page.open('photo', line)
      page.add('paragraph', line)
      return index
    }
    if (options.marked && !aboveHeading) {
      if (current && page.phase !== 'closed' && !gap) page.add('subhead', line)
      else if (resumes) page.add('subhead', line)
      else {
        page.open('fragment', line)
        page.add('subhead', line)
      }
      return index
    }
    if (!options.marked && resumesAfterIntro(page, lines, index, options)) {
      page.add('subhead', line)
      return index
    }
    // A continuation may open with a subheading: `(上接1版)` ⏎ `一条…的呼唤`.
    if (!options.marked && current && (page.phase === 'head' || page.jumpPending)) {
      page.add('subhead', line)
      return index
    }
    if (!options.marked && inside && !startsStory(lines, index, options.isPlaceName)) {
      page.add('subhead', line)
      file.info(`short line read as a subheading: “${line.text}”`, {
        place: {line: line.line, column: line.column},
        ruleId: 'subhead',
        source: 'split'
      })
      return index
    }
    if (inside) {
      file.info(`short line inside an article read as a new title: “${line.text}”`, {
        place: {line: line.line, column: line.column},
        ruleId: 'new-article',
        source: 'split'
      })
    }
  }
  const end = headlineRun(lines, index, options)
  page.open(
    'article',
    line,
    readHeadline(
      lines.slice(index, end).map((each) => each.text),
      options
    )
  )
  return end - 1
}

/**
 * A photo spread's caption runs to several paragraphs, in a region of its
 * own, over one photographer's credit: the last paragraph, over the credit,
 * goes on with an untitled, uncredited text of at most three paragraphs
 * that opened the region.
 */
function captionGoesOn(page: Page): boolean {
  const current = page.current
  if (current === undefined || current.kind !== 'fragment' || !page.setApart.has(current)) return false
  return (
    !page.credits.has(current) && current.body.every((block) => block.type === 'paragraph') && page.paragraphs() <= 3
  )
}

/**
 * A feature prints its writers under the intro, set off by a mark
 * (`…。□记者 张三`), and goes on in sections: a short line after such a
 * credit, over plain text that runs to the next headline or region (no
 * credit, lead or date of its own), is a subheading of the story, not a
 * new title.
 */
function resumesAfterIntro(page: Page, lines: readonly Line[], index: number, options: GroupOptions): boolean {
  const line = lines[index]
  const current = page.current
  if (current?.kind !== 'article' || page.phase !== 'closed' || page.markedCredit !== current) return false
  if (
    line === undefined ||
    line.role !== 'short' ||
    line.blankBefore >= 2 ||
    startsStory(lines, index, options.isPlaceName)
  )
    return false
  let end = index + 1
  let after = lines[end]
  while (after?.role === 'body' && after.blankBefore < 2) after = lines[++end]
  const ends = after === undefined || after.blankBefore >= 2 || after.role === 'short' || after.role === 'heading'
  return end > index + 1 && ends
}

/** Apply an archivist's override at `index`; the index of the last line it used. */
function override(
  page: Page,
  lines: readonly Line[],
  index: number,
  {starts, is, said}: LineOverride,
  options: GroupOptions
): number {
  const line = lines[index]
  // `index` is a line's (group's loop): there is one to take.
  if (line === undefined) return index
  let end = index + 1
  let item: DraftItem
  if (starts === 'article' && line.role !== 'body' && line.role !== 'figure') {
    end = headlineRun(lines, index, options)
    item = page.open(
      'article',
      line,
      readHeadline(
        lines.slice(index, end).map((each) => each.text),
        options
      )
    )
  } else if (starts) {
    item = page.open(starts, line)
    page.add('paragraph', line)
  } else {
    item = page.current ?? page.open('fragment', line)
    if (is === 'byline') page.credit(line)
    else page.add(is === 'subheading' ? 'subhead' : 'paragraph', line)
    page.phase = is === 'byline' ? 'closed' : 'body'
  }
  item.corrections.push(said)
  return end - 1
}
