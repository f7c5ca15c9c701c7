import type {Gazette, Item} from '../types.js'

/** The public data format (see schema/gazette-archive.schema.json). */
export interface PublicArchive {
  gazettes: Array<{
    source: string
    metadata: Gazette['metadata']
    items: Array<Pick<Item, 'id' | 'kind' | 'dateline' | 'kicker' | 'title' | 'subtitle' | 'bylines'> & {
      body: Array<{type: 'paragraph' | 'subhead'; text: string}>
      places: Array<{code: string; name: string; level: string; path: string[]; mentions: number; prominent: boolean}>
      primaryPlace: string | null
    }>
  }>
}

/** Gazettes as the public data format: only stable, documented fields. */
export function toPublicArchive(gazettes: Array<Pick<Gazette, 'source' | 'metadata' | 'items'>>): PublicArchive {
  return {
    gazettes: gazettes.map((gazette) => ({
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
        places: item.places.map(({code, name, level, path, mentions, prominent}) => ({code, name, level, path, mentions, prominent})),
        primaryPlace: item.primaryPlace
      }))
    }))
  }
}

/** The year a gazette (or item) was published, as its data part and search bundle name it; `undated` without a date. */
export function yearOf(metadata: Pick<Gazette['metadata'], 'date'>): string {
  return metadata.date?.slice(0, 4) ?? 'undated'
}

/** The month (`YYYY-MM`) a gazette (or item) was published, as its search bundle and sitemap part name it; `undated` without a date. */
export function monthOf(metadata: Pick<Gazette['metadata'], 'date'>): string {
  return metadata.date?.slice(0, 7) ?? 'undated'
}

const csvColumns = ['id', 'source', 'paper', 'date', 'page', 'kind', 'kicker', 'title', 'subtitle', 'bylines', 'places', 'text'] as const

/**
 * One row per item. Cells are quoted, and a cell a spreadsheet would run as
 * a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 */
export function toCsv(gazettes: Array<Pick<Gazette, 'source' | 'metadata' | 'items'>>): string {
  const rows: string[][] = [[...csvColumns]]
  for (const gazette of gazettes) {
    for (const item of gazette.items) {
      rows.push([
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
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/gu, '""')}"`
}
