// Checks what a `!` would only assert (an invariant of the caller): a broken one fails here, by name.
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: no ${what}`)
  return value
}
