import type {Report} from '../../src/model/types.js'

/** A report's place and kind, without its message. */
export const shape = (report: Report | undefined) =>
  report && {file: report.file, line: report.line, ruleId: report.ruleId, severity: report.severity}

/** The reports about one file. */
export const reportsFor = (reports: Report[], file: string) => reports.filter((report) => report.file === file)

/** Warnings and errors. */
export const problems = (reports: Report[]) => reports.filter((report) => report.severity !== 'info')

/** Warnings and errors as [line, rule, severity, message]. */
export const problemRows = (reports: Report[]) =>
  problems(reports).map((report) => [report.line, report.ruleId, report.severity, report.message])
