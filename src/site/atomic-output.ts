import {mkdir, mkdtemp, readdir, rename, rm, rmdir, stat} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve} from 'node:path'

/**
 * Build into a fresh folder beside `output` and swap it in only when
 * `write` succeeds, so that a failed or interrupted build leaves the
 * published site as it was. Folders left by a build that was killed
 * (`.<name>.building-*`) are removed first.
 *
 * The swap is two renames on one file system: the old site is moved aside,
 * the new one moved in, then the old one deleted. Between the renames the
 * path is briefly absent; Node offers no atomic exchange of folders.
 */
export async function writeAtomically<T>(output: string, write: (folder: string) => Promise<T>): Promise<T> {
  const target = resolve(output)
  const parent = dirname(target)
  const name = basename(target)
  const {temporary, result} = await writeBeside(target, write)
  const previous = join(parent, `.${name}.previous-${process.pid}`)
  const existed = await exists(target)
  if (existed) await rename(target, previous)
  await rename(temporary, target)
  if (existed) await rm(previous, {recursive: true, force: true})
  return result
}

/** What a rebuild changes in a built site besides the files it writes. */
export interface Changes {
  /** Folders the rebuild writes whole: the old ones are replaced, not merged. */
  replace: string[]
  /** Files and folders to delete (pages that no longer exist). */
  remove: string[]
}

/**
 * Apply a rebuild to a built site. `write` writes the changed files into a
 * fresh folder beside `output`; only when it succeeds are they moved in,
 * a rename each (folders in `changes.replace` as a whole), and the paths
 * in `changes.remove` deleted. Nothing else in `output` is touched, and a
 * failed rebuild leaves it as it was.
 */
export async function updateInPlace<T>(output: string, changes: Changes, write: (folder: string) => Promise<T>): Promise<T> {
  const target = resolve(output)
  const {temporary, result} = await writeBeside(target, write)
  for (const folder of changes.replace) {
    await rm(join(target, folder), {recursive: true, force: true})
    if (await exists(join(temporary, folder))) {
      await mkdir(dirname(join(target, folder)), {recursive: true})
      await rename(join(temporary, folder), join(target, folder))
    }
  }
  for (const file of await filesUnder(temporary)) {
    await mkdir(dirname(join(target, file)), {recursive: true})
    await rename(join(temporary, file), join(target, file))
  }
  for (const path of changes.remove) {
    await rm(join(target, path), {recursive: true, force: true})
    // A page's folder (items/x/) goes with its only file.
    await rmdir(dirname(join(target, path))).catch(() => undefined)
  }
  await rm(temporary, {recursive: true, force: true})
  return result
}

/** Run `write` on a new folder beside `target`, after clearing folders left by killed builds. */
async function writeBeside<T>(target: string, write: (folder: string) => Promise<T>): Promise<{temporary: string; result: T}> {
  const parent = dirname(target)
  const name = basename(target)
  await mkdir(parent, {recursive: true})
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${name}.building-`) || entry.startsWith(`.${name}.previous-`)) await rm(join(parent, entry), {recursive: true, force: true})
  }
  const temporary = await mkdtemp(join(parent, `.${name}.building-`))
  try {
    return {temporary, result: await write(temporary)}
  } catch (error) {
    await rm(temporary, {recursive: true, force: true})
    throw error
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)))
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}
