import {copyFile, readFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ArchiveItem} from '../../archive/model.js'
import {startWorker} from '../../worker-thread.js'
import {placeFilters, searchBundles, searchYear} from './bundles.js'
import type {BundleInfo, FilterCounts} from './format.js'
import type {SearchDoc} from './index-bundle.js'
import {writeBundle, writeJsonSync, type BundleJob} from './write-bundle.js'

// A bundle's items and its index (up to 4,000 items: about 100 MB) fit with room to collect.
const defaultThreadHeapMb = 256

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
  /** Index in a worker thread, beside the render on another core; default from 2,000 items when there is more than one core. */
  thread?: boolean
  /** The heap the thread may take, in MB (default 256). */
  threadHeapMb?: number
}

/**
 * Write the search index of `items` into `output` (the files are described
 * in `format.ts`): one index per bundle (`searchBundles`), so that a
 * rebuild re-indexes only the bundles whose items changed, the list of
 * bundles, the counts of the search form's filters, and the modules that
 * query it on the search page.
 */
export async function indexForSearch(
  output: string,
  items: readonly ArchiveItem[],
  options: SearchOptions = {}
): Promise<{bundles: string[]; indexed: string[]}> {
  const folder = join(output, searchFolder)
  const bundles = searchBundles(items)
  const previous = options.previous
    ? await readBundles(join(options.previous, searchFolder))
    : new Map<string, BundleInfo>()
  const byId = new Map(items.map((item) => [item.id, item]))
  const indexed = [...bundles.keys()].filter((name) => options.only?.has(name) !== false || !previous.has(name))
  const job = (name: string): BundleJob => ({
    folder: join(folder, name),
    docs: newestFirst(bundles.get(name)!).map((item) => searchDoc(item, byId))
  })
  const thread = options.thread ?? (items.length >= 2000 && availableParallelism() > 1)
  const heapMb = options.threadHeapMb ?? defaultThreadHeapMb
  const counts = thread ? await inThread(indexed, job, heapMb) : indexed.map((name) => writeBundle(job(name)))
  const shards = new Map(indexed.map((name, index) => [name, counts[index]!]))
  const infos = [...bundles].map(([name, members]): BundleInfo =>
    shards.has(name)
      ? {name, year: searchYear(members[0]!), docs: members.length, shards: shards.get(name)!}
      : previous.get(name)!
  )
  writeJsonSync(join(folder, 'bundles.json'), infos)
  writeJsonSync(join(folder, 'filters.json'), filterCounts(items))
  for (const module of clientModules) await copyFile(fileURLToPath(new URL(module, compiled)), join(folder, module))
  return {bundles: [...bundles.keys()], indexed}
}

/**
 * Index and write the bundles `names` in a worker thread whose heap may
 * take `heapMb`; their numbers of shards. All are posted at once, so that
 * the thread need not wait on a main thread busy rendering (the queue
 * holds them serialised, about as big as their text), and one message
 * each, so that neither thread holds more than a bundle's items
 * unserialised.
 */
async function inThread(names: readonly string[], job: (name: string) => BundleJob, heapMb: number): Promise<number[]> {
  const worker = startWorker(import.meta.url, 'index-worker', {resourceLimits: {maxOldGenerationSizeMb: heapMb}})
  try {
    return await new Promise<number[]>((resolve, reject) => {
      const shards: number[] = []
      worker.on('message', (answer: {shards: number} | {error: string}) => {
        if ('error' in answer) return reject(new Error(answer.error))
        if (shards.push(answer.shards) === names.length) resolve(shards)
      })
      // Answers come in order: the bundle being indexed is the first without one.
      worker.on('error', (error) => reject(threadError(error, heapMb, names[shards.length])))
      for (const name of names) worker.postMessage(job(name))
      if (names.length === 0) resolve(shards)
    })
  } finally {
    await worker.terminate()
  }
}

/**
 * What the indexer's thread ending means. Out of memory, it is its own
 * heap's limit that was reached, not the build's (`--max-heap`), which
 * Node's error would be taken for once it reaches the build thread.
 */
function threadError(error: Error & {code?: string}, heapMb: number, bundle: string | undefined): Error {
  if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  const limit = `the search indexer’s thread may take ${heapMb} MB of heap`
  const message = `out of memory: ${limit}, too little for bundle ${bundle}`
  return Object.assign(new Error(message), {code: 'ERR_GAZETTE_OUT_OF_MEMORY'})
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
  const text = [
    item.dateline,
    ...item.bylines.map((byline) => `${byline.role ?? ''} ${byline.name}`),
    ...item.body.map((block) => block.text),
    ...(rest?.body.map((block) => block.text) ?? [])
  ]
  return {
    row: [item.url.slice(1), item.heading, item.metadata.date, printedAt(item.metadata)],
    heading: [item.kicker, item.title, item.subtitle].filter((part): part is string => part !== null),
    text: text.filter((part): part is string => part !== null),
    filters: placeFilters(item)
  }
}

function filterCounts(items: readonly ArchiveItem[]): FilterCounts {
  const counts: FilterCounts = {district: {}, town: {}, year: {}}
  const count = (table: Record<string, number>, value: string) => (table[value] = (table[value] ?? 0) + 1)
  for (const item of items) {
    count(counts.year, searchYear(item))
    for (const filter of new Set(placeFilters(item))) {
      const [level, value] = filter.split(/:(.*)/u) as ['district' | 'town', string]
      count(counts[level], value)
    }
  }
  return counts
}

/** Where an item was printed, for a search result: the paper, the page and its name, as far as known. */
function printedAt({paper, page, pageName}: ArchiveItem['metadata']): string | null {
  const parts = [paper, page === null ? null : `第${page}版`, pageName].filter((part): part is string => part !== null)
  return parts.length > 0 ? parts.join(' ') : null
}
