import type {Heading, Paragraph} from 'mdast'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'

/**
 * Every micromark construct except ATX headings and paragraphs.
 *
 * Gazette text is text: `*`, `1. `, `<b>`, `> `, four leading spaces or
 * `---` are printed characters, never markup, and must reach the page as
 * they were.
 */
const disabledConstructs = [
  'attention',
  'autolink',
  'blockQuote',
  'characterEscape',
  'characterReference',
  'codeFenced',
  'codeIndented',
  'codeText',
  'definition',
  'gfmAutolinkLiteral',
  'hardBreakEscape',
  'hardBreakTrailing',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
  'list',
  'setextUnderline',
  'thematicBreak'
]

/** remark plugin: read gazette text with headings as the only syntax. */
export function remarkGazetteSyntax(this: Processor): void {
  const data = this.data()
  const extensions = (data.micromarkExtensions ??= [])
  extensions.push({disable: {null: disabledConstructs}})
}

const processor = unified().use(remarkParse).use(remarkGazetteSyntax)

/** One non-blank line of a gazette, as the parser saw it. */
export interface SourceLine {
  text: string
  /** 1-based line and column of the first character of `text`. */
  line: number
  column: number
  /** Heading depth (1–3, from `#`…`###`), 0 for plain text. */
  depth: number
  /** Blank lines between this line and the previous non-blank one (or the top). */
  blankBefore: number
}

/**
 * Parse gazette text into its non-blank lines, headings marked. Text whose
 * lines are plain or canonical ATX headings (`## 标题`: no indent, one to six
 * `#` and a space) is read line by line, as remark would read it, at a
 * twentieth of the cost; anything else (an indented `#`, `#标题`, two
 * trailing spaces, `\r`, NUL) goes to remark.
 */
export function parseLines(text: string): SourceLine[] {
  return readSimpleLines(text) ?? parseWithRemark(text)
}

/** Parse with remark (headings are the only syntax). */
export function parseWithRemark(text: string): SourceLine[] {
  const tree = processor.parse(text)
  const sourceLines = text.split('\n')
  const lines: SourceLine[] = []
  let previousLine = 0
  const push = (value: string, line: number, depth: number) => {
    const content = value.trim()
    if (!content) return
    const column = (sourceLines[line - 1] ?? '').indexOf(content.slice(0, 1)) + 1
    lines.push({text: content, line, column: Math.max(column, 1), depth, blankBefore: line - previousLine - 1})
    previousLine = line
  }
  for (const node of tree.children) {
    const start = node.position?.start.line ?? previousLine + 1
    if (node.type === 'heading') {
      push(plainText(node), start, (node as Heading).depth)
    } else if (node.type === 'paragraph') {
      // A paragraph of several lines is several gazette lines: extraction
      // puts one printed paragraph (or byline, or title) per line.
      plainText(node as Paragraph)
        .split('\n')
        .forEach((value, offset) => push(value, start + offset, 0))
    }
  }
  return lines
}

function plainText(node: Heading | Paragraph): string {
  return node.children.map((child) => ('value' in child ? child.value : '')).join('')
}

/** `## 标题`, `###`, `# 标题 #`: a heading as written by every extractor, unindented. */
const canonicalHeading = /^(#{1,6})(?:[ \t]|$)/u
/** The closing sequence of an ATX heading: `#`s after white space, at the end. */
const closingSequence = /[ \t]+#+[ \t]*$/u
const onlyHashes = /^#+[ \t]*$/u
const trailingSpaces = /[ \t]{2}$/u
/** A blank line to remark holds spaces and tabs only (`\u3000` is text). */
const blank = /^[ \t]*$/u

/**
 * The lines of text that needs no parser, read as remark reads them: a
 * heading's text without its `#` marks (and closing ones), every other
 * non-blank line trimmed. Undefined when a line might read otherwise.
 */
export function readSimpleLines(text: string): SourceLine[] | undefined {
  if (text.includes('\r') || text.includes('\0')) return undefined
  const lines: SourceLine[] = []
  let previousLine = 0
  let line = 0
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const source = text.slice(start, end)
    start = end + 1
    // remark drops the line end after two trailing spaces (`甲  ⏎乙` is `甲乙`).
    if (trailingSpaces.test(source) && !blank.test(source)) return undefined
    const trimmed = source.trim()
    if (!trimmed) continue
    let content = trimmed
    let depth = 0
    if (trimmed.startsWith('#')) {
      const heading = canonicalHeading.exec(source)
      if (!heading) return undefined
      // The pattern's group always takes part: one to six `#`.
      depth = (heading[1] ?? '').length
      content = headingText(source.slice(depth)).trim()
      if (!content) continue
    }
    const column = source.indexOf(content.slice(0, 1)) + 1
    lines.push({text: content, line: line + 1, column: Math.max(column, 1), depth, blankBefore: line - previousLine})
    previousLine = line + 1
  }
  return lines
}

/** What follows a heading's opening `#`s, without the white space around it and a closing sequence. */
function headingText(rest: string): string {
  const inner = rest.replace(/^[ \t]+/u, '')
  if (onlyHashes.test(inner)) return ''
  return inner.replace(closingSequence, '').replace(/[ \t]+$/u, '')
}
