import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'
import type {Gazette} from '../model/types.js'
import {groupBy} from '../util/group-by.js'
import {shortHash} from './ids.js'

/*
 * Ids are made one file at a time (split + tag), so two files can get one:
 * `a.txt` and `a.md`, a page dated 2022-02-15, page 2, and a file named
 * `2022-02-15-p2.txt`, papers whose names slug alike. One id is one URL,
 * and Eleventy stops the whole build at two pages with one URL. The archive
 * sees every gazette and tells them apart here, the same way whatever order
 * the files were processed in.
 */

/**
 * Give every gazette that shares its id with another one of its own: of
 * those sharing, the first in path order keeps the id, each other gets a
 * short hash of its path after it, and its items are renamed with it. The
 * gazettes are renamed in place: the data export is written from them and
 * must name items as their pages do. A warning per renamed gazette.
 */
export function distinctIds(gazettes: readonly Gazette[]): VFileMessage[] {
  const taken = new Set(gazettes.map((gazette) => gazette.id))
  const reports: VFileMessage[] = []
  for (const [id, group] of sharing(gazettes)) {
    const [first, ...others] = [...group].sort(byPath)
    // Never so (sharing() gives groups of two or more); nor would there be others.
    if (!first) continue
    for (const gazette of others) {
      const renamed = freeName(id, gazette.source, taken)
      taken.add(renamed)
      rename(gazette, renamed)
      reports.push(sameUrl(gazette, first, id))
    }
  }
  return reports
}

/** Ids held by more than one gazette, with their gazettes, ordered by id (the order renaming takes them in). */
function sharing(gazettes: readonly Gazette[]): Array<[string, Gazette[]]> {
  return [...groupBy(gazettes, (gazette) => gazette.id)]
    .filter(([, group]) => group.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** By path, code unit by code unit: the same order on every machine and in every locale. */
function byPath(a: Gazette, b: Gazette): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0
}

/**
 * `<name>-<hash of key>`, the hash as short as leaves it free (six hex
 * digits but for a one-in-millions clash), a number after that.
 */
export function freeName(name: string, key: string, taken: ReadonlySet<string>): string {
  for (let length = 6; length <= 64; length += 2) {
    const candidate = `${name}-${shortHash(key, length)}`
    if (!taken.has(candidate)) return candidate
  }
  let number = 2
  while (taken.has(`${name}-${shortHash(key, 64)}-${number}`)) number++
  return `${name}-${shortHash(key, 64)}-${number}`
}

/** A gazette and its items under a new id: an item's id is `<gazette id>-<order>`. */
function rename(gazette: Gazette, id: string): void {
  for (const item of gazette.items) {
    item.id = item.id.startsWith(`${gazette.id}-`) ? id + item.id.slice(gazette.id.length) : `${id}-${item.id}`
  }
  gazette.id = id
}

function sameUrl(gazette: Gazette, keeper: Gazette, id: string): VFileMessage {
  const reason =
    `would share the URL /pages/${id}/ with ${keeper.source}, which comes first by path and keeps it:` +
    ` built at /pages/${gazette.id}/`
  return message(gazette.source, 'archive', 'same-url', reason, {severity: 'warning'})
}
