import {existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {inside} from '../util/inside-path.js'

/*
 * File operations on the folders of a site (its releases). Synchronous: they
 * run while nothing else does, and thousands of calls through fs/promises
 * take several times as long.
 */

/**
 * A copy of the tree at `from` made at `to` of hard links: the files are
 * shared, not copied. Safe because a build never writes into a published
 * file: it renames a new file over it, which leaves the other link alone.
 */
export function cloneTree(from: string, to: string): void {
  if (!lstatSync(from).isDirectory()) {
    mkdirSync(dirname(to), {recursive: true})
    linkSync(from, to)
    return
  }
  mkdirSync(to, {recursive: true})
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    const source = join(from, entry.name)
    if (entry.isDirectory()) cloneTree(source, join(to, entry.name))
    else linkSync(source, join(to, entry.name))
  }
}

/** Make `path` in the tree `target` what it is in `source`: the same file or folder (linked), or absent. */
export function syncPath(source: string, target: string, path: string): void {
  const to = inside(target, path)
  rmSync(to, {recursive: true, force: true})
  const from = inside(source, path)
  if (existsSync(from)) cloneTree(from, to)
  else removeEmptyParents(target, to)
}

/** Move the file or folder `from` to `to` in a tree, replacing what is there. */
export function moveInto(from: string, to: string): void {
  rmSync(to, {recursive: true, force: true})
  mkdirSync(dirname(to), {recursive: true})
  renameSync(from, to)
}

/** Delete `path` in the tree at `root`, and the folders it leaves empty (a page's `items/x/`). */
export function removePath(root: string, path: string): void {
  const full = inside(root, path)
  rmSync(full, {recursive: true, force: true})
  removeEmptyParents(root, full)
}

function removeEmptyParents(root: string, path: string): void {
  for (let folder = dirname(path); folder !== root && folder.startsWith(root + sep); folder = dirname(folder)) {
    try {
      rmdirSync(folder)
    } catch {
      return
    }
  }
}

/** Every file below `folder`, as paths relative to it with `/`. */
export function filesBelow(folder: string): string[] {
  const entries = readdirSync(folder, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
}
