import type {Gazette} from '../model/types.js'
import type {ArchiveGazette} from './model.js'

export function gazetteLabel(gazette: Gazette): string {
  const {paper, date, page, pageName} = gazette.metadata
  const parts = [paper, date, page === null ? null : `第${page}版`, pageName].filter((part) => part !== null)
  return parts.length > 0 ? parts.join(' ') : gazette.source
}

/** Dated before undated; then paper, date, page, source: a total order. */
export function compareGazettes(a: Gazette, b: Gazette): number {
  const am = a.metadata
  const bm = b.metadata
  return (
    Number(am.date === null) - Number(bm.date === null) ||
    (am.date ?? '').localeCompare(bm.date ?? '') ||
    (am.paper ?? '').localeCompare(bm.paper ?? '') ||
    (am.page ?? 0) - (bm.page ?? 0) ||
    a.source.localeCompare(b.source)
  )
}

/** Previous and next page (版) within the same issue (paper and date). */
export function linkIssuePages(gazettes: ArchiveGazette[]): void {
  const issues = new Map<string, ArchiveGazette[]>()
  for (const gazette of gazettes) {
    if (!gazette.metadata.date) continue
    const key = `${gazette.metadata.paper ?? ''}|${gazette.metadata.date}`
    issues.set(key, [...(issues.get(key) ?? []), gazette])
  }
  for (const pages of issues.values()) {
    pages.forEach((gazette, index) => {
      const before = pages[index - 1]
      const after = pages[index + 1]
      gazette.previous = before ? {url: before.url, label: before.label} : null
      gazette.next = after ? {url: after.url, label: after.label} : null
    })
  }
}
