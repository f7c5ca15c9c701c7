import type {Division} from '../model/types.js'
import {parentCode} from '../tag/gazetteer.js'
import {placeFeedUrl, placeUrl} from './urls.js'
import type {ArchiveItem, Locality, LocalityPage} from './model.js'
import {paginate} from './paginate.js'

export function buildLocalities(
  items: ArchiveItem[],
  divisions: ReadonlyMap<string, Division>
): Record<string, Locality> {
  const localities: Record<string, Locality> = {}
  // A municipality's city level (上海市's 市辖区) is a grouping, not a place: its districts sit under the municipality.
  const grouping = (code: string) => {
    const division = divisions.get(code)
    return division?.level === 'city' && division.path.length === 1
  }
  const above = (code: string) => {
    const parent = parentCode(code)
    return parent !== undefined && grouping(parent) ? parentCode(parent) : parent
  }
  const ensure = (code: string, division: Division): Locality => {
    const existing = localities[code]
    if (existing) return existing
    const parent = above(code) ?? null
    const locality: Locality = {
      ...division,
      url: placeUrl(code),
      feedUrl: placeFeedUrl(code),
      parent,
      children: [],
      itemIds: []
    }
    localities[code] = locality
    const parentDivision = parent ? divisions.get(parent) : undefined
    if (parent && parentDivision) ensure(parent, parentDivision).children.push(code)
    else locality.parent = null
    return locality
  }
  for (const item of items) {
    const codes = new Map<string, Division>()
    for (const place of item.places) {
      for (let code: string | undefined = place.code; code; code = above(code)) {
        const division = divisions.get(code)
        if (!division) break
        codes.set(code, division)
      }
    }
    for (const [code, division] of codes) ensure(code, division).itemIds.push(item.id)
  }
  for (const locality of Object.values(localities)) locality.children.sort()
  return localities
}

export function paginateLocalities(
  localities: Record<string, Locality>,
  byId: ReadonlyMap<string, ArchiveItem>,
  size: number
): LocalityPage[] {
  return Object.values(localities)
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((locality) =>
      paginate(locality.itemIds, locality.url, byId, size).map((page) => ({code: locality.code, ...page}))
    )
}
