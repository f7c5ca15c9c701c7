// `Iterable<T>` defaults its return and next types to `any`: for-of uses neither.
/** `list` grouped by `keyOf`, groups in the order their first member comes, members in list order. */
export function groupBy<T>(list: Iterable<T, unknown, undefined>, keyOf: (member: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const member of list) {
    const key = keyOf(member)
    const group = groups.get(key)
    if (group) group.push(member)
    else groups.set(key, [member])
  }
  return groups
}
