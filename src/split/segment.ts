import {leadCredit} from './credits.js'
import {continuations} from './continuations.js'
import type {DraftItem, LineOverride} from './draft.js'
import {group} from './group.js'
import {lineRoles} from './line-roles.js'
import {isPhotoNews} from './photos.js'
import type {VFile} from 'vfile'
import type {RepairedLine} from './repair.js'

export type {DraftItem, LineOverride} from './draft.js'
export {pageNumber} from './continuations.js'

export interface SegmentOptions {
  isPlaceName: (text: string) => boolean
  /** Overrides by source line, from the corrections file. */
  overrides?: ReadonlyMap<number, LineOverride>
}

/**
 * The items of a page: every line gets its role, the lines are grouped
 * into items, and each item is finished (bylines of its lead, jump pages,
 * photo news told from articles).
 */
export function segment(repaired: RepairedLine[], options: SegmentOptions, file: VFile): DraftItem[] {
  const lines = lineRoles(repaired)
  const marked = repaired.some((line) => line.depth === 1 || line.depth === 2)
  const {items, credits, captioned} = group(lines, {...options, marked}, file)
  for (const item of items) {
    const first = item.body.find((block) => block.type === 'paragraph')
    const fromLead = first ? leadCredit(first.text.replace(/^[（(]\s*(?:上接|接上)[^）)]{1,8}[）)]/u, '')) : []
    item.bylines.unshift(...fromLead.filter((byline) => !item.bylines.some((each) => each.name === byline.name)))
    Object.assign(item, continuations(item.body))
    if (item.kind !== 'photo' && isPhotoNews(item, credits.get(item), captioned.has(item))) item.kind = 'photo'
  }
  return items
}
