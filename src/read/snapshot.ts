import {createHash} from 'node:crypto'
import {lstat, readdir} from 'node:fs/promises'
import {join, relative} from 'node:path'

/** A file (or link) under a folder: its path relative to the folder, size and modification time. */
export interface FileStat {
  path: string
  size: number
  mtimeMs: number
}

/** Every file (and link) under `folder`, in path order, without reading any. */
export async function folderFiles(folder: string): Promise<FileStat[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  const paths = entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name)).sort()
  return Promise.all(paths.map(async (path) => {
    const {size, mtimeMs} = await lstat(path)
    return {path: relative(folder, path), size, mtimeMs}
  }))
}

/**
 * A hash of the names, sizes and modification times of every file under
 * `folder`, and of `extra` (settings the build depends on): equal
 * snapshots mean the folder is as it was, without reading any file, as
 * make and rsync decide. Anything that rewrites a file changes its time.
 */
export async function folderSnapshot(folder: string, extra: unknown): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(extra))
  for (const {path, size, mtimeMs} of await folderFiles(folder)) hash.update(`${path}\0${size}\0${mtimeMs}\0`)
  return hash.digest('base64url').slice(0, 16)
}
