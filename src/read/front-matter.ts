import {readMetadata, type MetadataInput} from './metadata-schema.js'
import {lineAt, offsetOf, parseMapping} from './yaml-mapping.js'

export interface FrontMatter {
  /** The valid fields of the block, or undefined when the file has none. */
  metadata: MetadataInput | undefined
  /**
   * The text with the front matter replaced by blank lines, so that line
   * numbers of the body still point into the original file.
   */
  body: string
  /** What is wrong with the block, each at its line in the file. */
  problems: Array<{line: number | null; message: string}>
}

const fence = /^---[ \t]*$/

/**
 * Split YAML front matter (`---` … `---` at the very top) from the text,
 * and read its fields one by one: a bad field is reported at its own line
 * and the others kept.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n')
  // A split gives one line at least.
  const [opening = ''] = lines
  if (!fence.test(opening)) return {metadata: undefined, body: text, problems: []}
  const end = lines.findIndex((line, index) => index > 0 && fence.test(line))
  if (end < 0) return unclosed(lines)
  const body = [...Array.from({length: end + 1}, () => ''), ...lines.slice(end + 1)].join('\n')
  // The fence's line stays, blank: the parser's offsets then give the file's lines.
  const yaml = ['', ...lines.slice(1, end)].join('\n')
  const problems: FrontMatter['problems'] = []
  const parsed = parseMapping(
    yaml,
    (offset, message, problem) => {
      // The report gives the line; the parser's own `at line …` would repeat it.
      const said = message.replace(/ at line \d+, column \d+:?$/u, '')
      const line = lineAt(yaml, offset) ?? 1
      problems.push({line, message: problem === 'syntax' ? `front matter is not valid YAML: ${said}` : said})
    },
    'front matter must be fields, one a line (`paper: …`, `date: …`)'
  )
  if (!parsed) return {metadata: problems.length > 0 ? undefined : {}, body, problems}
  const {metadata, problems: fields} = readMetadata(parsed.root)
  for (const {key, message} of fields) {
    problems.push({line: lineAt(yaml, key === null ? 0 : offsetOf(parsed.document, [key])) ?? 1, message})
  }
  return {metadata, body, problems}
}

/**
 * An opening `---` that nothing closes: the block cannot be told from the
 * text after it, so none of it is read as fields, and all of it is kept as
 * text (the split stage accounts for every character of the body). Only the
 * fence itself is blanked, so that no item is titled `---`.
 */
function unclosed(lines: string[]): FrontMatter {
  const body = ['', ...lines.slice(1)].join('\n')
  const message =
    'front matter not closed: no `---` line ends it, so none of its fields is read; its lines are kept as text'
  return {metadata: undefined, body, problems: [{line: 1, message}]}
}
