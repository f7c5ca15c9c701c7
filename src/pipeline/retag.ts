import {isRule} from '../model/messages.js'
import type {Gazette} from '../model/types.js'
import {type PlaceNames, tagItems} from '../tag/index.js'

/** A gazette tagged again with `region` as its paper's home; its other reports kept. */
export function retagInRegion(gazette: Gazette, region: string, names: PlaceNames): Gazette {
  const untagged = gazette.items.map(({places, primaryPlace, ...item}) => item)
  const tagged = tagItems(gazette.source, untagged, null, names, region)
  // Only the ambiguous names are read anew; the page's other reports stand.
  const reports = gazette.reports.filter((report) => !isRule(report, 'tag', 'ambiguous'))
  return {...gazette, items: tagged.items, reports: [...reports, ...tagged.reports], home: tagged.home}
}
