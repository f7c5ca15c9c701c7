/** What pages say of a gazette without a date. */
export const undated = '日期不详'

/** A month as papers print it: `2022-02` → `2022年2月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** A date as papers print it: `2022-02-15` → `2022年2月15日`. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** A date or its absence as pages print it (the templates' `dateLabel` filter). */
export function dateLabel(date: string | null): string {
  return date ? dayLabel(date) : undated
}
