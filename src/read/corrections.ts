import {z} from 'zod'
import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import {bylineRoles, type Correction} from '../model/types.js'
import {describeIssues} from './metadata-schema.js'
import {lineAt, offsetOf, parseMapping} from './yaml-mapping.js'
import {isArray} from '../util/is-array.js'

export const correctionsName = 'corrections.yaml'

const kind = z.enum(['article', 'photo', 'fragment'])
const text = z.string().trim().min(1).nullable()
const code = z.coerce.string().trim().min(1)

const correctionSchema = z
  .object({
    line: z.number().int().positive(),
    starts: kind,
    is: z.enum(['subheading', 'paragraph', 'byline']),
    kind,
    dateline: text,
    kicker: text,
    title: text,
    subtitle: text,
    bylines: z.array(
      z.union([
        z
          .string()
          .trim()
          .min(1)
          .transform((name) => ({name, role: null})),
        z.object({name: z.string().trim().min(1), role: z.enum(bylineRoles).nullable().default(null)}).strict()
      ])
    ),
    addPlaces: z.array(code),
    removePlaces: z.array(code)
  })
  .partial()
  .required({line: true})
  .strict()
  .refine((value) => !(value.starts && value.is), {message: '`starts` and `is` contradict each other'})
  .refine((value) => Object.keys(value).length > 1, {message: 'says nothing to change'})

/** Corrections per gazette file, keyed by path relative to the content folder. */
export interface Corrections {
  entries: Map<string, Correction[]>
  /** Line of each file's entry, for reports. */
  lines: Map<string, number | null>
  reports: VFileMessage[]
}

/**
 * Parse `corrections.yaml`: per gazette file, a list of overrides, each
 * about one line of the file.
 *
 * ```yaml
 * 2022/0215-02.txt:
 *   - {line: 37, starts: article}        # line 37 starts a new article
 *   - {line: 52, is: subheading}          # …is a subheading, not a title
 *   - {line: 21, title: 白甸镇：178条河道发包养鱼虾}
 *   - {line: 85, removePlaces: ["320312010"], addPlaces: [海安市白甸镇]}
 * ```
 *
 * A bad entry is reported at its line and left out; the others still apply.
 */
export function parseCorrections(source: string, file = correctionsName): Corrections {
  const corrections: Corrections = {entries: new Map(), lines: new Map(), reports: []}
  const report = (offset: number | undefined, reason: string) =>
    corrections.reports.push(message(file, 'read', 'corrections', reason, {line: lineAt(source, offset)}))

  const parsed = parseMapping(source, report, 'expected a mapping from gazette file names to lists of corrections')
  if (!parsed) return corrections
  const {document, root} = parsed
  for (const [name, list] of Object.entries(root)) {
    if (!isArray(list)) {
      report(offsetOf(document, [name]), `${name}: expected a list of corrections`)
      continue
    }
    const accepted: Correction[] = []
    for (const [index, value] of list.entries()) {
      const offset = offsetOf(document, [name, index])
      const parsed = correctionSchema.safeParse(value)
      if (parsed.success) accepted.push({...parsed.data, at: lineAt(source, offset)})
      else report(offset, `${name}: ${describeIssues(parsed.error, 'correction')}`)
    }
    corrections.entries.set(name.replace(/\\/g, '/'), accepted)
    corrections.lines.set(name.replace(/\\/g, '/'), lineAt(source, offsetOf(document, [name])))
  }
  return corrections
}

/** How a correction reads in an item's provenance and in reports. */
export function describeCorrection(correction: Correction): string {
  const {line, at, ...changes} = correction
  const said = Object.entries(changes)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ')
  return `line ${line}: ${said}${at === null ? '' : ` (${correctionsName}:${at})`}`
}
