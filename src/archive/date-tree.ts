import {compareDatesNewestFirst} from './order.js'
import {cutByCount} from './parts.js'
import {calendarOf} from './calendar.js'
import {dayLabel, monthLabel, undated} from './labels.js'
import {dateUrl, undatedUrl} from './urls.js'
import type {ArchiveGazette, DateNode, Issue} from './model.js'

/** A gazette with a date. */
export type DatedGazette = ArchiveGazette & {metadata: {date: string}}

export function isDated(gazette: ArchiveGazette): gazette is DatedGazette {
  return Boolean(gazette.metadata.date)
}

/** Year → month → day, newest first; each day lists its issues and their pages. */
export function buildDateTree(gazettes: DatedGazette[]): DateNode[] {
  const years = new Map<string, DateNode>()
  const node = (parent: DateNode[] | Map<string, DateNode>, key: string, label: string, url: string): DateNode => {
    const list = parent instanceof Map ? [...parent.values()] : parent
    let found = list.find((each) => each.key === key)
    if (!found) {
      found = {key, label, url, itemCount: 0, children: [], issues: [], calendar: []}
      if (parent instanceof Map) parent.set(key, found)
      else parent.push(found)
    }
    return found
  }
  for (const gazette of gazettes) {
    const date = gazette.metadata.date
    // A split gives one part at least; a date (YYYY-MM-DD) gives three.
    const [y = '', m] = date.split('-')
    const year = node(years, y, `${y}年`, dateUrl(y))
    const month = node(year.children, `${y}-${m}`, monthLabel(`${y}-${m}`), dateUrl(`${y}-${m}`))
    const day = node(month.children, date, dayLabel(date), dateUrl(date))
    let issue: Issue | undefined = day.issues.find((each) => each.paper === gazette.metadata.paper)
    if (!issue) {
      issue = {date, paper: gazette.metadata.paper, gazetteIds: []}
      day.issues.push(issue)
    }
    issue.gazetteIds.push(gazette.id)
    for (const each of [year, month, day]) each.itemCount += gazette.itemIds.length
  }
  const newestFirst = (list: DateNode[]): DateNode[] =>
    list
      .sort((a, b) => compareDatesNewestFirst(a.key, b.key))
      .map((each) => ({...each, children: newestFirst(each.children)}))
  const tree = newestFirst([...years.values()])
  for (const month of tree.flatMap((year) => year.children))
    month.calendar = calendarOf(month.key, new Map(month.children.map((day) => [Number(day.key.slice(8)), day])))
  return tree
}

/**
 * The undated gazettes, in archive order, in pages of at most `size`
 * (`/dates/undated/1/`…), each listing its gazettes by paper as a day
 * lists its issues: the dates page links the pages rather than listing
 * thousands of gazettes itself. None when one page would hold them all.
 */
export function paginateUndated(gazettes: ArchiveGazette[], size: number): DateNode[] {
  if (gazettes.length <= size) return []
  return cutByCount(gazettes, size).map((run, index) => ({
    key: `undated-${index + 1}`,
    label: `${undated}的版面（第${index + 1}部分）`,
    url: undatedUrl(index + 1),
    itemCount: run.reduce((sum, gazette) => sum + gazette.itemIds.length, 0),
    children: [],
    issues: issuesByPaper(run),
    calendar: []
  }))
}

/** Undated gazettes as issues, one per run of one paper (archive order keeps a paper's together). */
function issuesByPaper(gazettes: ArchiveGazette[]): Issue[] {
  const issues: Issue[] = []
  for (const gazette of gazettes) {
    const last = issues.at(-1)
    if (last && last.paper === gazette.metadata.paper) last.gazetteIds.push(gazette.id)
    else issues.push({date: null, paper: gazette.metadata.paper, gazetteIds: [gazette.id]})
  }
  return issues
}

export function flattenDates(nodes: DateNode[]): DateNode[] {
  return nodes.flatMap((node) => [node, ...flattenDates(node.children)])
}
