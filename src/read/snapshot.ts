import {createHash} from 'node:crypto'
import {lstat, readdir} from 'node:fs/promises'
import {join, relative} from 'node:path'

/**
 * A hash of the names, sizes and modification times of every file under
 * `folder`, and of `extra` (settings the build depends on): equal
 * snapshots mean the folder is as it was, without reading any file, as
 * make and rsync decide. Anything that rewrites a file changes its time.
 */
export async function folderSnapshot(folder: string, extra: unknown): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(extra))
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  const paths = entries.map((entry) => join(entry.parentPath, entry.name)).sort()
  for (const path of paths) {
    const stats = await lstat(path)
    if (!stats.isDirectory()) hash.update(`${relative(folder, path)}\0${stats.size}\0${stats.mtimeMs}\0`)
  }
  return hash.digest('base64url').slice(0, 16)
}
