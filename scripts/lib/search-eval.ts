import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {buildArchive} from '../../src/archive/build-archive.js'
import type {ArchiveGazette, ArchiveItem} from '../../src/archive/model.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {readFolder} from '../../src/read/read-folder.js'
import type {IndexMeta} from '../../src/site/search/format.js'
import {openIndex, type Place} from '../../src/site/search/query.js'
import {indexForSearch, searchFolder} from '../../src/site/search/write-index.js'
import {searchPlaces} from '../../src/site/write-data.js'

/** A judged query: the items a reader wants for it, named `<set>/<file>:<line of the body's start>`. */
interface Judged {
  q: string
  kind: string
  relevant: string[]
}

export interface SearchScore {
  queries: number
  recall: number
  precisionAt10: number
  mrr: number
  empty: string[]
  byKind: Map<string, {queries: number; recall: number; precisionAt10: number; mrr: number}>
  misses: string[]
}

/**
 * Score the search engine on judged queries: it indexes the items of the
 * given folders as a build does, and runs every query as the search page
 * does. Recall counts every hit; P@10 is the share of the first ten (or of
 * as many as are relevant, when fewer) that are relevant; MRR the mean of
 * 1 / the rank of the first relevant hit.
 */
export async function scoreSearch(judgedFile: string, folders: Record<string, string>): Promise<SearchScore> {
  const present = Object.entries(folders).filter(([, folder]) => existsSync(folder))
  const gazettes = []
  for (const [set, folder] of present) {
    for (const source of (await readFolder(folder)).gazettes) {
      gazettes.push(processGazette({...source, source: `${set}/${source.source}`, corrections: []}))
    }
  }
  const archive = buildArchive(gazettes)
  const work = mkdtempSync(join(tmpdir(), 'gazette-search-eval-'))
  try {
    await indexForSearch(work, archive.items, {thread: false})
    const folder = join(work, searchFolder)
    const read = async (path: string) => JSON.parse(readFileSync(join(folder, path), 'utf8')) as unknown
    const meta = (await read('meta.json')) as IndexMeta
    const index = openIndex(meta, searchPlaces(archive) as Place[], read)
    const urlOf = judgedUrls(archive.gazettes, archive.items)
    const sets = present.map(([set]) => set)
    const judged = (JSON.parse(readFileSync(judgedFile, 'utf8')) as {queries: Judged[]}).queries.filter((query) =>
      query.relevant.every((key) => sets.includes(key.split('/')[0]!))
    )
    const rows: Array<{kind: string; recall: number; precisionAt10: number; mrr: number}> = []
    const empty: string[] = []
    const misses: string[] = []
    for (const query of judged) {
      const found = await index.search(query.q)
      const keys = (await index.show(found.hits)).map((fragment) => fragment.url)
      const relevant = new Set(query.relevant.map(urlOf))
      const right = keys.filter((key) => relevant.has(key)).length
      const top = keys.slice(0, 10).filter((key) => relevant.has(key)).length
      const first = keys.findIndex((key) => relevant.has(key))
      rows.push({
        kind: query.kind,
        recall: relevant.size === 0 ? 1 : right / relevant.size,
        precisionAt10: relevant.size === 0 ? (keys.length === 0 ? 1 : 0) : top / Math.min(10, relevant.size),
        mrr: first === -1 ? 0 : 1 / (first + 1)
      })
      if (keys.length === 0) empty.push(query.q)
      const missed = query.relevant.filter((key) => !keys.includes(urlOf(key)))
      const wrong = keys.slice(0, 10).filter((key) => !relevant.has(key))
      if (missed.length > 0 || wrong.length > 0) {
        misses.push(`${query.q} [${query.kind}] words ${found.words.join('|')} filters ${JSON.stringify(found.filters)}`)
        misses.push(`    missed ${missed.join(' ')}\n    wrong in top 10 ${wrong.join(' ')}`)
      }
    }
    const mean = (list: typeof rows, field: 'recall' | 'precisionAt10' | 'mrr') =>
      list.reduce((sum, row) => sum + row[field], 0) / Math.max(1, list.length)
    const byKind = new Map(
      [...new Set(rows.map((row) => row.kind))].map((kind) => {
        const list = rows.filter((row) => row.kind === kind)
        const score = {queries: list.length, recall: mean(list, 'recall'), precisionAt10: mean(list, 'precisionAt10')}
        return [kind, {...score, mrr: mean(list, 'mrr')}]
      })
    )
    return {
      queries: rows.length,
      recall: mean(rows, 'recall'),
      precisionAt10: mean(rows, 'precisionAt10'),
      mrr: mean(rows, 'mrr'),
      empty,
      byKind,
      misses
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/**
 * The URL (below the base path) of the item a judged name stands for: the
 * item of that file whose start is the last at or before the line, so that
 * a judgement holds when the splitter cuts the page somewhat differently.
 */
function judgedUrls(gazettes: readonly ArchiveGazette[], items: readonly ArchiveItem[]): (key: string) => string {
  const byId = new Map(items.map((item) => [item.id, item]))
  const bySource = new Map(gazettes.map((gazette) => [gazette.source, gazette.itemIds.map((id) => byId.get(id)!)]))
  return (key) => {
    const [, source, line] = /^(.*):(\d+)$/u.exec(key) ?? []
    const candidates = (bySource.get(source!) ?? []).filter((item) => item.start.line <= Number(line))
    const item = candidates.at(-1)
    if (!item) throw new Error(`judged item ${key} is in no file of the archive`)
    return item.url.slice(1)
  }
}
