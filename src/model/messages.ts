import {VFileMessage} from 'vfile-message'

/*
 * Every stage reports problems and decisions as vfile messages, the one
 * message type of the unified collective: `file`, `place`, `source` (the
 * stage: read, split, tag, archive, config), `ruleId`, `fatal` (true: an
 * error; false: a warning, the output may be wrong; undefined: a note worth
 * knowing) and `actual` (the text a message is about: a removed repeat).
 *
 * Messages are Error objects, which neither structured clone nor V8's
 * serializer keeps whole; `toRecord`/`fromRecord` turn them into plain data
 * and back where a gazette leaves the process (a split + tag process, the
 * cache, the site's state).
 */

export type Severity = 'error' | 'warning' | 'info'

export interface MessageOptions {
  line?: number | null | undefined
  column?: number | null | undefined
  severity?: Severity
  /** The text the message is about. */
  actual?: string | undefined
}

/** A message of `source`'s rule `ruleId` about `file` (a path as given to the build). */
export function message(
  file: string,
  source: string,
  ruleId: string,
  reason: string,
  options: MessageOptions = {}
): VFileMessage {
  const {line, column, severity = 'error', actual} = options
  const place = typeof line === 'number' ? {line, column: column ?? 1} : undefined
  // VFileMessage sets its stack to '' after Error captured one: not capturing it makes a message a third as dear.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const result = new VFileMessage(reason, {place, ruleId, source})
  Error.stackTraceLimit = limit
  // As `VFile#message` makes it: the name is where, path first.
  if (file) result.name = `${file}:${result.name}`
  result.file = file
  result.fatal = fatalOf(severity)
  // Only where there is no position does `column` stay unknown: vfile sets both or neither.
  if (place && (column === null || column === undefined)) result.column = undefined
  if (actual !== undefined) result.actual = actual
  return result
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Whether `message` is of `source`'s rule `ruleId`. */
export function isRule(message: VFileMessage, source: string, ruleId: string): boolean {
  return message.source === source && message.ruleId === ruleId
}

/** A message as plain data: what a cache entry or a process boundary keeps of it. */
export interface MessageRecord {
  file: string
  line: number | null
  column: number | null
  source: string
  ruleId: string
  severity: Severity
  reason: string
  actual?: string
}

export function toRecord(message: VFileMessage): MessageRecord {
  return {
    file: message.file ?? '',
    line: message.line ?? null,
    column: message.column ?? null,
    source: message.source ?? '',
    ruleId: message.ruleId ?? '',
    severity: severityOf(message),
    reason: message.reason,
    ...(typeof message.actual === 'string' ? {actual: message.actual} : {})
  }
}

export function fromRecord(record: MessageRecord): VFileMessage {
  return message(record.file, record.source, record.ruleId, record.reason, record)
}

/** A value whose `reports` are records: how it is kept on disk and sent between processes. */
export type Stored<T extends {reports: VFileMessage[]}> = Omit<T, 'reports'> & {reports: MessageRecord[]}

export function store<T extends {reports: VFileMessage[]}>(value: T): Stored<T> {
  return {...value, reports: value.reports.map(toRecord)}
}

/** A stored value with its messages back: `T` again, in all but name (TypeScript cannot see it is a `T`). */
export type Restored<T extends {reports: VFileMessage[]}> = Omit<T, 'reports'> & {reports: VFileMessage[]}

export function restore<T extends {reports: VFileMessage[]}>(value: Stored<T>): Restored<T> {
  return {...value, reports: value.reports.map(fromRecord)}
}
