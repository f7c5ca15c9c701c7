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
