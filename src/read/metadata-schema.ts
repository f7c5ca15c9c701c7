import {z} from 'zod'
import type {GazetteMetadata} from '../model/types.js'
import {isRecord} from '../util/is-record.js'

/** What a front matter block or a manifest entry may say about a gazette. */
export type MetadataInput = Partial<{[Key in MetadataKey]: NonNullable<GazetteMetadata[Key]>}>

type MetadataKey = keyof GazetteMetadata

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/u

// Each field on its own, so that one bad field costs only itself. No
// coercion: `page: true` is no page number, and a mapping no paper's name.
const fields: {[Key in MetadataKey]: z.ZodType<NonNullable<GazetteMetadata[Key]>>} = {
  paper: z.string().trim().min(1),
  date: z.string().trim().refine(isRealDate),
  page: z.union([z.number(), z.string().trim().regex(/^\d+$/u).transform(Number)]).pipe(z.number().int().min(1)),
  pageName: z.string().trim().min(1),
  // YAML reads an unquoted code as a number; a code has no leading zero (provinces are 11–82).
  region: z
    .union([z.string().trim(), z.number().int().min(0).transform(String)])
    .pipe(z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/u))
}

/** What each field expects, in the words a report uses. */
const expected: Record<MetadataKey, string> = {
  paper: 'expected the name of the paper',
  date: 'expected a date as YYYY-MM-DD',
  page: 'expected a whole number from 1',
  pageName: 'expected the name of the page',
  region: 'expected a division code of 2, 4, 6 or 9 digits'
}

export const metadataKeys = Object.keys(fields).filter(isMetadataKey)

/** A problem with one field (or the whole block, `key` null), for the caller to place. */
export interface FieldProblem {
  key: string | null
  message: string
}

/**
 * Read metadata field by field: every valid field is kept; each bad one,
 * and each unknown key (with the field it was likely meant for), is a
 * problem of its own. A field given as nothing (`page:`) is not given.
 */
export function readMetadata(data: unknown): {metadata: MetadataInput; problems: FieldProblem[]} {
  const metadata: MetadataInput = {}
  const problems: FieldProblem[] = []
  if (data === null || data === undefined) return {metadata, problems}
  if (!isRecord(data)) {
    problems.push({key: null, message: `expected fields such as \`paper: …\` and \`date: …\` (got ${shown(data)})`})
    return {metadata, problems}
  }
  for (const [key, value] of Object.entries(data)) {
    if (!isMetadataKey(key)) problems.push({key, message: unknownField(key)})
    else if (value !== null) {
      const parsed = fields[key].safeParse(value)
      if (parsed.success) Object.assign(metadata, {[key]: parsed.data})
      else problems.push({key, message: badField(key, value)})
    }
  }
  return {metadata, problems}
}

function isMetadataKey(key: string): key is MetadataKey {
  return Object.hasOwn(fields, key)
}

function badField(key: MetadataKey, value: unknown): string {
  if (key === 'date' && typeof value === 'string' && isoDate.test(value.trim())) {
    return `date: ${value.trim()} is not a real date (expected YYYY-MM-DD)`
  }
  return `${key}: ${expected[key]} (got ${shown(value)})`
}

function unknownField(key: string): string {
  const meant = closestKey(key)
  if (meant) return `unknown field \`${key}\` — did you mean \`${meant}\`?`
  return `unknown field \`${key}\` (expected ${metadataKeys.slice(0, -1).join(', ')} or ${metadataKeys.at(-1)})`
}

/** The known key a misspelt one was likely meant for: at most two edits, and fewer than half its letters. */
function closestKey(key: string): MetadataKey | undefined {
  const limit = Math.min(2, Math.floor(key.length / 2))
  let best: {key: MetadataKey; distance: number} | undefined
  for (const known of metadataKeys) {
    const distance = editDistance(key.toLowerCase(), known.toLowerCase())
    if (distance <= limit && (!best || distance < best.distance)) best = {key: known, distance}
  }
  return best?.key
}

/** Levenshtein distance (the keys are a few letters long). */
function editDistance(a: string, b: string): number {
  // Row by row: `previous` is the row above; `left` the entry just made, `diagonal` the one above it.
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  let distance = b.length
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let left = i
    let diagonal = i - 1
    for (const [j, above] of previous.entries()) {
      if (j === 0) continue
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      current.push(left)
      diagonal = above
    }
    previous = current
    distance = left
  }
  return distance
}

/** A value as a report shows it: short, on one line. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object' && value !== null) return 'a mapping'
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

export const emptyMetadata: GazetteMetadata = {paper: null, date: null, page: null, pageName: null, region: null}

/** Fill the fields a source gave; later sources win. */
export function mergeMetadata(...sources: Array<MetadataInput | undefined>): GazetteMetadata {
  const result = {...emptyMetadata}
  for (const source of sources) {
    if (!source) continue
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) Object.assign(result, {[key]: value})
    }
  }
  return result
}

function isRealDate(value: string): boolean {
  const match = isoDate.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

/** Turn zod issues into one readable sentence. */
export function describeIssues(error: z.ZodError, subject = 'metadata'): string {
  return error.issues.map((issue) => `${issue.path.join('.') || subject}: ${issue.message}`).join('; ')
}
