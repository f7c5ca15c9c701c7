/*
 * Lists that grow with the archive (the undated gazettes, a month's items,
 * a sitemap's URLs) are cut by count, so that no one page, search bundle or
 * sitemap part holds more than a bounded number, however many there are.
 */

/** `list` in runs of at most `limit` members, in order (the last one shorter). */
export function cutByCount<T>(list: readonly T[], limit: number): T[][] {
  const size = Math.max(1, Math.floor(limit))
  const runs: T[][] = []
  for (let start = 0; start < list.length; start += size) runs.push(list.slice(start, start + size))
  return runs
}

/**
 * The name of run `index` of a list cut from one called `name`: `name`,
 * then `name-2`, `name-3`…, so that a list short enough for one run keeps
 * the name (and URL) it had before lists were cut.
 */
export function partName(name: string, index: number): string {
  return index === 0 ? name : `${name}-${index + 1}`
}

/** `list` cut by count, each run with its name (`partName`). */
export function namedParts<T>(name: string, list: readonly T[], limit: number): Array<[string, T[]]> {
  return cutByCount(list, limit).map((run, index) => [partName(name, index), run])
}
