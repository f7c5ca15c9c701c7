import type {Gazette, SourceGazette} from '../model/types.js'
import {split} from '../split/index.js'
import {type PlaceNames, correctPlaces, isPlaceName, tagItems} from '../tag/index.js'
import {gazetteId} from '../archive/index.js'
import {errorText} from '../util/worker-thread.js'

/** What became of one gazette: the result, or why the stages failed on it. */
export type Outcome = {gazette: Gazette} | {error: string}

export interface ProcessOptions {
  /** Home region for gazettes whose metadata names none. */
  region?: string | null
}

/**
 * Split and tag one gazette that has been read: the per-file work of a
 * build. `names` (the gazetteer and the segmenter) is loaded once per
 * process and passed to every gazette.
 */
export function processGazette(source: SourceGazette, names: PlaceNames, options: ProcessOptions = {}): Gazette {
  const id = gazetteId(source)
  const {gazetteer, segmenter} = names
  const {items: drafts, reports: splitReports} = split(source, {
    segmenter,
    isPlaceName: (text) => isPlaceName(text, names),
    corrections: source.corrections
  })
  const untagged = drafts.map((draft, index) => ({...draft, id: `${id}-${String(index + 1).padStart(2, '0')}`}))
  const tagged = tagItems(source.source, untagged, source.metadata.region ?? options.region ?? null, names)
  const corrected = correctPlaces(
    source.source,
    tagged.items,
    source.corrections,
    source.text.split('\n').length,
    gazetteer
  )
  return {
    id,
    source: source.source,
    metadata: source.metadata,
    hash: source.hash,
    items: corrected.items,
    reports: [...source.reports, ...splitReports, ...tagged.reports, ...corrected.reports],
    home: tagged.home
  }
}

/** Split and tag one gazette where the stages may throw. */
export function processSafely(source: SourceGazette, names: PlaceNames): Outcome {
  try {
    return {gazette: processGazette(source, names)}
  } catch (error) {
    return {error: errorText(error)}
  }
}
