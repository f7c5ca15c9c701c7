import type {CalendarDay, CalendarWeek} from './model.js'

/**
 * The weeks of a month (`YYYY-MM`), Monday first, as a wall calendar prints
 * them; the days in `published` (by day of the month) linked.
 */
export function calendarOf(
  month: string,
  published: ReadonlyMap<number, {url: string; itemCount: number}>
): CalendarWeek[] {
  // Both are there in a `YYYY-MM`.
  const [year = NaN, monthNumber = NaN] = month.split('-').map(Number)
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  // getUTCDay: 0 is Sunday; the calendar starts on Monday.
  const lead = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7
  const cells: Array<CalendarDay | null> = Array.from({length: lead}, () => null)
  for (let day = 1; day <= days; day++) {
    const found = published.get(day)
    cells.push({day, url: found?.url ?? null, itemCount: found?.itemCount ?? 0})
  }
  while (cells.length % 7 !== 0) cells.push(null)
  return Array.from({length: cells.length / 7}, (_, week) => cells.slice(week * 7, week * 7 + 7))
}
