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

export {severityOf}
