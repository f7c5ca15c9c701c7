/*
 * Whole archive objects for unit tests of one function: the fields a test
 * names, and plain defaults (empty, null) for the rest, instead of a partial
 * object asserted to be the whole type.
 */
import type {Archive, ArchiveGazette, ArchiveItem} from '../../src/archive/model.js'
import type {GazetteMetadata} from '../../src/model/types.js'

export const noMetadata: GazetteMetadata = {paper: null, date: null, page: null, pageName: null, region: null}

export function archiveItem(fields: Partial<ArchiveItem> = {}): ArchiveItem {
  return {
    id: 'item',
    kind: 'article',
    dateline: null,
    kicker: null,
    title: null,
    subtitle: null,
    byline: null,
    bylines: [],
    body: [],
    start: {line: 1, column: 1},
    continuedFrom: null,
    continuedTo: null,
    places: [],
    primaryPlace: null,
    corrections: [],
    gazetteId: 'gazette',
    url: '/items/item/',
    heading: '',
    metadata: noMetadata,
    order: 1,
    previous: null,
    next: null,
    related: [],
    continues: null,
    continuedBy: null,
    ...fields
  }
}

export function archiveGazette(fields: Partial<ArchiveGazette> = {}): ArchiveGazette {
  return {
    id: 'gazette',
    source: 'gazette.txt',
    metadata: noMetadata,
    hash: '',
    reports: [],
    home: null,
    url: '/pages/gazette/',
    label: '',
    itemIds: [],
    previous: null,
    next: null,
    issue: null,
    ...fields
  }
}

export function archiveOf(fields: Partial<Archive> = {}): Archive {
  return {
    gazettes: [],
    papers: [],
    issues: [],
    redirects: [],
    items: [],
    localities: {},
    localityRoots: [],
    localityPages: [],
    localityCodes: [],
    dates: [],
    datePages: [],
    undated: null,
    undatedPages: [],
    people: [],
    personPages: [],
    stats: {
      gazettes: 0,
      items: 0,
      articles: 0,
      photos: 0,
      fragments: 0,
      papers: [],
      firstDate: null,
      lastDate: null,
      places: 0
    },
    reports: [],
    ...fields
  }
}
