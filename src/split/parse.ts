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

/** Parse gazette text into its non-blank lines, headings marked. */
export function parseLines(text: string): SourceLine[] {
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
