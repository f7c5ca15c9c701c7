import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {buildArchive} from '../../src/archive/build-archive.js'
import type {Archive, ArchiveGazette, ArchiveItem} from '../../src/archive/model.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {loadPlaceNames} from '../../src/tag/mentions.js'
import {readFolder} from '../../src/read/read-folder.js'
import {openIndex, type Place} from '../../src/site/search/query.js'
import {readIndexMeta, searchFolder} from '../../src/site/search/segments.js'
import {indexForSearch} from '../../src/site/search/write-index.js'
import {searchPlaces} from '../../src/site/write-data.js'
import {required} from '../../src/util/required.js'
import type {Gazette} from '../../src/model/types.js'
import {launchChromium} from '../../tests/helpers/browser.js'
import {serve} from '../../tests/helpers/serve.js'

/** A judged query: the items a reader wants for it, named `<set>/<file>:<line of the body's start>`. */
interface Judged {
  q: string
  kind: string
  relevant: string[]
}

interface Figures {
  queries: number
  recall: number
  precisionAt10: number
  mrr: number
}

export interface SearchScore extends Figures {
  empty: string[]
  byKind: Map<string, Figures>
  misses: string[]
}

/** A search engine under test: the URLs (below the base path) it lists for a query, best first. */
type Engine = (query: string) => Promise<{urls: string[]; read: string}>

/** The archive of the folders' gazettes, each file named `<set>/<file>`, and the sets present. */
export async function judgedArchive(folders: Record<string, string>): Promise<{archive: Archive; sets: string[]}> {
  const present = Object.entries(folders).filter(([, folder]) => existsSync(folder))
  const gazettes: Gazette[] = []
  const names = loadPlaceNames()
  for (const [set, folder] of present) {
    for (const source of (await readFolder(folder)).gazettes) {
      gazettes.push(processGazette({...source, source: `${set}/${source.source}`, corrections: []}, names))
    }
  }
  return {archive: buildArchive(gazettes), sets: present.map(([set]) => set)}
}

/**
 * Score an engine on judged queries (those whose items are all in the
 * archive). Recall counts every hit; P@10 is the share of the first ten
 * (or of as many as are relevant, when fewer) that are relevant; MRR the
 * mean of 1 / the rank of the first relevant hit.
 */
export async function scoreEngine(
  judgedFile: string,
  {archive, sets}: {archive: Archive; sets: string[]},
  engine: Engine
): Promise<SearchScore> {
  const urlOf = judgedUrls(archive.gazettes, archive.items)
  const judged = (JSON.parse(readFileSync(judgedFile, 'utf8')) as {queries: Judged[]}).queries.filter((query) =>
    query.relevant.every((key) => sets.includes(required(key.split('/')[0], `the set of ${key}`)))
  )
  const rows: Array<Figures & {kind: string}> = []
  const empty: string[] = []
  const misses: string[] = []
  for (const query of judged) {
    const {urls, read} = await engine(query.q)
    const relevant = new Set(query.relevant.map(urlOf))
    const right = urls.filter((url) => relevant.has(url)).length
    const top = urls.slice(0, 10).filter((url) => relevant.has(url)).length
    const first = urls.findIndex((url) => relevant.has(url))
    rows.push({
      kind: query.kind,
      queries: 1,
      recall: right / relevant.size,
      precisionAt10: top / Math.min(10, relevant.size),
      mrr: first === -1 ? 0 : 1 / (first + 1)
    })
    if (urls.length === 0) empty.push(query.q)
    const missed = query.relevant.filter((key) => !urls.includes(urlOf(key)))
    const wrong = urls.slice(0, 10).filter((url) => !relevant.has(url))
    if (missed.length > 0 || wrong.length > 0) {
      misses.push(`${query.q} [${query.kind}] ${read}`)
      misses.push(`    missed ${missed.join(' ')}\n    wrong in top 10 ${wrong.join(' ')}`)
    }
  }
  const figures = (list: typeof rows): Figures => {
    const mean = (field: 'recall' | 'precisionAt10' | 'mrr') =>
      list.reduce((sum, row) => sum + row[field], 0) / Math.max(1, list.length)
    return {queries: list.length, recall: mean('recall'), precisionAt10: mean('precisionAt10'), mrr: mean('mrr')}
  }
  const kinds = [...new Set(rows.map((row) => row.kind))]
  const byKind = new Map(kinds.map((kind) => [kind, figures(rows.filter((row) => row.kind === kind))]))
  return {...figures(rows), empty, byKind, misses}
}

