import type {MetadataInput} from './metadata-schema.js'

/** What a file's name says of its date and page, and why it could not say more. */
export interface NamedMetadata {
  metadata: MetadataInput
  /** The name looks dated but gives no real date (`2021-02-30_p2.txt`, `20211305.txt`). */
  problem?: string
}

/*
 * Archives are most often kept by date: `2021-03-05_p2.txt`,
 * `20210305-A02.txt`, `2021.03.05_02版.txt`, `2021/03/05/p02.txt`. A date
 * is four digits of year, two of month, two of day, with or without `-`,
 * `_`, `.` or `/` between, not inside a longer run of digits. The page
 * follows the date: `p2`, `P02`, `A02` (page 2 of section A), `02版`,
 * `第2版`, or a bare number set off by `_` or `-`.
 */
const dated = new RegExp(
  String.raw`(?<![\d])(?<year>(?:19|20)\d{2})([-_./]?)(?<month>\d{2})\2(?<day>\d{2})(?![\d])` +
    String.raw`(?:[-_ /]*(?:(?:第|[pP]|[A-Z](?=\d))0*(?<page>\d{1,3})版?|0*(?<bare>\d{1,3})(?:版|(?![\d])))(?![\d]))?`,
  'u'
)

/**
 * The date and page a gazette's path gives (relative to the content folder,
 * with `/`). `pattern`, from the configuration, replaces the built-in one:
 * a regular expression with named groups `year`, `month`, `day` (or `date`
 * as YYYY-MM-DD) and optionally `page`. Front matter and the manifest win
 * over what the name says (see `readGazette`).
 */
export function metadataFromName(path: string, pattern?: RegExp): NamedMetadata {
  const name = path.replace(/\.(?:txt|md)$/iu, '')
  const match = (pattern ?? dated).exec(name)
  if (!match?.groups) return {metadata: {}}
  const groups = match.groups
  const [year, month, day] = groups.date?.split('-') ?? [groups.year, groups.month, groups.day]
  const date = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`
  if (!isRealDate(date)) return {metadata: {}, problem: `the name looks dated, but ${date} is no real date`}
  const page = Number(groups.page ?? groups.bare)
  return {metadata: Number.isInteger(page) && page >= 1 ? {date, page} : {date}}
}

function isRealDate(date: string): boolean {
  // `date` is made `year-month-day` above.
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number)
  const value = new Date(Date.UTC(year, month - 1, day))
  return value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === day
}
