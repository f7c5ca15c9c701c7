import {readMetadata, type MetadataInput} from './metadata-schema.js'
import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import {lineAt, offsetOf, parseMapping} from './yaml-mapping.js'
import {isRecord} from '../util/is-record.js'

/** Metadata the content folder's manifest gives, per gazette file. */
export interface Manifest {
  /** Applies to every gazette (e.g. the paper and its home region). */
  defaults: MetadataInput | undefined
  /** Keyed by path relative to the content folder. */
  entries: Map<string, MetadataInput>
  /** Line of each entry, for reports. */
  lines: Map<string, number | null>
  reports: VFileMessage[]
}

export const manifestName = 'manifest.yaml'

/**
 * Parse `manifest.yaml`:
 *
 * ```yaml
 * defaults: {paper: 通州日报, region: "320612"}
 * gazettes:
 *   2022/0215-02.txt: {date: 2022-02-15, page: 2, pageName: 镇村新闻}
 * ```
 *
 * Entries and defaults are read field by field: a bad field is reported at
 * its line and left out; the entry's other fields, and the other entries,
 * still apply. A file named twice: the first entry is used, the second
 * reported.
 */
export function parseManifest(text: string, file = manifestName): Manifest {
  const manifest: Manifest = {defaults: undefined, entries: new Map(), lines: new Map(), reports: []}
  const report = (offset: number | undefined, reason: string) =>
    manifest.reports.push(message(file, 'read', 'manifest', reason, {line: lineAt(text, offset)}))
  const parsed = parseMapping(text, report, 'expected a mapping with `defaults` and `gazettes`')
  if (!parsed) return manifest
  const {document, root} = parsed
  const {defaults, gazettes, ...rest} = root
  for (const key of Object.keys(rest))
    report(offsetOf(document, [key]), `unknown key \`${key}\` (expected \`defaults\` or \`gazettes\`)`)

  /** The valid fields of the metadata at `path`; each bad one reported at its own line, after `subject`. */
  const fieldsAt = (value: unknown, path: string[], subject: string): MetadataInput => {
    const {metadata, problems} = readMetadata(value)
    for (const {key, message} of problems) {
      const at = key === null ? undefined : offsetOf(document, [...path, key])
      report(at ?? offsetOf(document, path), `${subject}: ${message}`)
    }
    return metadata
  }
  if (defaults !== undefined) manifest.defaults = fieldsAt(defaults, ['defaults'], 'defaults')
  if (gazettes !== undefined && !isRecord(gazettes)) {
    report(offsetOf(document, ['gazettes']), '`gazettes` must map file names to metadata')
    return manifest
  }
  for (const [name, value] of Object.entries(gazettes ?? {})) {
    const path = name.replace(/\\/g, '/')
    manifest.lines.set(path, lineAt(text, offsetOf(document, ['gazettes', name])))
    const entry = fieldsAt(value, ['gazettes', name], name)
    if (Object.keys(entry).length > 0) manifest.entries.set(path, entry)
  }
  return manifest
}
