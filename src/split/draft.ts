import type {Correction, Item} from '../model/types.js'

/** An item as the splitter finds it, before ids and places. */
export type DraftItem = Pick<
  Item,
  | 'kind'
  | 'dateline'
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'bylines'
  | 'body'
  | 'start'
  | 'continuedFrom'
  | 'continuedTo'
  | 'corrections'
>

/** A correction that decides where an item starts or what a line is. */
export type LineOverride = Pick<Correction, 'starts' | 'is'> & {said: string}
