import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ArchiveItem} from '../../archive/model.js'
import {searchBundles, searchFilter, searchYear} from './bundles.js'
import type {BundleInfo, FilterCounts} from './format.js'
import {indexBundle, type SearchDoc} from './index-bundle.js'

/** Where the search index lives in the site. */
export const searchFolder = 'search-index'

/** The modules the search page runs, copied from the compiled code (also under tsx, which runs `src/`). */
const clientModules = ['tokens.js', 'format.js', 'query.js']
const compiled = new URL(import.meta.url.endsWith('.ts') ? '../../../dist/site/search/' : './', import.meta.url)

export interface SearchOptions {
  /** Index only these bundles, and take the others from `previous`; default all. */
  only?: ReadonlySet<string>
  /** The built site whose index the bundles not in `only` come from. */
  previous?: string
}

/**
 * Write the search index of `items` into `output` (the files are described
 * in `format.ts`): one index per bundle (`searchBundles`), so that a
 * rebuild re-indexes only the bundles whose items changed, the list of
 * bundles, the counts of the search form's filters, and the modules that
 * query it on the search page.
 */
export async function indexForSearch(output: string, items: readonly ArchiveItem[], options: SearchOptions = {}): Promise<{bundles: string[]; indexed: string[]}> {
  const folder = join(output, searchFolder)
  const bundles = searchBundles(items)
  const previous = options.previous ? await readBundles(join(options.previous, searchFolder)) : new Map<string, BundleInfo>()
  const byId = new Map(items.map((item) => [item.id, item]))
  const infos: BundleInfo[] = []
  const indexed: string[] = []
  for (const [name, members] of bundles) {
    const kept = options.only?.has(name) === false ? previous.get(name) : undefined
    if (kept) {
      infos.push(kept)
      continue
    }
    const {shards, files} = indexBundle(newestFirst(members).map((item) => searchDoc(item, byId)))
    for (const [path, value] of files) await writeJson(join(folder, name, path), value)
    infos.push({name, year: searchYear(members[0]!), docs: members.length, shards})
    indexed.push(name)
  }
  await writeJson(join(folder, 'bundles.json'), infos)
  await writeJson(join(folder, 'filters.json'), filterCounts(items))
  for (const module of clientModules) await copyFile(fileURLToPath(new URL(module, compiled)), join(folder, module))
  return {bundles: [...bundles.keys()], indexed}
}

async function readBundles(folder: string): Promise<Map<string, BundleInfo>> {
  try {
    const infos = JSON.parse(await readFile(join(folder, 'bundles.json'), 'utf8')) as BundleInfo[]
    return new Map(infos.map((info) => [info.name, info]))
  } catch {
    return new Map()
  }
}

/** Newest date first; items of one date in archive order (page, then reading order). */
function newestFirst(items: readonly ArchiveItem[]): ArchiveItem[] {
  return items
    .map((item, position) => ({item, position}))
    .sort((a, b) => (b.item.metadata.date ?? '').localeCompare(a.item.metadata.date ?? '') || a.position - b.position)
    .map(({item}) => item)
}

/** What search finds an item by: its own text and, for the head of a continued story, the rest of it. */
function searchDoc(item: ArchiveItem, byId: ReadonlyMap<string, ArchiveItem>): SearchDoc {
  const rest = item.continuedBy ? byId.get(item.continuedBy.id) : undefined
  const text = [item.dateline, ...item.bylines.map((byline) => `${byline.role ?? ''} ${byline.name}`), ...item.body.map((block) => block.text), ...(rest?.body.map((block) => block.text) ?? [])]
  return {
    row: [item.url.slice(1), item.heading, item.metadata.date],
    heading: [item.kicker, item.title, item.subtitle].filter((part): part is string => part !== null),
    text: text.filter((part): part is string => part !== null),
    filters: item.places.filter((place) => place.level === 'district' || place.level === 'town').map(searchFilter)
  }
}

function filterCounts(items: readonly ArchiveItem[]): FilterCounts {
  const counts: FilterCounts = {district: {}, town: {}, year: {}}
  const count = (table: Record<string, number>, value: string) => (table[value] = (table[value] ?? 0) + 1)
  for (const item of items) {
    count(counts.year, searchYear(item))
    for (const filter of new Set(item.places.map(searchFilter))) {
      const [level, value] = filter.split(/:(.*)/u) as [string, string]
      if (level === 'district' || level === 'town') count(counts[level], value)
    }
  }
  return counts
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), {recursive: true})
  await writeFile(file, JSON.stringify(value))
}
