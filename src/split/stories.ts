import type {Line} from './line-roles.js'
import {hasClausePunctuation, length, tidySpaces} from './text.js'

/** How a news lead opens: `本报讯`, `XX网讯`, `XX电(记者 …)`, `(记者 张三)`. */
const lead =
  /^(?:本报讯|[^，。,；;！？\s]{0,30}?(?:讯|电)\s*[（(：:]|[^，。,；;！？\s]{1,30}?讯\s|[（(]\s*(?:本报)?(?:记者|通讯员))/u
/** `一、`, `1 `, `A `, `（二）`: a numbered section of one story. */
const numbered =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[ 、.．]|[A-Z][ 、.．])/u
/** `河南林州:…`, `全球连线|…`: a place or a column named before the title. */
const labelled = /^[^，。,；;：:|丨｜\s]{2,12}[：:|丨｜]\S/u

/**
 * A paragraph that opens with when it happened (`9月2日，`, `近日，`,
 * `入冬以来，`) is how a news report begins, not how a section goes on.
 */
const timeLead = /^(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|近日|日前|连日来|近期|[\p{Script=Han}]{1,4}以来)[，,]/u

export function opensLead(text: string): boolean {
  return lead.test(text)
}

/** A news lead, or a first sentence that says when it happened. */
function opensStory(text: string): boolean {
  return lead.test(text) || timeLead.test(text)
}

/**
 * A short line inside a story on a plain page: the title of a new story
 * rather than a subheading? Yes when it names a place above a title, is
 * labelled (`地名：…`, `栏目|…`) or carries a kicker's dash, when a credit or
 * a news lead or a dated first sentence follows it, or when it is long
 * and no clause. Numbered lines
 * are sections.
 */
export function startsStory(lines: readonly Line[], index: number, isPlaceName: (text: string) => boolean): boolean {
  const line = lines[index]
  if (line === undefined) return false
  const next = lines[index + 1]
  const text = tidySpaces(line.text)
  if (numbered.test(text)) return false
  if (next && (next.role === 'short' || next.role === 'heading' || next.role === 'names') && isPlaceName(text))
    return true
  if (next && next.blankBefore < 2 && next.role === 'credit' && !next.credit?.photo) return true
  // Title and subtitle, or a subheading of two lines? A dash-led second line, a lead under the pair, or a
  // first line longer than a subheading's half says title.
  if (next && next.role === 'short' && next.blankBefore < 2) {
    const after = lines[index + 2]
    const dashed = /^(?:——|-{2,})/u.test(next.text)
    return dashed || length(text) >= 18 || after?.role !== 'body' || opensStory(after.text)
  }
  if (/——$/u.test(text) || /[^—]——\s*\S/u.test(text) || labelled.test(text)) return true
  if (next && next.role === 'body' && opensStory(next.text)) return true
  return length(text) >= 22 && !hasClausePunctuation(text)
}
