import type {Byline, BylineRole} from '../model/types.js'

/*
 * The grammar of credit lines, the same on any paper: marks and brackets
 * around them, organisations before a role, roles before names (`记者 张三`)
 * or after them (`张三 摄`, `李四/文`), names of 2–3 characters (4 with a
 * compound surname, padded `王 五` joined), units where a source is named
 * (`来源：…`, `…供稿`). A line is read as a credit only when every part of it
 * fits: a title has words that are no name.
 */

/** What a credit says. */
export interface Credit {
  bylines: Byline[]
  /** A photographer's credit (`摄`, `摄影`): the item is photo news. */
  photo: boolean
  /** A role, a mark or brackets say it is a credit; bare names may be a title. */
  certain: boolean
}

const marks = '□■●◎○▲◆★☆◇'
const markAtStart = new RegExp(`^[${marks}]\\s*`, 'u')

/** A credit set off by a mark (`□本报记者 张三`), as features print it under their intro. */
export function isMarked(text: string): boolean {
  return markAtStart.test(text.trim())
}
/** Roles that name the people after them; the longest spelling first. */
const leadingRole = new RegExp(
  '(?:本报|本台|本网|本刊)?(?:' +
    [
      '(?:特约|见习|实习|首席|全媒体|融媒体|摄影)+记者|记者|特约通讯员|通讯员|实习生',
      '责任编辑|责编|美编|编辑|作者|[初复终一二三]审|审核|校对|撰文',
      '特约摄影师|摄影师|特约摄影|摄影报道|图片报道|摄影|图片|视频'
    ].join('|') +
    ')',
  'gu'
)
const anyRole = new RegExp(leadingRole.source, 'u')
/** The date a portal's credit line ends in (`编辑：张三 2017-07-21`, `时间：2025年12月11日`). */
const posted =
  /\s*(?:(?:时间|日期|发布时间)\s*[:：]\s*)?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u
/** Roles after which a unit stands, not a person. */
const sourceRole = /^(?:(?:稿件|信息|文章|新闻)?来源|发布平台|稿源|供稿|供图|选自|摘自|转自|转载自)$/u
const exactRole = new RegExp(`^(?:${leadingRole.source}|${sourceRole.source.slice(1, -1)})$`, 'u')
/** Roles that end a credit, after the names or the unit they apply to. */
const trailingRole = /(?:摄影报道|图片报道|报道|报导|供稿|供图|摄)$/u
const photoRole = /摄|图片|供图/u
const separators = /[\s:：/|｜丨︱_、，,（）()【】《》·•・&＆-]+/u
const allowed = /^[\p{Script=Han}\s:：/|｜丨︱_、，,（）()【】《》·•・&＆-]+$/u
/** What `allowed` allows, and the brackets a credit may be wrapped in. */
const unwrappable = /^[\p{Script=Han}\s:：/|｜丨︱_、，,（）()【】《》·•・&＆[\]-]*$/u
/** Names of units, which are no persons: `金集镇`, `中评社`, `县委宣传部`. */
const unit =
  /(?:区|县|市|镇|乡|村|街道|社区|局|委|部|办|站|社|报|网|台|新闻|频道|客户端|中心|集团|公司|协会|学校|大学|医院|所|院|馆|队|处|科|厅|组)$/u
const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '端木',
  '轩辕',
  '南宫',
  '西门',
  '百里',
  '呼延'
])

type Token =
  | {kind: 'role'; role: BylineRole; photo: boolean; leading: boolean; source: boolean}
  /** `glued`: run on after a role (`记者张三李四`), so names may be run together too. */
  | {kind: 'text'; text: string; glued: boolean; beforeRole?: true}

function roleToken(word: string, leading: boolean): Token {
  const role: BylineRole = photoRole.test(word)
    ? '摄影'
    : /通讯员/u.test(word)
      ? '通讯员'
      : /记者/u.test(word)
        ? '记者'
        : /编辑|责编/u.test(word)
          ? '编辑'
          : /实习生/u.test(word)
            ? '实习生'
            : null
  return {kind: 'role', role, photo: photoRole.test(word), leading, source: sourceRole.test(word)}
}

/** One piece between separators: roles found inside it split it further. */
function tokensOf(piece: string, out: Token[]): void {
  if (piece === '文' || piece === '图' || piece === '文图' || piece === '实习') {
    out.push({kind: 'role', role: null, photo: false, leading: false, source: false})
    return
  }
  if (sourceRole.test(piece)) {
    out.push(roleToken(piece, true))
    return
  }
  let rest = piece
  const tail: Token[] = []
  for (let match = trailingRole.exec(rest); match && match.index > 0; match = trailingRole.exec(rest)) {
    tail.unshift(roleToken(match[0], false))
    // `潍坊报道`, `宣传部供稿`: a place or a unit, not a name, before these.
    rest = /^(?:报道|报导|供稿|供图)$/u.test(match[0]) ? '' : rest.slice(0, match.index)
  }
  if (rest === '' || (rest === piece && trailingRole.test(piece))) {
    if (rest === '') {
      out.push(...tail)
      return
    }
    out.push(roleToken(piece, false))
    return
  }
  let at = 0
  for (const match of rest.matchAll(leadingRole)) {
    if (match.index > at) out.push({kind: 'text', text: rest.slice(at, match.index), glued: at > 0, beforeRole: true})
    out.push(roleToken(match[0], true))
    at = match.index + match[0].length
  }
  if (at < rest.length) out.push({kind: 'text', text: rest.slice(at), glued: at > 0})
  out.push(...tail)
}

