import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import * as pagefind from 'pagefind'
import type {ArchiveItem} from '../archive/model.js'
import type {Division} from '../types.js'

/** Where the search bundles and their list live in the site. */
export const searchFolder = 'pagefind'

/** The bundle an item is indexed in: its year, or `undated`. */
export function bundleOf(item: Pick<ArchiveItem, 'metadata'>): string {
  return item.metadata.date?.slice(0, 4) ?? 'undated'
}

/**
 * Index the item pages with Pagefind (its extended binary segments Chinese
 * for pages in `lang="zh-CN"`), one bundle per year, newest first, plus
 * one for undated pages. Pagefind holds 0.35–1.1 MB per Chinese page while
 * indexing (`npm run bench` samples it), so one bundle for a whole archive
 * would not fit in memory at 100,000 items; the search page merges the
 * bundles in the browser.
 */
export async function indexForSearch(output: string, items: readonly ArchiveItem[]): Promise<{bundles: string[]; pages: number}> {
  const groups = new Map<string, ArchiveItem[]>()
  for (const item of items) {
    const group = groups.get(bundleOf(item))
    if (group) group.push(item)
    else groups.set(bundleOf(item), [item])
  }
  const bundles = [...groups.keys()].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)))
  let pages = 0
  try {
    for (const bundle of bundles) {
      const {index, errors} = await pagefind.createIndex({})
      if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
      for (const item of groups.get(bundle)!) {
        const content = await readFile(join(output, item.url, 'index.html'), 'utf8')
        const added = await index.addHTMLFile({url: item.url, content})
        if (added.errors.length > 0) throw new Error(`pagefind: ${item.url}: ${added.errors.join('; ')}`)
        pages++
      }
      const written = await index.writeFiles({outputPath: join(output, searchFolder, bundle)})
      if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
      await index.deleteIndex()
    }
  } finally {
    await pagefind.close()
  }
  await writeFile(join(output, searchFolder, 'bundles.json'), JSON.stringify(bundles))
  return {bundles, pages}
}

/**
 * The search filter a place is found under: its level and a name unique
 * enough to read (`district:南通市通州区`, `town:通州区石港镇`), the same
 * in the item pages and in the search page's list of place names.
 */
export function searchFilter(place: Pick<Division, 'level' | 'path'>): string {
  return `${place.level}:${place.path.slice(-2).join('')}`
}