/** This archive's search, its index written as a build writes it, queried as the search page queries it. */
export async function archiveEngine(archive: Archive, work: string): Promise<Engine> {
  await indexForSearch(work, archive.items, {thread: false})
  const folder = join(work, searchFolder)
  const read = async (path: string) => JSON.parse(readFileSync(join(folder, path), 'utf8')) as unknown
  const meta = await readIndexMeta(work)
  if (!meta) throw new Error(`${folder}/meta.json: no sound index meta`)
  const places = searchPlaces(archive).map(({level, ...place}): Place => {
    if (level !== 'district' && level !== 'town') throw new Error(`${place.label}: a search place of level ${level}`)
    return {...place, level}
  })
  const index = openIndex(meta, places, read)
  return async (query) => {
    const found = await index.search(query)
    const urls = (await index.show(found.hits)).map((fragment) => fragment.url)
    return {urls, read: `words ${found.words.join('|')} filters ${JSON.stringify(found.filters)}`}
  }
}

/**
 * Pagefind (its binary at `binary`, with its Chinese segmentation) over a
 * page per item holding what this archive indexes, queried in Chromium;
 * every result listed. `close` ends the browser.
 */
export async function pagefindEngine(
  archive: Archive,
  work: string,
  binary: string
): Promise<Engine & {close: () => Promise<void>}> {
  pagefindPages(archive.items, work)
  writeFileSync(
    join(work, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head></html>'
  )
  execFileSync(binary, ['--site', work], {stdio: 'ignore'})
  const server = await serve(work)
  const browser = await launchChromium()
  const page = await browser.newPage()
  await page.goto(server.url)
  const engine = async (query: string) => {
    const urls = await page.evaluate(async (text) => {
      const module = '/pagefind/pagefind.js'
      const pagefind = (await import(module)) as {
        search: (text: string) => Promise<{results: Array<{data: () => Promise<{url: string}>}>}>
      }
      const {results} = await pagefind.search(text)
      return Promise.all(results.map(async (result) => (await result.data()).url))
    }, query)
    return {urls: urls.map((url) => url.replace(/^\//u, '')), read: ''}
  }
  return Object.assign(engine, {
    close: async () => {
      await browser.close()
      await server.close()
    }
  })
}

/**
 * The URL (below the base path) of the item a judged name stands for: the
 * item of that file whose start is the last at or before the line, so that
 * a judgement holds when the splitter cuts the page somewhat differently.
 */
function judgedUrls(gazettes: readonly ArchiveGazette[], items: readonly ArchiveItem[]): (key: string) => string {
  const byId = new Map(items.map((item) => [item.id, item]))
  const bySource = new Map(
    gazettes.map((gazette) => [gazette.source, gazette.itemIds.map((id) => required(byId.get(id), `item ${id}`))])
  )
  return (key) => {
    const [, source, line] = /^(.*):(\d+)$/u.exec(key) ?? []
    const candidates = (bySource.get(required(source, `the file of judged item ${key}`)) ?? []).filter(
      (item) => item.start.line <= Number(line)
    )
    const item = candidates.at(-1)
    if (!item) throw new Error(`judged item ${key} is in no file of the archive`)
    return item.url.slice(1)
  }
}

/** A page per item in `folder`, at its URL, holding what this archive indexes of it, for Pagefind to index. */
export function pagefindPages(items: readonly ArchiveItem[], folder: string): void {
  const escape = (text: string) => text.replace(/[&<>"]/gu, (char) => `&#${char.charCodeAt(0)};`)
  for (const item of items) {
    mkdirSync(join(folder, item.url), {recursive: true})
    const heading = [item.kicker, item.title, item.subtitle].filter(Boolean).join(' ') || item.heading
    const byline = item.bylines.map((byline) => byline.name).join(' ')
    const body = [item.dateline, byline, ...item.body.map((block) => block.text)].filter((text): text is string =>
      Boolean(text)
    )
    writeFileSync(
      join(folder, item.url, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(item.heading)}</title></head>` +
        `<body><main data-pagefind-body><h1>${escape(heading)}</h1>` +
        `${body.map((text) => `<p>${escape(text)}</p>`).join('')}</main></body></html>`
    )
  }
}

/** A scratch folder, removed when `run` is done. */
export async function inScratch<T>(run: (folder: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'gazette-search-eval-'))
  try {
    return await run(folder)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
