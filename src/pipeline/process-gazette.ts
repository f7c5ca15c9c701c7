import type {Gazette, SourceGazette} from '../model/types.js'
import {split} from '../split/split.js'
import {correctPlaces} from '../tag/correct-places.js'
import {loadGazetteer} from '../tag/gazetteer.js'
import {prepareMentions} from '../tag/mentions.js'
import {isPlaceName, tagItems} from '../tag/tag.js'
import {gazetteId} from '../archive/ids.js'
import {errorText} from '../util/worker-thread.js'

/** What became of one gazette: the result, or why the stages failed on it. */
export type Outcome = {gazette: Gazette} | {error: string}

export interface ProcessOptions {
  /** Home region for gazettes whose metadata names none. */
  region?: string | null
}

/** Split and tag one gazette that has been read: the per-file work of a build. */
export function processGazette(source: SourceGazette, options: ProcessOptions = {}): Gazette {
  const id = gazetteId(source)
  const gazetteer = loadGazetteer()
  const {items: drafts, reports: splitReports} = split(source, {
    isPlaceName: (text) => isPlaceName(text, gazetteer),
    corrections: source.corrections
  })
  const untagged = drafts.map((draft, index) => ({...draft, id: `${id}-${String(index + 1).padStart(2, '0')}`}))
  const tagged = tagItems(source.source, untagged, source.metadata.region ?? options.region ?? null, gazetteer)
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

/** Load what splitting and tagging need (the gazetteer, the segmenter's dictionary) before the first gazette. */
export function prepare(): void {
  prepareMentions(loadGazetteer())
}

/** Split and tag one gazette where the stages may throw. */
export function processSafely(source: SourceGazette): Outcome {
  try {
    return {gazette: processGazette(source)}
  } catch (error) {
    return {error: errorText(error)}
  }
}
