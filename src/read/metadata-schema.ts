import {z} from 'zod'
import type {GazetteMetadata} from '../types.js'

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine((value) => isRealDate(value), {message: 'expected a real date as YYYY-MM-DD'})

/** What a front matter block or a manifest entry may say about a gazette. */
export const metadataSchema = z
  .object({
    paper: z.string().trim().min(1),
    date: isoDate,
    page: z.coerce.number().int().positive(),
    pageName: z.string().trim().min(1),
    region: z.coerce.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/, 'expected a division code of 2, 4, 6 or 9 digits')
  })
  .partial()
  .strict()

export type MetadataInput = z.infer<typeof metadataSchema>

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
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

/** Turn zod issues into one readable sentence. */
export function describeIssues(error: z.ZodError, subject = 'metadata'): string {
  return error.issues.map((issue) => `${issue.path.join('.') || subject}: ${issue.message}`).join('; ')
}
