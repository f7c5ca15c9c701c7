import type {ArchiveItem} from '../archive/model.js'

/** Authors a citation names before `等` (GB/T 7714-2015, 8.1.2: the first three). */
const maxAuthors = 3

/**
 * An item's reference in GB/T 7714-2015's form for newspapers,
 * `作者. 题名[N]. 报纸名, 出版日期(版次).` — `张三, 李四. 某某[N]. 通州日报,
 * 2022-02-15(1).` With `online` (the page's URL and the date it was cited):
 * `…[N/OL]. 报纸名, 2022-02-15(1)[2026-12-02]. https://….` What the archive
 * does not know (the paper, the date, the page) is left out, not invented.
 */
export function gbt7714(item: ArchiveItem, online?: {url: string; cited: string}): string {
  const names = item.bylines.map((byline) => byline.name)
  const authors = names.length > maxAuthors ? `${names.slice(0, maxAuthors).join(', ')}, 等` : names.join(', ')
  const {paper, date, page} = item.metadata
  const where = [paper, [date, page === null ? '' : `(${page})`].join('')].filter(Boolean).join(', ')
  const title = `${item.title ?? item.heading}[${online ? 'N/OL' : 'N'}]`
  const reference = [authors, title, where].filter(Boolean).join('. ')
  return online ? `${reference}[${online.cited}]. ${online.url}.` : `${reference}.`
}

/**
 * The `citation_*` meta tags reference managers read from a page (Zotero's
 * embedded-metadata reader, Google Scholar): the paper goes in
 * `citation_journal_title`, each author in a tag of its own.
 */
export function citationMeta(item: ArchiveItem, language: string): Array<{name: string; content: string}> {
  const {paper, date, page} = item.metadata
  return [
    {name: 'citation_title', content: item.title ?? item.heading},
    ...item.bylines.map((byline) => ({name: 'citation_author', content: byline.name})),
    ...(date ? [{name: 'citation_date', content: date.replaceAll('-', '/')}] : []),
    ...(paper ? [{name: 'citation_journal_title', content: paper}] : []),
    ...(page === null ? [] : [{name: 'citation_firstpage', content: String(page)}]),
    {name: 'citation_language', content: language}
  ]
}

/** The item as CSL-JSON (`article-newspaper`), the format reference managers import. */
export function cslJson(item: ArchiveItem, url: string): Record<string, unknown> {
  const {paper, date, page} = item.metadata
  return {
    id: item.id,
    type: 'article-newspaper',
    title: item.title ?? item.heading,
    author: item.bylines.map((byline) => ({literal: byline.name})),
    ...(paper ? {'container-title': paper} : {}),
    ...(date ? {issued: {'date-parts': [date.split('-').map(Number)]}} : {}),
    ...(page === null ? {} : {page: String(page)}),
    ...(url ? {URL: url} : {})
  }
}

/**
 * A `data:` URL of CSL-JSON, the download link of an item page. Only what a URL or an HTML attribute cannot
 * hold as it is gets percent-encoded: Chinese text encoded whole would be nine bytes a character, not three.
 */
export function cslDataUrl(csl: unknown): string {
  const body = JSON.stringify(csl).replace(
    /[%#"&'<>]/gu,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `data:application/vnd.citationstyles.csl+json;charset=utf-8,${body}`
}
