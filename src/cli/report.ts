import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Report} from '../model/types.js'

/** Reports as vfile-reporter prints them: grouped by file, with line:column. */
export function formatReports(reports: Report[]): string {
  const files = new Map<string, VFile>()
  for (const report of reports) {
    const file = files.get(report.file) ?? new VFile({path: printable(report.file)})
    files.set(report.file, file)
    const place = report.line === null ? undefined : {line: report.line, column: report.column ?? 1}
    const [source, ruleId] = report.ruleId.split(':')
    const message = file.message(printable(report.message), {place, ruleId, source})
    message.fatal = report.severity === 'error' ? true : report.severity === 'warning' ? false : undefined
  }
  return reporter([...files.values()], {verbose: false})
}

// Controls (a newline is legal in a Linux file name), line and paragraph
// separators, and bidirectional overrides: printed as they are, they would
// forge report lines or reorder what a reader sees.
const unprintable = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu

/** Text with every unprintable character escaped (`\n`, `\x1B`, `\u202E`), so that one report is one line. */
export function printable(text: string): string {
  return text.replace(unprintable, (char) => {
    const code = char.charCodeAt(0)
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return '\\t'
    const hex = code.toString(16).toUpperCase()
    return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`
  })
}
