import {mkdir, mkdtemp, readdir, rename, rm, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'

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
  await mkdir(parent, {recursive: true})
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${name}.building-`) || entry.startsWith(`.${name}.previous-`)) await rm(join(parent, entry), {recursive: true, force: true})
  }
  const temporary = await mkdtemp(join(parent, `.${name}.building-`))
  let result: T
  try {
    result = await write(temporary)
  } catch (error) {
    await rm(temporary, {recursive: true, force: true})
    throw error
  }
  const previous = join(parent, `.${name}.previous-${process.pid}`)
  const existed = await stat(target).then(
    () => true,
    () => false
  )
  if (existed) await rename(target, previous)
  await rename(temporary, target)
  if (existed) await rm(previous, {recursive: true, force: true})
  return result
}
