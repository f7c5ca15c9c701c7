import type {PlaceTag} from '../model/types.js'
import {isWithin} from './gazetteer.js'

/**
 * The places an item is about, not those it names in passing. A county named
 * once, outside the headline and the lead, in an item whose headline or lead
 * names another county more than once is a neighbour, an origin or a
 * visitor's home (`与桐柏接壤`, `来自伊川县`): it and its towns are dropped.
 */
export function aboutPlaces(places: readonly PlaceTag[]): PlaceTag[] {
  const districts = places.filter((place) => place.level === 'district')
  const subject = districts.some((place) => place.prominent && place.mentions >= 2)
  if (!subject) return [...places]
  const passing = districts.filter((place) => !place.prominent && place.mentions === 1)
  return places.filter((place) => !passing.some((district) => isWithin(place.code, district.code)))
}
