import {parse as parseYaml, YAMLParseError} from 'yaml'

export interface FrontMatter {
  /** The parsed YAML, or undefined when the file has none. */
  data: unknown
  /**
   * The text with the front matter replaced by blank lines, so that line
   * numbers of the body still point into the original file.
   */
  body: string
  /** A syntax error in the YAML, with its line in the file. */
  error?: {line: number; message: string}
}

const fence = /^---[ \t]*$/

/** Split YAML front matter (`---` … `---` at the very top) from the text. */
export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n')
  if (lines.length < 2 || !fence.test(lines[0]!)) return {data: undefined, body: text}
  const end = lines.findIndex((line, index) => index > 0 && fence.test(line))
  if (end < 0) return {data: undefined, body: text}
  const yaml = lines.slice(1, end).join('\n')
  const body = [...Array.from({length: end + 1}, () => ''), ...lines.slice(end + 1)].join('\n')
  try {
    return {data: parseYaml(yaml) ?? {}, body}
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 0) + 1 : 1
    // The parser counts lines from inside the fence; the report gives the file's line instead.
    const message = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/ at line \d+, column \d+/u, '')
    return {data: undefined, body, error: {line, message}}
  }
}
