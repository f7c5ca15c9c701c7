import type {VFileMessage} from 'vfile-message'
import {severityOf} from '../../src/model/messages.js'

/** A message's rule as vfile-reporter prints it: `source:ruleId`. */
export function rule(message: VFileMessage): string {
  return `${message.source}:${message.ruleId}`
}

/** What a test compares of a message: where, which rule, how bad. */
export function shape(message: VFileMessage | undefined) {
  return (
    message && {file: message.file, line: message.line ?? null, ruleId: rule(message), severity: severityOf(message)}
  )
}

/** The messages about one file. */
export const reportsFor = (messages: VFileMessage[], file: string) =>
  messages.filter((message) => message.file === file)

/** Warnings and errors. */
export const problems = (messages: VFileMessage[]) => messages.filter((message) => severityOf(message) !== 'info')

/** Warnings and errors as [line, rule, severity, reason]. */
export const problemRows = (messages: VFileMessage[]) =>
  problems(messages).map((message) => [message.line ?? null, rule(message), severityOf(message), message.reason])

export {severityOf}
