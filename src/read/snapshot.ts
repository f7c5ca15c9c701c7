import {createHash} from 'node:crypto'
import {lstatSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'

/** A file (or link) under a folder: its path relative to the folder, size and modification time. */
export interface FileStat {
  path: string
  size: number
  mtimeMs: number
}

/**
 * Every file (and link) under `folder`, in path order, without reading any.
 * Synchronous: nothing waits meanwhile, and thousands of `lstat` calls take
 * a quarter of the time through `fs/promises`.
 */
export function folderFiles(folder: string): FileStat[] {
  const entries = readdirSync(folder, {recursive: true, withFileTypes: true})
  const paths = entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name)).sort()
  return paths.map((path) => {
    const {size, mtimeMs} = lstatSync(path)
    return {path: relative(folder, path), size, mtimeMs}
  })
}

/**
 * A hash of the names, sizes and modification times of every file under
 * `folder`, and of `extra` (settings the build depends on): equal
 * snapshots mean the folder is as it was, without reading any file, as
 * make and rsync decide. Anything that rewrites a file changes its time.
 */
export function folderSnapshot(folder: string, extra: unknown): string {
  const hash = createHash('sha1').update(JSON.stringify(extra))
  for (const {path, size, mtimeMs} of folderFiles(folder)) hash.update(`${path}\0${size}\0${mtimeMs}\0`)
  return hash.digest('base64url').slice(0, 16)
}
