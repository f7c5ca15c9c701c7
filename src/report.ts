import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Report} from './types.js'

/** Reports as vfile-reporter prints them: grouped by file, with line:column. */
export function formatReports(reports: Report[]): string {
  const files = new Map<string, VFile>()
  for (const report of reports) {
    const file = files.get(report.file) ?? new VFile({path: report.file})
    files.set(report.file, file)
    const place = report.line === null ? undefined : {line: report.line, column: report.column ?? 1}
    const message = file.message(report.message, {place, ruleId: report.ruleId.split(':')[1], source: report.ruleId.split(':')[0]})
    message.fatal = report.severity === 'error' ? true : report.severity === 'warning' ? false : undefined
  }
  return reporter([...files.values()], {verbose: false})
}
