/**
 * `value`, which the code around it knows is there (an id of the archive's
 * own, an array read at a position it holds): a clear error if it is not
 * after all, instead of a `!` that would let `undefined` run on.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`)
  return value
}
