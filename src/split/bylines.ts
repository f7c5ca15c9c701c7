import type {Byline, BylineRole} from '../types.js'
import {han} from './text.js'

/*
 * Bylines come in many forms on these pages:
 *   ·夏凡 张顺燕 印春湘·        a dotted name line
 *   潘雪芹 / 陈阳 张园朝 王喆 吉柳  a line of bare names
 *   本报通讯员 成晓丹            a role and names
 *   …良好水域环境。曹璐 余波      names after the last sentence
 *   本报讯（通讯员孙冬红 记者任溢斌） inside the lead
 *   康传广 陆虞飞摄 / 记者 刘五 摄  a photo credit
 *   □记者 张三 / ■通讯员 周某     a role line set off by a mark
 *   …农民们忙着收割。（记者 赵四）  a role in brackets after the last sentence
 * Names are 2–4 Han characters (a pen name such as 丛组宣 too); a compound
 * surname makes 4. Anything longer is not read as a name.
 */

const name = `[${han}]{2,4}`
const names = `${name}(?:[ 、，,]+${name})*`
const roleWords = '(?:特约|见习)?(?:记者|通讯员|摄影记者|摄影|摄)'

const dotted = new RegExp(`^[·•・]\\s*(${names}|[${han}]{2,8})\\s*[·•・]$`, 'u')
const bare = new RegExp(`^(${names})$`, 'u')
const roled = new RegExp(`^(?:本报|本刊)?(?:${roleWords}\\s*${names}\\s*)+$`, 'u')
const credit = new RegExp(`^(?:(?:本报)?(?:记者|通讯员)?\\s*)(${names})\\s*(?:/|\\s)?\\s*(?:摄影|摄)$`, 'u')
const suffix = new RegExp(`^(.*[。！？!?”」）)])\\s*(${names})$`, 'u')
const bracketed = new RegExp(`^(.*[。！？!?”」])\\s*([（(]\\s*(?:${roleWords}\\s*${names}\\s*)+[）)])$`, 'u')
const closingBracket = /[）)]$/u
const endsInHan = new RegExp(`[${han}]$`, 'u')
/** Marks some papers set before a byline: `□记者 张三`, `■通讯员 周某`. */
const mark = /^[□■●◎○▲◆★☆]\s*/u
const lead = new RegExp(`^(?:本报讯|本报[${han}]{0,4}电)\\s*[（(]([^）)]{2,60})[）)]`, 'u')

/** How a line reads as a byline. */
export type BylineShape = 'dotted' | 'names' | 'roled' | 'credit'

/** If the whole line is a byline, its shape. */
export function bylineShape(line: string): BylineShape | undefined {
  const text = line.replace(mark, '')
  if (dotted.test(text)) return 'dotted'
  if (credit.test(text)) return 'credit'
  if (roled.test(text)) return 'roled'
  if (bare.test(text)) return 'names'
  return undefined
}

/**
 * Names appended to the last sentence of a paragraph
 * (`…良好水域环境。曹璐 余波`): returns the paragraph without them and the
 * byline text. A single name must be set off by a space, two or more need
 * not be, so that a paragraph broken after `。下一步` is not misread.
 */
export function splitBylineSuffix(text: string): {text: string; byline: string} | undefined {
  // Both patterns backtrack through the whole line; their last character
  // (a bracket, a Han character) rules most lines out first.
  const last = text.slice(-2)
  const inBrackets = closingBracket.test(last) ? bracketed.exec(text) : null
  if (inBrackets) return {text: inBrackets[1]!.trimEnd(), byline: inBrackets[2]!}
  const match = endsInHan.test(last) ? suffix.exec(text) : null
  if (!match) return undefined
  const [, body, tail] = match as unknown as [string, string, string]
  const spaced = /\s$/.test(text.slice(0, text.length - tail.length))
  if (!spaced && !/\s/.test(tail)) return undefined
  return {text: body.trimEnd(), byline: tail.trim()}
}

/** Parse a byline line (any shape of `bylineShape`) into names with roles. */
export function parseBylines(text: string): Byline[] {
  const trimmed = text
    .replace(mark, '')
    .replace(/^[·•・（(]|[·•・）)]$/gu, '')
    .trim()
  if (credit.test(trimmed)) {
    const inner = trimmed.replace(/\s*(?:\/\s*)?(?:摄影|摄)$/u, '').replace(/^(?:本报)?(?:记者|通讯员)?\s*/u, '')
    return splitNames(inner).map((each) => ({name: each, role: '摄影'}))
  }
  return parseRoledNames(trimmed.replace(/^(?:本报|本刊)/u, ''))
}

/** Bylines stated inside the lead: `本报讯（通讯员孙冬红 记者任溢斌）`. */
export function leadBylines(text: string): Byline[] {
  const match = lead.exec(text)
  if (!match) return []
  return parseRoledNames(match[1]!)
}

/**
 * `通讯员孙冬红 记者任溢斌`, `通讯员韦荣奎 鲁忠林`: a role applies to the names
 * after it until the next role.
 */
function parseRoledNames(text: string): Byline[] {
  const result: Byline[] = []
  let role: BylineRole = null
  const tokens = text.split(new RegExp(`(${roleWords})`, 'u'))
  for (const token of tokens) {
    if (!token) continue
    if (new RegExp(`^${roleWords}$`, 'u').test(token)) {
      role = /摄/u.test(token) ? '摄影' : /通讯员/u.test(token) ? '通讯员' : '记者'
      continue
    }
    for (const each of splitNames(token)) result.push({name: each, role})
  }
  return result
}

function splitNames(text: string): string[] {
  return text
    .split(/[ 、，,]+/u)
    .map((each) => each.trim())
    .filter((each) => new RegExp(`^[${han}]{2,8}$`, 'u').test(each))
}
