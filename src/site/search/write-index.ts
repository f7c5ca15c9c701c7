import {compareDatesNewestFirst} from '../../archive/order.js'
import {copyFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ArchiveItem} from '../../archive/model.js'
import {required} from '../../util/required.js'
import {startWorker} from '../../util/worker-thread.js'
import {filterName, filterPlaces, placeFilters, searchBundles, searchFilter, searchYear} from './bundles.js'
import {shortName} from '../../tag/gazetteer.js'
import type {SearchDoc} from './build-index.js'
import type {BundleInfo, FilterCounts, IndexMeta} from './format.js'
import {searchFolder, type SearchPlan} from './segments.js'
import {indexer, writeJsonSync, type IndexJob, type Written} from './write-bundle.js'

/**
 * The heap of the indexer's thread for a segment of `docs` items: 512 MB, which 200,004 items fit in (a
 * bundle's items at a time, and the postings of all), and 2.5 MB a thousand items beyond, as the postings grow
 * with the items: a million ran out of 512 MB.
 */
const threadHeapMb = (docs: number) => Math.max(512, Math.ceil(docs / 400))

/** The modules the search page runs, copied from the compiled code (also under tsx, which runs `src/`). */
const clientModules = ['tokens.js', 'format.js', 'query.js', 'excerpt.js']
const compiled = new URL(import.meta.url.endsWith('.ts') ? '../../../dist/site/search/' : './', import.meta.url)

export interface SearchOptions {
  /** What to index (see `planSearch`): by default, every bundle into one segment. */
  plan?: SearchPlan
  /** Index in a worker thread, beside the render on another core; default from 2,000 items and two cores. */
  thread?: boolean
  /** The heap the thread may take, in MB (default 512, more from 200,000 items: `threadHeapMb`). */
  threadHeapMb?: number
}

/**
 * Write the search index of `items` into `output` (the files are described
 * in `format.ts`): a segment of every bundle, or by a rebuild's plan a
 * delta of the bundles that changed beside the published base; the meta,
 * every time; and the modules that query it on the search page. The names
 * of the bundles indexed.
 */
export async function indexForSearch(
  output: string,
  items: readonly ArchiveItem[],
  options: SearchOptions = {}
): Promise<{indexed: string[]}> {
  const plan = options.plan ?? {kind: 'full'}
  if (plan.kind === 'keep') throw new Error('a search plan that keeps the index writes none')
  const folder = join(output, searchFolder)
  const bundles = searchBundles(items)
  const fresh = [...bundles].filter(([name]) => plan.kind === 'full' || plan.delta.has(name))
  const byId = new Map(items.map((item) => [item.id, item]))
  const jobs = function* (): Generator<IndexJob> {
    yield {kind: 'start', places: placeNames(items), folder, segment: plan.kind === 'full' ? 'b' : 'd'}
    for (const [name, members] of fresh)
      yield {kind: 'bundle', name, docs: newestFirst(members).map((item) => searchDoc(item, byId))}
    yield {kind: 'finish'}
  }
  const thread = options.thread ?? (availableParallelism() > 1 && docCount(fresh) >= 2000)
  const heapMb = options.threadHeapMb ?? threadHeapMb(docCount(fresh))
  const written = thread ? await inThread(jobs(), heapMb) : inTurn(jobs())
  const segment = plan.kind === 'full' ? 0 : 1
  const indexed = new Map<string, BundleInfo>()
  let first = 0
  for (const [name, members] of fresh) {
    const year = searchYear(required(members[0], 'the first item of a search bundle'))
    indexed.set(name, {name, year, segment, first, docs: members.length})
    first += members.length
  }
  const base = new Map(plan.kind === 'delta' ? plan.base.map((info) => [info.name, info]) : [])
  const listed = [...bundles.keys()].map((name) =>
    required(indexed.get(name) ?? base.get(name), `bundle ${name} in the index`)
  )
  const segments = [...(plan.kind === 'delta' ? plan.previous.segments.slice(0, 1) : []), written]
  const meta: IndexMeta = {docs: items.length, segments, bundles: listed, counts: filterCounts(items)}
  writeJsonSync(join(folder, 'meta.json'), meta)
  await copyQueryModules(folder)
  return {indexed: [...indexed.keys()]}
}

