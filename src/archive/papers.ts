import type {ArchiveGazette, IssuePage, Paper} from './model.js'
import {required} from '../util/required.js'
import {groupBy} from '../util/group-by.js'
import {calendarOf} from './calendar.js'
import {dayLabel, monthLabel} from './labels.js'
import {shortHash, slugify} from './ids.js'
import {issueUrl, paperUrl} from './urls.js'

/**
 * The papers of the archive and their issues (one day's pages of one
 * paper), from the dated gazettes that name their paper: `/papers/<paper>/`
 * lists a paper's issues by year, `/papers/<paper>/<date>/` an issue's pages.
 * Each gazette is given its issue and the issues before and after it.
 */
export function buildPapers(gazettes: ArchiveGazette[]): {papers: Paper[]; issues: IssuePage[]} {
  const byPaper = new Map<string, Map<string, ArchiveGazette[]>>()
  for (const gazette of gazettes) {
    const {paper, date} = gazette.metadata
    if (paper === null || date === null) continue
    const days = byPaper.get(paper) ?? new Map<string, ArchiveGazette[]>()
    byPaper.set(paper, days)
    const pages = days.get(date) ?? []
    pages.push(gazette)
    days.set(date, pages)
  }
  const slugs = new Map<string, string>()
  const papers: Paper[] = []
  const issues: IssuePage[] = []
  for (const [name, days] of [...byPaper].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
    // 通州日报 and 通州 日报 slug alike: the second keeps a hash of its name.
    let slug = slugify(name)
    if (slugs.has(slug)) slug = `${slug}-${shortHash(name)}`
    slugs.set(slug, name)
    const url = paperUrl(slug)
    // By date, code unit by code unit (as sort() without a comparison), each issue with its pages.
    const byDate = [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const paged = byDate.map(([date, pages]): {issue: IssuePage; pages: ArchiveGazette[]} => ({
      issue: {
        paper: name,
        date,
        url: issueUrl(slug, date),
        label: `${name} ${dayLabel(date)}`,
        gazetteIds: pages.map((gazette) => gazette.id),
        itemCount: pages.reduce((sum, gazette) => sum + gazette.itemIds.length, 0),
        previous: null,
        next: null
      },
      pages
    }))
    const own = paged.map(({issue}) => issue)
    for (const [index, {issue, pages}] of paged.entries()) {
      const before = own[index - 1]
      const after = own[index + 1]
      issue.previous = before ? {url: before.url, label: before.label} : null
      issue.next = after ? {url: after.url, label: after.label} : null
      for (const gazette of pages)
        gazette.issue = {url: issue.url, label: issue.label, paperUrl: url, previous: issue.previous, next: issue.next}
    }
    const years = groupBy(own, (issue) => issue.date.slice(0, 4))
    const pageNames = new Map<string, number>()
    for (const pages of days.values())
      for (const gazette of pages) {
        const pageName = gazette.metadata.pageName
        if (pageName) pageNames.set(pageName, (pageNames.get(pageName) ?? 0) + 1)
      }
    papers.push({
      name,
      url,
      issueCount: own.length,
      itemCount: own.reduce((sum, issue) => sum + issue.itemCount, 0),
      // A paper is in byPaper for a page it has: it has an issue.
      firstDate: required(own[0], 'first issue of a paper').date,
      lastDate: required(own.at(-1), 'last issue of a paper').date,
      pageNames: [...pageNames.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([page]) => page),
      years: [...years.entries()]
        .sort((a, b) => b[0].localeCompare(a[0]))
        .map(([year, list]) => ({
          year,
          issues: list.map((issue) => ({date: issue.date, url: issue.url, pages: issue.gazetteIds.length})),
          months: [...groupBy(list, (issue) => issue.date.slice(0, 7))].map(([key, inMonth]) => ({
            key,
            label: monthLabel(key),
            calendar: calendarOf(key, new Map(inMonth.map((issue) => [Number(issue.date.slice(8)), issue])))
          }))
        }))
    })
    issues.push(...own)
  }
  return {papers, issues}
}
