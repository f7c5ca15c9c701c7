import {createHash} from 'node:crypto'
import {lstatSync, readdirSync, readlinkSync, realpathSync, statSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

/** A file (or link) under a folder: its path relative to the folder, size and modification time. */
export interface FileStat {
  path: string
  size: number
  mtimeMs: number
  /** For a link: where it leads (its real path, or what it says when it leads nowhere). */
  target?: string
}

/**
 * Every file (and link) under `folder`, in path order, without reading any.
 * A link inside the folder counts with its target's size and time, as it is
 * read; one leading outside (which is not read) or nowhere, with its own.
 * Synchronous: nothing waits meanwhile, and thousands of `lstat` calls take
 * a quarter of the time through `fs/promises`.
 */
export function folderFiles(folder: string): FileStat[] {
  const entries = readdirSync(folder, {recursive: true, withFileTypes: true})
  const paths = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  let root: string | undefined
  return paths.map((path) => {
    const own = lstatSync(path)
    if (!own.isSymbolicLink()) return {path: relative(folder, path), size: own.size, mtimeMs: own.mtimeMs}
    // Only links pay for a realpath.
    root ??= realpathSync.native(folder)
    const {size, mtimeMs, target} = throughLink(path, root) ?? {...own, target: readlinkSync(path)}
    return {path: relative(folder, path), size, mtimeMs, target}
  })
}

/**
 * The size and time of a link's target when it is inside `root` (the link's
 * own otherwise), and its real path; undefined when it leads nowhere.
 */
function throughLink(path: string, root: string): {size: number; mtimeMs: number; target: string} | undefined {
  try {
    const real = realpathSync.native(path)
    if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) return {...pick(lstatSync(path)), target: real}
    // Relative: the folder may move without its links changing.
    return {...pick(statSync(real)), target: relative(root, real)}
  } catch {
    return undefined
  }
}

function pick({size, mtimeMs}: {size: number; mtimeMs: number}): {size: number; mtimeMs: number} {
  return {size, mtimeMs}
}

/**
 * A hash of the names, sizes and modification times of every file under
 * `folder` (and where each link leads), and of `extra` (settings the build
 * depends on): equal snapshots mean the folder is as it was, without
 * reading any file, as make and rsync decide. Anything that rewrites a file
 * changes its time; re-pointing a link changes its target.
 */
export function folderSnapshot(folder: string, extra: unknown): string {
  const hash = createHash('sha1').update(JSON.stringify(extra))
  for (const {path, size, mtimeMs, target} of folderFiles(folder)) {
    hash.update(`${path}\0${size}\0${mtimeMs}\0${target ?? ''}\0`)
  }
  return hash.digest('base64url').slice(0, 16)
}
