import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import {required} from '../util/required.js'
import {freeName} from './distinct-ids.js'
import {slugify} from './ids.js'
import {personUrl} from './urls.js'
import type {ArchiveItem, Person} from './model.js'

type SourceOf = (itemId: string) => string

export function buildPeople(items: ArchiveItem[], sourceOf: SourceOf): {people: Person[]; reports: VFileMessage[]} {
  const people = new Map<string, Person>()
  for (const item of items) {
    for (const byline of item.bylines) {
      const person = people.get(byline.name) ?? {name: byline.name, slug: '', url: '', roles: [], itemIds: []}
      if (byline.role && !person.roles.includes(byline.role)) person.roles.push(byline.role)
      if (person.itemIds.at(-1) !== item.id) person.itemIds.push(item.id)
      people.set(byline.name, person)
    }
  }
  const list = [...people.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.name.localeCompare(b.name)
  )
  const reports = assignSlugs(list).map(([person, keeper]) => sameSlug(person, keeper, sourceOf))
  return {people: list, reports}
}

/**
 * A slug and URL for every person. Names slug alike (张三 and 章三 are both
 * `zhang-san`): the first by name keeps the slug, each other gets a hash
 * of the name after it, which no other name's slug takes (a number counted
 * up would: a person named `zhang-san-2`). The people renamed, with the one
 * who kept the slug.
 */
function assignSlugs(people: Person[]): Array<[Person, Person]> {
  const bases = new Map(people.map((person) => [person, slugify(person.name)]))
  const taken = new Set(bases.values())
  const keepers = new Map<string, Person>()
  const renamed: Array<[Person, Person]> = []
  // By code point, not by the locale's collation: the same on every machine.
  for (const [person, base] of [...bases].sort(([a], [b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const keeper = keepers.get(base)
    if (keeper) {
      person.slug = freeName(base, person.name, taken)
      taken.add(person.slug)
      renamed.push([person, keeper])
    } else {
      keepers.set(base, person)
      person.slug = base
    }
    person.url = personUrl(person.slug)
  }
  return renamed
}

/** A note, not a warning: names that sound alike are common, and the URL is still the person's own. */
function sameSlug(person: Person, keeper: Person, sourceOf: SourceOf): VFileMessage {
  // A person is made for a byline of an item: each has one.
  const firstOf = (each: Person) => sourceOf(required(each.itemIds[0], `item of ${each.name}`))
  const reason =
    `${person.name} would share the URL ${personUrl(keeper.slug)} with ${keeper.name}` +
    ` (of ${firstOf(keeper)}): built at ${person.url}`
  return message(firstOf(person), 'archive', 'same-slug', reason, {severity: 'info'})
}