/** Names in a run of text: `张三`, `王世冰纪全举` (two run together); undefined when not names. */
function namesIn(text: string, bare: boolean): string[] | undefined {
  const size = [...text].length
  if (size <= 3) return [text]
  if (size === 4)
    return compoundSurnames.has(text.slice(0, 2)) ? [text] : bare ? undefined : [text.slice(0, 2), text.slice(2)]
  if (size === 6 && !bare) return [text.slice(0, 3), text.slice(3)]
  return undefined
}

const sourceTail = new RegExp(`\\s+(?:${sourceRole.source.slice(1, -1)})\\s*[:：].*$`, 'u')

/** `来源：某某APP`: a source line names a unit, which may hold Latin letters and digits, and credits nobody. */
const sourceLine = new RegExp(`^(?:${sourceRole.source.slice(1, -1)})\\s*[:：]\\s*[^\\s，。,；;！？!?]{2,30}$`, 'u')

/** Read `text` as a whole credit line, or undefined when it is none. */
export function readCredit(text: string): Credit | undefined {
  let rest = text.trim()
  if (sourceLine.test(rest)) return {bylines: [], photo: false, certain: true}
  let certain = false
  if (markAtStart.test(rest)) {
    certain = true
    rest = rest.replace(markAtStart, '')
  }
  const undated = rest.replace(posted, '')
  if (undated !== rest && anyRole.test(undated)) rest = undated
  // `作者：张三 来源：《某某》2021年第11期`: after the names, the source names a unit (digits and all).
  const sourceAt = sourceTail.exec(rest)
  const afterSource = sourceAt?.[0].replace(/^\s*\S*?来源\s*[:：]/u, '') ?? ''
  if (sourceAt && anyRole.test(rest.slice(0, sourceAt.index)) && !anyRole.test(afterSource))
    rest = rest.slice(0, sourceAt.index)
  // Unwrapping takes away only characters of `unwrappable`: a line with any
  // other (a full stop, a digit: most lines) is no credit, wrapped or not.
  if (!unwrappable.test(rest)) return undefined
  const wrapped =
    /^[（(【[]\s*(.*?)\s*[）)】\]]$/u.exec(rest) ??
    /^[·•・]\s*(.*?)\s*[·•・]$/u.exec(rest) ??
    // An agency's photo: `某某社发（张三 摄）`, `某某社发张三摄`.
    /^[\p{Script=Han}·-]{2,12}发\s*[（(]\s*(.*?)\s*[）)]$/u.exec(rest) ??
    /^[\p{Script=Han}]{1,10}社发\s*([\p{Script=Han}\s]{2,12}摄)$/u.exec(rest)
  if (wrapped) {
    certain = true
    // Each pattern's one group always takes part.
    rest = wrapped[1] ?? ''
  }
  if (rest.length === 0 || rest.length > 60 || !allowed.test(rest)) return undefined

  const tokens: Token[] = []
  let source = false
  for (const piece of rest.split(separators)) {
    if (!piece) continue
    const exact = exactRole.test(piece)
    // After `来源` every piece is the unit's name, until a role stands alone.
    if (source && !exact) continue
    source = sourceRole.test(piece)
    tokensOf(piece, tokens)
  }
  const hasRole = tokens.some((token) => token.kind === 'role')
  const bare = !hasRole && !certain
  const firstRole = tokens.find((token) => token.kind === 'role')
  // Text run into a first role that leads names its organisation (`新华社记者`, `某某报业全媒体记者`);
  // set apart before it come names and units (`张三 李四 某某网-记者 王五`, `某某网·某某新闻 记者 …`).
  const first = firstRole?.kind === 'role' && firstRole.leading ? tokens.indexOf(firstRole) : -1
  const runInto = tokens[first - 1]
  const organisation = runInto?.kind === 'text' && runInto.beforeRole === true ? first - 1 : -1

  const bylines: Byline[] = []
  let role: BylineRole = null
  let photo = false
  let inSource = false
  let singles: string[] = []
  let sourced = false
  /** Names before this index have had a role after them. */
  let credited = 0
  const flushSingles = (): boolean => {
    if (singles.length === 1) return false
    for (let index = 0; index < singles.length; index += singles.length === 4 ? 2 : singles.length) {
      bylines.push({name: singles.slice(index, singles.length === 4 ? index + 2 : undefined).join(''), role})
    }
    singles = []
    return true
  }
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'role') {
      if (!flushSingles()) return undefined
      if (token.photo) photo = true
      if (token.source) sourced = true
      if (token.leading) {
        role = token.role
        inSource = token.source
      } else if (token.role) {
        // `张三 李四 摄`, `记者 张三 摄`: the role applies to the names before it.
        for (const byline of bylines.slice(credited)) if (byline.role === null || token.photo) byline.role = token.role
        credited = bylines.length
      }
      continue
    }
    // An organisation before the first role (`新华社记者`), or a unit after `来源`.
    if (inSource || index === organisation) continue
    const name = token.text
    if ([...name].length === 1) {
      singles.push(name)
      continue
    }
    if (!flushSingles()) return undefined
    if (unit.test(name) && ([...name].length >= 3 || /[区县市镇乡]$/u.test(name))) {
      if (bare && !certain) return undefined
      continue
    }
    const found = namesIn(name, !token.glued)
    if (!found) return undefined
    for (const each of found) bylines.push({name: each, role})
  }
  if (!flushSingles()) return undefined
  if (bylines.length === 0 && !sourced && !(photo && certain)) return undefined
  return {bylines, photo, certain: certain || hasRole}
}

