import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import type {Correction, Division, Item, PlaceTag} from '../model/types.js'
import {describeCorrection} from '../read/corrections.js'
import {itemAt} from '../split/correct.js'
import type {Gazetteer} from './gazetteer.js'
import {parentCode} from './gazetteer.js'
import {primaryPlace} from './primary.js'
import {required} from '../util/required.js'

/**
 * The division a correction names: a code, or a full name that is unique
 * on its own (`孙庄街道`) or under the division printed before it
 * (`海安市白甸镇`).
 */
export function findDivision(text: string, gazetteer: Gazetteer): Division | undefined {
  if (/^\d+$/u.test(text)) return gazetteer.divisions.get(text)
  const full = (name: string) =>
    (gazetteer.names.get(name) ?? []).filter((entry) => entry.full).map((entry) => entry.code)
  const whole = full(text)
  const [only] = whole
  if (only !== undefined && whole.length === 1) return gazetteer.divisions.get(only)
  const characters = [...text]
  const found = new Set<string>()
  for (let cut = 2; cut < characters.length - 1; cut++) {
    const parents = full(characters.slice(0, cut).join(''))
    for (const code of full(characters.slice(cut).join(''))) {
      if (parents.some((parent) => code.startsWith(parent))) found.add(code)
    }
  }
  const [code] = found
  return code !== undefined && found.size === 1 ? gazetteer.divisions.get(code) : undefined
}

/**
 * Add and remove places as the corrections file says. An added town brings
 * its district; a removed district takes its towns; a district left with
 * no mention of its own or of a town is removed too. A place that names no
 * division is reported and left out of the item's record of corrections.
 */
export function correctPlaces(
  source: string,
  items: Item[],
  corrections: readonly Correction[],
  lineCount: number,
  gazetteer: Gazetteer
): {items: Item[]; reports: VFileMessage[]} {
  const reports: VFileMessage[] = []
  const byItem = new Map<Item, Correction[]>()
  for (const correction of corrections) {
    if (!correction.addPlaces && !correction.removePlaces) continue
    // A line past the end points nowhere (the splitter reports it).
    const item = correction.line <= lineCount ? itemAt(items, correction.line) : undefined
    if (item) byItem.set(item, [...(byItem.get(item) ?? []), correction])
  }

  const corrected = items.map((item) => {
    const mine = byItem.get(item)
    if (!mine) return item
    const places = new Map(item.places.map((place) => [place.code, {...place}]))
    const added = new Set<string>()
    let recorded = item.corrections
    for (const correction of mine) {
      const applied: AppliedPlaces = {removePlaces: [], addPlaces: []}
      for (const text of correction.removePlaces ?? []) {
        const division = findDivision(text, gazetteer)
        if (!division) {
          reports.push(unknown(source, correction, text))
          continue
        }
        applied.removePlaces.push(text)
        const removed = places.get(division.code)
        for (const code of places.keys()) if (code.startsWith(division.code)) places.delete(code)
        const parent = parentCode(division.code)
        const district = parent && parent.length >= 6 ? places.get(parent) : undefined
        if (district && removed && !added.has(district.code)) {
          district.mentions -= removed.mentions
          if (district.mentions <= 0) places.delete(district.code)
        }
      }
      for (const text of correction.addPlaces ?? []) {
        const division = findDivision(text, gazetteer)
        if (!division || division.code.length < 6) {
          reports.push(unknown(source, correction, text))
          continue
        }
        applied.addPlaces.push(text)
        for (let code: string | undefined = division.code; code && code.length >= 6; code = parentCode(code)) {
          added.add(code)
          // The division and those above it to its district: all in the gazetteer (a town goes in under its district).
          if (!places.has(code)) {
            const place = required(gazetteer.divisions.get(code), 'division of an added place')
            places.set(code, {...place, mentions: 0, prominent: false})
          }
        }
      }
      recorded = keepApplied(recorded, correction, applied)
    }
    const list: PlaceTag[] = [...places.values()].sort((a, b) => a.code.localeCompare(b.code))
    return {...item, places: list, primaryPlace: primaryPlace(list), corrections: recorded}
  })
  return {items: corrected, reports}
}

type AppliedPlaces = Required<Pick<Correction, 'addPlaces' | 'removePlaces'>>

/**
 * The item's record of corrections with `correction` as far as it applied:
 * the splitter recorded all of it, rejected places included (the page would
 * list them as applied). A correction of which nothing applied is dropped.
 */
function keepApplied(recorded: readonly string[], correction: Correction, applied: AppliedPlaces): string[] {
  const said = describeCorrection(correction)
  // A copy with the places as applied, in place: the rest of the record reads as the splitter wrote it.
  const kept: Correction = {...correction}
  for (const key of ['addPlaces', 'removePlaces'] as const) {
    if (!Object.hasOwn(kept, key)) continue
    const places = applied[key]
    if (places.length > 0) kept[key] = places
    else delete kept[key]
  }
  const index = recorded.findIndex((entry) => entry === said || entry.startsWith(`${said}; `))
  // Not found, the index is -1, which reads undefined.
  const found = recorded[index]
  if (found === undefined) return [...recorded]
  const rest = found.slice(said.length)
  const nothingApplied = Object.keys(kept).every((key) => key === 'line' || key === 'at')
  const replacement = nothingApplied ? [] : [describeCorrection(kept) + rest]
  return [...recorded.slice(0, index), ...replacement, ...recorded.slice(index + 1)]
}

function unknown(source: string, correction: Correction, text: string): VFileMessage {
  const from = correction.at === null ? '' : ` from corrections.yaml line ${correction.at}`
  const reason = `correction${from}: “${text}” is not a district or town code, nor a full name that names one division`
  return message(source, 'tag', 'correction', reason, {line: correction.line, column: 1})
}
