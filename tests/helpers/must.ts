import {AssertionError} from 'node:assert'

/**
 * `value`, which a test expects to be there (an item at a position, what a
 * `find` should find): a failing assertion naming `what` if it is not, instead
 * of a `!` that would let `undefined` run on into a TypeError.
 */
export function must<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) {
    throw new AssertionError({message: `expected ${what}, got ${String(value)}`, actual: value, operator: 'must'})
  }
  return value
}
