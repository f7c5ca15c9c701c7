import {createHash} from 'node:crypto'
import {decode} from './decode.js'
import {splitFrontMatter} from './front-matter.js'
import {mergeMetadata, type MetadataInput} from './metadata-schema.js'
import type {VFileMessage} from 'vfile-message'
import {message, type Severity} from '../model/messages.js'
import type {Correction, SourceGazette} from '../model/types.js'

const maxDecodeReports = 20

export interface ReadOptions {
  /** Metadata from the configuration's and the manifest's defaults, the file's name, the file's manifest entry. */
  defaults?: MetadataInput | undefined
  named?: MetadataInput | undefined
  entry?: MetadataInput | undefined
  /** The corrections file's overrides for this gazette. */
  corrections?: Correction[] | undefined
}

/**
 * Turn the bytes of one gazette file into text and metadata.
 *
 * Front matter wins over the manifest entry, which wins over the date and
 * page the file's name gives, which win over the defaults.
 * Problems are reported, never thrown: a gazette with bad metadata still
 * builds, with every field it could read.
 */
export function readGazette(source: string, bytes: Uint8Array, options: ReadOptions = {}): SourceGazette {
  const reports: VFileMessage[] = []
  const report = (
    line: number | null,
    column: number | null,
    ruleId: string,
    reason: string,
    severity: Severity = 'warning'
  ) => reports.push(message(source, 'read', ruleId, reason, {line, column, severity}))

  const decoded = decode(bytes)
  if (decoded.doubt) report(null, null, 'encoding', decoded.doubt)
  else if (decoded.encoding !== 'utf-8') report(null, null, 'encoding', `read as ${decoded.encoding}`, 'info')
  // A badly decoded file would otherwise bury every other report.
  for (const problem of decoded.problems.slice(0, maxDecodeReports))
    report(problem.line, problem.column, 'decode', problem.message)
  const unlisted = decoded.problems.length - maxDecodeReports
  // Each problem is a run of undecodable bytes or one character taken out.
  if (unlisted > 0)
    report(null, null, 'decode', `${unlisted} more places with undecodable bytes or characters taken out`)

  const front = splitFrontMatter(decoded.text)
  for (const problem of front.problems) report(problem.line, null, 'front-matter', problem.message, 'error')

  return {
    source,
    text: front.body,
    metadata: mergeMetadata(options.defaults, options.named, options.entry, front.metadata),
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    corrections: options.corrections ?? [],
    reports
  }
}