/** Copy the modules the search page queries the index with into the index's `folder`. */
export async function copyQueryModules(folder: string): Promise<void> {
  for (const module of clientModules) await copyFile(fileURLToPath(new URL(module, compiled)), join(folder, module))
}

function docCount(bundles: ReadonlyArray<[string, readonly ArchiveItem[]]>): number {
  return bundles.reduce((sum, [, members]) => sum + members.length, 0)
}

// Iterables of `unknown` return and `undefined` next: for-of reads only their values (the defaults are `any`).
function inTurn(jobs: Iterable<IndexJob, unknown, undefined>): Written {
  const handle = indexer()
  let written: Written | undefined
  for (const job of jobs) written = handle(job) ?? written
  return required(written, 'the segment written')
}

/**
 * Run the jobs in a worker thread whose heap may take `heapMb`; the segment
 * written. All are posted at once, so that the thread need not wait on
 * a main thread busy rendering (the queue holds them serialised, about as
 * big as their text), and a bundle a message, so that neither thread
 * holds more than a bundle's items unserialised.
 */
async function inThread(jobs: Iterable<IndexJob, unknown, undefined>, heapMb: number): Promise<Written> {
  const worker = startWorker(import.meta.url, 'index-worker', {resourceLimits: {maxOldGenerationSizeMb: heapMb}})
  try {
    return await new Promise<Written>((resolve, reject) => {
      worker.on('message', (answer: {written: Written} | {error: string}) => {
        if ('error' in answer) reject(new Error(answer.error))
        else resolve(answer.written)
      })
      worker.on('error', (error) => reject(threadError(error, heapMb)))
      for (const job of jobs) worker.postMessage(job)
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
function threadError(error: Error & {code?: string}, heapMb: number): Error {
  if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  const limit = `the search indexer’s thread may take ${heapMb} MB of heap`
  const message = `out of memory: ${limit}, too little for this archive`
  return Object.assign(new Error(message), {code: 'ERR_GAZETTE_OUT_OF_MEMORY'})
}

/** The names of the archive's districts and towns, full and short: the search page cuts queries by them too. */
function placeNames(items: readonly ArchiveItem[]): string[] {
  const names = new Set<string>()
  for (const item of items) {
    for (const place of item.places) {
      if (place.level !== 'district' && place.level !== 'town') continue
      names.add(place.name)
      const short = shortName(place.name, place.level)
      if (short) names.add(short)
    }
  }
  return [...names]
}

/** Newest date first; items of one date in archive order (page, then reading order: the sort is stable). */
function newestFirst(items: readonly ArchiveItem[]): ArchiveItem[] {
  return [...items].sort((a, b) => compareDatesNewestFirst(a.metadata.date, b.metadata.date))
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
  const kept = text.filter((part): part is string => part !== null)
  return {
    fragment: {
      url: item.url.slice(1),
      heading: item.heading,
      date: item.metadata.date,
      printed: printedAt(item.metadata),
      text: kept.join('\n')
    },
    heading: [item.kicker, item.title, item.subtitle].filter((part): part is string => part !== null),
    text: kept,
    filters: placeFilters(item)
  }
}

function filterCounts(items: readonly ArchiveItem[]): FilterCounts {
  const counts: FilterCounts = {district: {}, town: {}, year: {}}
  const count = (table: Record<string, number>, value: string) => (table[value] = (table[value] ?? 0) + 1)
  for (const item of items) {
    count(counts.year, searchYear(item))
    // Each filter once, however many of the item's places stand for it (a filter names its level and place).
    const filters = new Map(filterPlaces(item.places).map((place) => [searchFilter(place), place]))
    for (const place of filters.values()) count(counts[place.level], filterName(place))
  }
  return counts
}

/** Where an item was printed, for a search result: the paper, the page and its name, as far as known. */
function printedAt({paper, page, pageName}: ArchiveItem['metadata']): string | null {
  const parts = [paper, page === null ? null : `第${page}版`, pageName].filter((part) => part !== null)
  return parts.length > 0 ? parts.join(' ') : null
}
