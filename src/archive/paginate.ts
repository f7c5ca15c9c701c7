import {listPageUrl} from './urls.js'
import type {ArchiveItem, ListPage} from './model.js'

/**
 * The pages of a newest-first list of items whose own page is at `url`.
 * The list is cut into runs of `size` counted from the oldest; archive page
 * n holds run n. The own page holds the newest run, and the one before it
 * while the newest is less than half full. A new item thus changes the own
 * page and, when it starts a run, one archive page appears and its older
 * neighbour's link changes: the other pages stay as they are, however long
 * the list grows.
 */
export function paginate(
  itemIds: readonly string[],
  url: string,
  byId: ReadonlyMap<string, ArchiveItem>,
  size: number
): ListPage[] {
  const oldestFirst = [...itemIds].reverse()
  const runs = Math.ceil(oldestFirst.length / size)
  const onOwnPage = runs > 1 && oldestFirst.length - (runs - 1) * size < size / 2 ? runs - 1 : runs
  const urlOf = (n: number) => (n >= onOwnPage ? url : listPageUrl(url, n))
  const dateOf = (id: string | undefined) => (id === undefined ? null : (byId.get(id)?.metadata.date ?? null))
  const page = (archivePage: number | null, ids: string[]): ListPage => {
    const n = archivePage ?? onOwnPage
    return {
      archivePage,
      url: urlOf(n),
      itemIds: ids,
      dates: {newest: dateOf(ids[0]), oldest: dateOf(ids.at(-1))},
      newerUrl: archivePage === null ? null : urlOf(n + 1),
      olderUrl: n > 1 ? urlOf(n - 1) : null
    }
  }
  const pages = [page(null, oldestFirst.slice(Math.max(0, onOwnPage - 1) * size).reverse())]
  for (let n = onOwnPage - 1; n >= 1; n--) pages.push(page(n, oldestFirst.slice((n - 1) * size, n * size).reverse()))
  return pages
}