const sentenceEnd = '。！？!?…；;'
const closers = '”」』'

/**
 * A credit appended to the last sentence of a paragraph or to a caption
 * (`…收割。（记者 张三）`, `…情景。张三摄`, `…长势 张三 摄`, `…环境。张三 李四`):
 * the text without it and the credit's own text. Bare names must follow a
 * full stop; a single bare name must be set off by a space as well.
 */
export function splitCreditSuffix(text: string): {text: string; credit: string; read: Credit} | undefined {
  const trimmed = text.trimEnd()
  const last = trimmed.at(-1) ?? ''
  if (last === '）' || last === ')' || last === '】') {
    const open = Math.max(trimmed.lastIndexOf('（'), trimmed.lastIndexOf('('), trimmed.lastIndexOf('【'))
    if (open <= 0) return undefined
    const read = readCredit(trimmed.slice(open))
    const before = trimmed.slice(0, open)
    const ends = sentenceEnd.includes(before.trimEnd().at(-1) ?? '') || closers.includes(before.trimEnd().at(-1) ?? '')
    if (!read || !(ends || /\s$/u.test(before) || read.photo)) return undefined
    return {text: before.trimEnd(), credit: trimmed.slice(open), read}
  }
  if (!/\p{Script=Han}$/u.test(last)) return undefined
  const from = Math.max(1, trimmed.length - 40)
  for (let index = from; index < trimmed.length; index++) {
    const previous = trimmed.charAt(index - 1)
    const current = trimmed.charAt(index)
    const boundary =
      sentenceEnd.includes(previous) ||
      closers.includes(previous) ||
      /\s/u.test(previous) ||
      marks.includes(current) ||
      current === '/'
    if (!boundary || /\s/u.test(current)) continue
    const tail = trimmed.slice(index)
    const read = readCredit(tail)
    if (!read) continue
    const before = trimmed.slice(0, index).trimEnd()
    if (before.length === 0) return undefined
    if (!read.certain) {
      // Bare names only after a full sentence (`…环境。”张三 李四`), set off by spaces.
      const end = closers.includes(before.charAt(before.length - 1)) ? before.at(-2) : before.at(-1)
      if (!sentenceEnd.includes(end ?? '') || /[、，,]/u.test(tail)) continue
      if (read.bylines.length === 1 && !/\s$/u.test(trimmed.slice(0, index))) continue
    }
    return {text: before, credit: tail, read}
  }
  return undefined
}

const leadMarker = /^(?:[^，。,！？\s]{0,30}?(?:讯|电|消息|报道))\s*([（(][^）)]{2,60}[）)])/u
const leadBracket = /^([（(][^）)]{2,60}[）)])/u
/** `XX网讯 记者张三、通讯员李四报道：`: the credit runs to `报道` and a colon, unbracketed. */
const leadReported = /^[^，。,！？\s]{0,30}?(?:讯|电|消息)\s*([^，。,！？:：]{2,40}?)\s*报道\s*[:：]/u

/** Names in a lead's dateline: `本报讯（记者 张三）`, `XX网X月X日电(李四)`, `(记者 王五)近日…`. */
export function leadCredit(text: string): Byline[] {
  const match = leadBracket.exec(text) ?? leadMarker.exec(text)
  // Each pattern's first group always takes part.
  if (match) return readCredit(match[1] ?? '')?.bylines ?? []
  const reported = leadReported.exec(text)
  const credit = reported ? readCredit(reported[1] ?? '') : undefined
  // Unbracketed, only a role makes it a credit: `XX讯 全县上下报道：` names nobody.
  return credit?.certain ? credit.bylines : []
}
