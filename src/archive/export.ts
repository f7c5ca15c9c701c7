import type {Gazette, Item} from '../model/types.js'

/** The public data format (see schema/gazette-archive.schema.json). */
export interface PublicArchive {
  gazettes: Array<{
    source: string
    metadata: Gazette['metadata']
    items: Array<
      Pick<Item, 'id' | 'kind' | 'dateline' | 'kicker' | 'title' | 'subtitle' | 'bylines'> & {
        body: Array<{type: 'paragraph' | 'subhead'; text: string}>
        places: Array<{
          code: string
          name: string
          level: string
          path: string[]
          mentions: number
          prominent: boolean
          printedAs?: string
        }>
        primaryPlace: string | null
      }
    >
  }>
}

type Exported = Pick<Gazette, 'source' | 'metadata' | 'items'>

/** Gazettes as the public data format: only stable, documented fields. */
export function toPublicArchive(gazettes: Exported[]): PublicArchive {
  return {gazettes: gazettes.map(publicGazette)}
}

/**
 * `JSON.stringify(toPublicArchive(gazettes))` in pieces of a gazette each:
 * a year of a paper is tens of megabytes of JSON, which as one string
 * takes twice that and as much again to write out.
 */
export function* publicArchiveJson(gazettes: Exported[]): Generator<string> {
  yield '{"gazettes":['
  for (const [index, gazette] of gazettes.entries())
    yield (index === 0 ? '' : ',') + JSON.stringify(publicGazette(gazette))
  yield ']}'
}

function publicGazette(gazette: Exported): PublicArchive['gazettes'][number] {
  return {
    source: gazette.source,
    metadata: gazette.metadata,
    items: gazette.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      dateline: item.dateline,
      kicker: item.kicker,
      title: item.title,
      subtitle: item.subtitle,
      bylines: item.bylines.map(({name, role}) => ({name, role})),
      body: item.body.map(({type, text}) => ({type, text})),
      places: item.places.map(({code, name, level, path, mentions, prominent, printedAs}) => ({
        code,
        name,
        level,
        path,
        mentions,
        prominent,
        ...(printedAs ? {printedAs} : {})
      })),
      primaryPlace: item.primaryPlace
    }))
  }
}

/** The year a gazette (or item) was published, as its data part and search bundle name it; `undated` without a date. */
export function yearOf(metadata: Pick<Gazette['metadata'], 'date'>): string {
  return metadata.date?.slice(0, 4) ?? 'undated'
}

/**
 * The month (`YYYY-MM`) a gazette (or item) was published, as its search
 * bundle and sitemap part name it; `undated` without a date.
 */
export function monthOf(metadata: Pick<Gazette['metadata'], 'date'>): string {
  return metadata.date?.slice(0, 7) ?? 'undated'
}

const csvColumns = [
  'id',
  'source',
  'paper',
  'date',
  'page',
  'kind',
  'kicker',
  'title',
  'subtitle',
  'bylines',
  'places',
  'text'
] as const

/**
 * One row per item. Cells are quoted, and a cell a spreadsheet would run as
 * a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 */
export function toCsv(gazettes: Exported[]): string {
  return [...csvLines(gazettes)].join('')
}

/** `toCsv` in pieces of a line each (see `publicArchiveJson`). */
export function* csvLines(gazettes: Exported[]): Generator<string> {
  const line = (cells: readonly string[]) => cells.map(csvCell).join(',') + '\r\n'
  yield line(csvColumns)
  for (const gazette of gazettes) {
    for (const item of gazette.items) {
      yield line([
        item.id,
        gazette.source,
        gazette.metadata.paper ?? '',
        gazette.metadata.date ?? '',
        gazette.metadata.page === null ? '' : String(gazette.metadata.page),
        item.kind,
        item.kicker ?? '',
        item.title ?? '',
        item.subtitle ?? '',
        item.bylines.map((byline) => (byline.role ? `${byline.name}(${byline.role})` : byline.name)).join(' '),
        item.places.map((place) => `${place.code} ${place.name}`).join('; '),
        item.body.map((block) => block.text).join('\n')
      ])
    }
  }
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/gu, '""')}"`
}
