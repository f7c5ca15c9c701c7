import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import * as pagefind from 'pagefind'
import type {ArchiveItem} from '../archive/model.js'
import type {Division} from '../types.js'
import {fileOf} from './output-file.js'

/** Where the search bundles and their list live in the site. */
export const searchFolder = 'pagefind'

/**
 * Most items a search bundle holds. Pagefind needs about 0.35 MB a Chinese
 * page while it indexes (`npm run bench` samples it), so a bundle of a
 * whole archive would not fit in memory; smaller bundles cost the search
 * page a request each.
 */
export const bundleLimit = 4000

/** The year an item is filtered under in search, or `undated`. */
export function searchYear(item: Pick<ArchiveItem, 'metadata'>): string {
  return item.metadata.date?.slice(0, 4) ?? 'undated'
}

/**
 * The search bundles, newest first, and their items. Past years are one
 * bundle each, or runs of whole months of at most `bundleLimit` items;
 * the newest year has one bundle per month, so that adding today's pages
 * re-indexes a month and not a year. Undated items come last.
 */
export function searchBundles(items: readonly ArchiveItem[]): Map<string, ArchiveItem[]> {
  const months = new Map<string, ArchiveItem[]>()
  for (const item of items) {
    const month = item.metadata.date?.slice(0, 7) ?? 'undated'
    const list = months.get(month)
    if (list) list.push(item)
    else months.set(month, [item])
  }
  const dated = [...months.keys()].filter((month) => month !== 'undated').sort()
  const newestYear = dated.at(-1)?.slice(0, 4)
  const bundles = new Map<string, ArchiveItem[]>()
  for (const year of new Set(dated.map((month) => month.slice(0, 4)))) {
    const yearMonths = dated.filter((month) => month.startsWith(year))
    if (year !== newestYear && yearMonths.reduce((sum, month) => sum + months.get(month)!.length, 0) <= bundleLimit) {
      bundles.set(year, yearMonths.flatMap((month) => months.get(month)!))
      continue
    }
    let run: ArchiveItem[] = []
    let name = ''
    for (const month of yearMonths) {
      const list = months.get(month)!
      if (run.length > 0 && (year === newestYear || run.length + list.length > bundleLimit)) {
        bundles.set(name, run)
        run = []
      }
      if (run.length === 0) name = month
      run.push(...list)
    }
    bundles.set(name, run)
  }
  if (months.has('undated')) bundles.set('undated', months.get('undated')!)
  return new Map([...bundles].sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a))))
}

/** Which bundles to index, and where their item pages are. */
export interface SearchOptions {
  /** Index only these bundles (the rest are left as they are); default all. */
  only?: ReadonlySet<string>
  /** Folders to read item pages from, first match wins; default the output. */
  pages?: string[]
}

/**
 * Index the item pages with Pagefind (its extended binary segments Chinese
 * for pages in `lang="zh-CN"`), one index per bundle (`searchBundles`),
 * and list the bundles, newest first, in `pagefind/bundles.json`: the
 * search page merges them in the browser.
 */
export async function indexForSearch(output: string, items: readonly ArchiveItem[], options: SearchOptions = {}): Promise<{bundles: string[]; indexed: string[]}> {
  const bundles = searchBundles(items)
  const indexed = [...bundles.keys()].filter((bundle) => !options.only || options.only.has(bundle))
  const folders = options.pages ?? [output]
  try {
    for (const bundle of indexed) {
      const {index, errors} = await pagefind.createIndex({})
      if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
      const members = bundles.get(bundle)!
      // A few files in flight at once (one at a time waits on each round trip to
      // the Pagefind process), sent in a fixed order: the index depends on it.
      for (let start = 0; start < members.length; start += 16) {
        const batch = members.slice(start, start + 16)
        const contents = await Promise.all(batch.map((item) => readFirst(folders, fileOf(item.url))))
        const added = await Promise.all(batch.map((item, position) => index.addHTMLFile({url: item.url, content: contents[position]!})))
        const failed = added.findIndex((response) => response.errors.length > 0)
        if (failed !== -1) throw new Error(`pagefind: ${batch[failed]!.url}: ${added[failed]!.errors.join('; ')}`)
      }
      const written = await index.writeFiles({outputPath: join(output, searchFolder, bundle)})
      if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
      await index.deleteIndex()
    }
  } finally {
    await pagefind.close()
  }
  await mkdir(join(output, searchFolder), {recursive: true})
  await writeFile(join(output, searchFolder, 'bundles.json'), JSON.stringify([...bundles.keys()]))
  return {bundles: [...bundles.keys()], indexed}
}

async function readFirst(folders: string[], file: string): Promise<string> {
  for (const folder of folders.slice(0, -1)) {
    try {
      return await readFile(join(folder, file), 'utf8')
    } catch {}
  }
  return readFile(join(folders.at(-1)!, file), 'utf8')
}

/**
 * The search filter a place is found under: its level and a name unique
 * enough to read (`district:南通市通州区`, `town:通州区石港镇`), the same
 * in the item pages and in the search page's list of place names.
 */
export function searchFilter(place: Pick<Division, 'level' | 'path'>): string {
  return `${place.level}:${place.path.slice(-2).join('')}`
}
