import type {Item} from '../types.js'
import {hasClausePunctuation, length, tidySpaces} from './text.js'

/** The parts of an article's headline. */
export type Headline = Pick<Item, 'dateline' | 'kicker' | 'title' | 'subtitle'>

export interface HeadlineOptions {
  /** True when a line names a place only (`太仓市`, `常州钟楼`). */
  isPlaceName: (text: string) => boolean
}

/**
 * Read the lines above an article's body as dateline, kicker (引题), title
 * and subtitle (副题), in the order papers set them:
 *
 * - a first line naming only a place, above a title, is the dateline;
 * - a line ending in `——` is a kicker, and text after `—— ` on the same line
 *   is the title;
 * - a line whose first part is a clause (has a comma) and whose last part,
 *   after a space, is short and plain, is kicker + title on one line;
 * - of the rest, the first is the title and the next the subtitle; a third
 *   line makes the first a kicker.
 */
export function readHeadline(lines: string[], options: HeadlineOptions): Headline {
  const headline: Headline = {dateline: null, kicker: null, title: null, subtitle: null}
  const rest = lines.map((line) => tidySpaces(line))
  if (rest.length > 1 && options.isPlaceName(rest[0]!)) headline.dateline = rest.shift()!

  const parts: string[] = []
  for (const line of rest) {
    const dash = /^(.+?——)\s*(\S.*)$/u.exec(line)
    if (dash && !headline.kicker && parts.length === 0) {
      headline.kicker = dash[1]!
      parts.push(dash[2]!)
    } else if (/——$/u.test(line) && !headline.kicker && parts.length === 0) {
      headline.kicker = line
    } else {
      parts.push(line)
    }
  }

  if (!headline.kicker && parts.length === 1) {
    const split = splitClauseKicker(parts[0]!)
    if (split) {
      headline.kicker = split.kicker
      parts[0] = split.title
    }
  }
  if (!headline.kicker && parts.length > 2) headline.kicker = parts.shift()!
  // A clause (it has a comma) over a plain line reads as kicker and title:
  // `以“三张清单”推动惠企政策直达快享，汤庄镇` ⏎ `为企业发展按下“快进键”`.
  if (!headline.kicker && parts.length === 2 && /[，,；;]/u.test(parts[0]!) && !/[，,；;]/u.test(parts[1]!)) headline.kicker = parts.shift()!
  headline.title = parts.shift() ?? null
  headline.subtitle = parts.length > 0 ? parts.join(' ') : null
  return headline
}

function splitClauseKicker(line: string): {kicker: string; title: string} | undefined {
  const space = line.lastIndexOf(' ')
  if (space < 0) return undefined
  const kicker = line.slice(0, space)
  const title = line.slice(space + 1)
  if (!hasClausePunctuation(kicker) || length(kicker) < 12) return undefined
  if (hasClausePunctuation(title) || length(title) > 20 || length(title) < 4) return undefined
  return {kicker, title}
}
