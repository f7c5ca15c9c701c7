import type {Gazette, SourceGazette} from '../types.js'
import {split} from '../split/split.js'
import {isPlaceName, tagItems} from '../tag/tag.js'
import {gazetteId} from '../archive/ids.js'

export interface ProcessOptions {
  /** Home region for gazettes whose metadata names none. */
  region?: string | null
}

/** Split and tag one gazette that has been read: the per-file work of a build. */
export function processGazette(source: SourceGazette, options: ProcessOptions = {}): Gazette {
  const id = gazetteId(source)
  const {items: drafts, reports: splitReports} = split(source, {isPlaceName: (text) => isPlaceName(text)})
  const untagged = drafts.map((draft, index) => ({...draft, id: `${id}-${String(index + 1).padStart(2, '0')}`, corrections: []}))
  const {items, reports: tagReports} = tagItems(source.source, untagged, source.metadata.region ?? options.region ?? null)
  return {id, source: source.source, metadata: source.metadata, hash: source.hash, items, reports: [...source.reports, ...splitReports, ...tagReports]}
}
