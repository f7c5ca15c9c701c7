import {isArray} from './is-array.js'

/** The fields of an error (its own or one it wraps) that lead to a system error. */
type ErrorField = 'code' | 'path' | 'cause' | 'originalError' | 'errors'

/** What the file system said, by code, in words a user acts on. */
const advice: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EMFILE: 'too many open files'
}

/**
 * The system error at the root of `error`, if there is one: Eleventy wraps
 * a failed write in errors of its own, one per page (`originalError`,
 * `cause`), and a full disk then printed hundreds of stacks.
 */
export function systemError(error: unknown): {code: string; path?: string | undefined; text: string} | undefined {
  const seen = new Set<unknown>()
  const queue = [error]
  while (queue.length > 0) {
    const next = queue.shift()
    if (typeof next !== 'object' || next === null || seen.has(next)) continue
    seen.add(next)
    // Any object may have these, as a NodeJS.ErrnoException or an error wrapping one does.
    const {code, path, cause, originalError, errors}: Partial<Record<ErrorField, unknown>> = next
    if (typeof code === 'string' && code in advice) {
      const at = typeof path === 'string' ? path : undefined
      return {code, path: at, text: `${advice[code]} (${code})${at ? ` at ${at}` : ''}`}
    }
    queue.push(cause, originalError, ...(isArray(errors) ? errors : []))
  }
  return undefined
}
