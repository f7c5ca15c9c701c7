import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'

/** Messages as vfile-reporter prints them: grouped by file, with line:column. */
export function formatReports(messages: readonly VFileMessage[]): string {
  const files = new Map<string, VFile>()
  for (const message of messages) {
    const path = message.file ?? ''
    const file = files.get(path) ?? new VFile({path: printable(path)})
    files.set(path, file)
    // A copy: the message itself is the archive's, and its text is printed escaped.
    const place = message.line === undefined ? undefined : {line: message.line, column: message.column ?? 1}
    const {source, ruleId} = message
    const printed = file.message(printable(message.reason), {
      place,
      ...(source ? {source} : {}),
      ...(ruleId ? {ruleId} : {})
    })
    printed.fatal = message.fatal
  }
  return reporter([...files.values()], {verbose: false})
}

// Controls (a newline is legal in a Linux file name), line and paragraph
// separators, and bidirectional overrides: printed as they are, they would
// forge report lines or reorder what a reader sees.
// eslint-disable-next-line no-control-regex -- controls are what it finds
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
