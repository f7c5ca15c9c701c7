import type {Heading, Paragraph, Root} from 'mdast'
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
 * Parse gazette text into its non-blank lines, headings marked.
 *
 * With every construct but ATX headings and paragraphs disabled, the
 * Markdown parser reads each line on its own, so a line scan gives the
 * same lines at a fraction of the cost (the parser was a quarter of the
 * split + tag time). Text the scan does not model (`\r` line ends, NUL, a
 * leading BOM: never in text from `decode`) goes through the parser.
 * tests/split.test.ts checks the two agree.
 */
export function parseLines(text: string): SourceLine[] {
  return needsParser.test(text) ? parseLinesWithMarkdown(text) : scanLines(text)
}

const needsParser = /^\uFEFF|[\r\0]/u

/** An ATX heading: any indent (indented code is off), 1–6 `#`, then a space, tab or the line end. */
const atxHeading = /^[ \t]*(#{1,6})(?:[ \t]+(.*))?$/su
/** A closing sequence: `#`s alone, or after a space or tab. */
const closingSequence = /(?:^|[ \t])#+$/u
/** Blank to the parser: nothing but spaces and tabs. */
const blank = /^[ \t]*$/u
/**
 * Two or more spaces (no tab) at the end of a line inside a paragraph make
 * a hard break: the parser then leaves out the line end, so the next line
 * runs on in the same text (`甲  ` ⏎ `乙` is one line `甲乙`).
 */
const hardBreak = /(?:^|[^ \t]) {2,}$/u

/** The heading a line is, with its text as the parser reads it. */
function readHeading(row: string): {depth: number; text: string} | undefined {
  const match = row.includes('#') ? atxHeading.exec(row) : null
  if (!match) return undefined
  // Trailing space and tab, then the closing sequence and the space before it, go.
  let text = (match[2] ?? '').replace(/[ \t]+$/u, '')
  const closing = closingSequence.exec(text)
  if (closing) text = text.slice(0, closing.index)
  return {depth: match[1]!.length, text}
}

/** The line scan behind `parseLines`: what the parser does with headings and paragraphs. */
export function scanLines(text: string): SourceLine[] {
  const rows = text.split('\n')
  const lines: SourceLine[] = []
  let previousLine = 0
  const push = (value: string, line: number, depth: number) => {
    const content = value.trim()
    if (!content) return
    const column = (rows[line - 1] ?? '').indexOf(content.slice(0, 1)) + 1
    lines.push({text: content, line, column: Math.max(column, 1), depth, blankBefore: line - previousLine - 1})
    previousLine = line
  }
  const continuesParagraph = (row: string | undefined) => row !== undefined && !blank.test(row) && readHeading(row) === undefined
  // The open paragraph: its first row (0-based, -1 when none), the lines of
  // its text so far, and a line run on from a hard break.
  let start = -1
  let count = 0
  let runOn: string | undefined
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!
    const heading = readHeading(row)
    if (heading || blank.test(row)) {
      start = -1
      if (heading) push(heading.text, index + 1, heading.depth)
      continue
    }
    if (start < 0) {
      start = index
      count = 0
    }
    const value = runOn === undefined ? row : runOn + row.replace(/^[ \t]+/u, '')
    runOn = undefined
    if (hardBreak.test(row) && continuesParagraph(rows[index + 1])) {
      runOn = value.replace(/ +$/u, '')
      continue
    }
    // Lines are numbered from the paragraph's start: a run-on line shifts the rest up.
    push(value, start + count + 1, 0)
    count++
  }
  return lines
}

/** `parseLines` by the Markdown parser itself. */
export function parseLinesWithMarkdown(text: string): SourceLine[] {
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
