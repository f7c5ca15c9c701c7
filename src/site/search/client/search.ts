import type * as Excerpt from '../excerpt.js'
import type {Fragment, IndexMeta} from '../format.js'
import type * as Query from '../query.js'
import type {Filters, Found, Place} from '../query.js'

/*
 * The archive's search page (`/assets/search.js`, copied into the site as it
 * is compiled, see tsconfig.json here): the form's query and filters are in
 * the URL (?q=…&district=…&town=…&year=…), so a search is a link and back and
 * forward work. The engine (search-index/query.js, see src/site/search/)
 * reads place names as filters and cuts the query into words; results quote
 * their excerpt from the index's fragments. The page's markup gives the base
 * path (`data-base` of the form).
 */

const filterKeys: ReadonlyArray<keyof Filters> = ['district', 'town', 'year']

/** `value`, which the page's markup (templates/search.njk) gives: a clear error if a template lost it. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the search page has no ${what}`)
  return value
}

const form = required(document.querySelector<HTMLFormElement>('[data-search]'), 'form [data-search]')
const results = required(document.getElementById('search-results'), '#search-results')
const base = required(form.dataset.base, 'data-base on its form')
const folder = `${base}search-index/`
const params = new URLSearchParams(location.search)
const query = (params.get('q') ?? '').trim()
const chosen: Filters = Object.fromEntries(
  filterKeys.map((key) => [key, params.get(key) ?? '']).filter(([, value]) => value)
)
const pageSize = 10
/** A field of the form by its name: the query, or a filter's select. */
const field = (name: string) => {
  const item = form.elements.namedItem(name)
  return item instanceof HTMLInputElement || item instanceof HTMLSelectElement ? item : null
}
required(field('q'), 'field q').value = query

const getJson = async <T>(path: string): Promise<T> => {
  const response = await fetch(path)
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return response.json() as Promise<T>
}
// The engine's modules are the site's (under its base path), not this script's: imported by URL.
const [meta, places, {openIndex}, {excerpt}] = await Promise.all([
  getJson<IndexMeta>(`${folder}meta.json`),
  getJson<Place[]>(`${base}data/places.json`),
  import(`${folder}query.js`) as Promise<typeof Query>,
  import(`${folder}excerpt.js`) as Promise<typeof Excerpt>
])
const index = openIndex(meta, places, (path) => getJson(folder + path))

const element = <K extends keyof HTMLElementTagNameMap>(
  name: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  children: Array<Node | string> = []
): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(name), properties)
  node.append(...children)
  return node
}
/** A link to this page searching `q` under `filters`. */
const searchLink = (text: string, q: string, filters: Filters = {}) => {
  const given = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))
  const search = new URLSearchParams({q, ...Object.fromEntries(given)})
  return element('a', {href: `${base}search/?${search}`, textContent: text})
}

function fillFilters(): void {
  for (const key of filterKeys) {
    const select = field(key)
    if (!(select instanceof HTMLSelectElement)) throw new Error(`the search page has no select ${key}`)
    const order = ([a]: [string, number], [b]: [string, number]) =>
      key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')
    for (const [value, count] of Object.entries(meta.counts[key]).sort(order)) {
      select.append(element('option', {value, textContent: `${value}（${count}）`, selected: value === chosen[key]}))
    }
  }
  required(form.querySelector<HTMLFieldSetElement>('.search-filters'), 'fieldset .search-filters').hidden = false
}

function resultItem(fragment: Fragment, words: readonly string[]): HTMLLIElement {
  const pieces = excerpt(fragment.text, words).map((piece) =>
    piece.marked ? element('mark', {textContent: piece.text}) : piece.text
  )
  const printed = [fragment.date, fragment.printed].filter(Boolean).join(' · ')
  return element('li', {}, [
    element('a', {href: base + fragment.url, textContent: fragment.heading}),
    printed ? element('span', {className: 'meta', textContent: ` ${printed}`}) : '',
    element('p', {}, pieces)
  ])
}

/** The lists a search's results are shown in: those holding every word, then the others under a heading. */
interface Lists {
  complete: HTMLOListElement
  partialHeading: HTMLHeadingElement
  partial: HTMLOListElement
}

async function showMore(found: Found, lists: Lists, button: HTMLButtonElement): Promise<void> {
  const shown = lists.complete.children.length + lists.partial.children.length
  const next = found.hits.slice(shown, shown + pageSize)
  const fragments = await index.show(next)
  fragments.forEach((fragment, at) => {
    const list = shown + at < found.complete ? lists.complete : lists.partial
    list.append(resultItem(fragment, found.words))
  })
  lists.partialHeading.hidden = lists.partial.children.length === 0
  button.hidden = shown + next.length >= found.hits.length
}

async function run(): Promise<void> {
  const found = await index.search(query, chosen)
  // A query word read as a place shows as that place's filter, not as 全部.
  for (const [key, value] of Object.entries(found.filters)) {
    const select = field(key)
    if (select && value !== undefined) select.value = value
  }
  const said = Object.values(found.filters).join('、')
  const partial = found.hits.length - found.complete
  const counts = `${found.complete} 篇稿件${partial > 0 ? `，另有 ${partial} 篇只含部分词语` : ''}`
  const parts: Node[] = [element('p', {className: 'meta', textContent: `${counts}${said ? `（${said}）` : ''}`})]
  for (const {word, places: named} of found.ambiguous) {
    const rest = query.replace(word, ' ').trim()
    const links = named.flatMap((place, at) => [
      at > 0 ? '、' : '',
      searchLink(place.label, rest, {...chosen, [place.level]: place.filter})
    ])
    parts.push(element('p', {}, [`“${word}”是地名，可能指：`, ...links, '。以下按文字搜索。']))
  }
  if (found.hits.length === 0) {
    const links = found.suggestions.map((text) => searchLink(text, text, chosen))
    // Filters chosen in the form may be what finds nothing: the same query without them.
    if (Object.keys(chosen).length > 0) links.push(searchLink(`不加筛选搜索“${query}”`, query))
    const tries = links.flatMap((link, at) => [at > 0 ? '、' : '', link])
    const none = '没有找到稿件。'
    parts.push(element('p', {}, links.length > 0 ? [none, '试试：', ...tries, '。'] : [none]))
    // The ways to browse are the page's (an archive's lists, or a merged site's archives): its template says them.
    const browse = document.querySelector<HTMLTemplateElement>('template#search-browse')
    if (browse) parts.push(...[...browse.content.cloneNode(true).childNodes])
    results.replaceChildren(...parts)
    return
  }
  const lists: Lists = {
    complete: element('ol', {className: 'search-results'}),
    partialHeading: element('h2', {textContent: '只含部分词语的稿件', hidden: true}),
    partial: element('ol', {className: 'search-results'})
  }
  const button = element('button', {type: 'button', textContent: '显示更多'})
  button.addEventListener('click', () => showMore(found, lists, button))
  await showMore(found, lists, button)
  results.replaceChildren(...parts, lists.complete, lists.partialHeading, lists.partial, button)
}

fillFilters()
if (query || Object.keys(chosen).length > 0) await run()
