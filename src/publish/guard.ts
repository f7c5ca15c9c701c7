import {existsSync, lstatSync, readdirSync, realpathSync} from 'node:fs'
import {basename, dirname, join, resolve, sep} from 'node:path'
import {hasMarker, storeOf} from './releases.js'

export interface Folders {
  /** The content folder (it exists). */
  input: string
  output: string
  cache?: string | false | undefined
  /** Replace an output that is not a site a build wrote. */
  force?: boolean | undefined
}

/**
 * Why a build must not write to `output`, before anything is touched: it is
 * the content folder, holds it or lies in it; it is a file; or it is a
 * folder with files no build wrote (a user's work), unless `force`. The
 * cache may not lie in the output or the content folder either, nor hold
 * them. Paths are compared as the file system resolves them (links,
 * `..`), so `-o .` or a link to the content folder is caught too.
 */
export function whyNotOutput(folders: Folders): string | undefined {
  const input = realish(folders.input)
  const output = realish(folders.output)
  const shown = folders.output
  if (related(output, input)) return `${describe(output, input)}: refusing to write the site there (-o, --output)`
  const store = realish(storeOf(folders.output))
  if (related(store, input)) return `the content folder ${folders.input} is inside ${store}, which the build writes`
  if (folders.cache) {
    const cache = realish(folders.cache)
    if (related(cache, output))
      return `the cache ${folders.cache} and the output ${shown} overlap: give them separate folders`
    if (related(cache, input))
      return `the cache ${folders.cache} and the content folder ${folders.input} overlap: give them separate folders`
  }
  return whyNotReplace(folders.output, folders.force)
}

/**
 * Why `gazette merge` must not write to `output`: it is, holds or lies in
 * one of the archives' sites it merges (their links or their releases), or
 * they lie in its store; or it is not a folder to replace (`whyNotOutput`).
 */
export function whyNotMergeOutput(output: string, shards: readonly string[], force?: boolean): string | undefined {
  const targets = [resolve(output), realish(output), realish(storeOf(output))]
  for (const shard of shards)
    if (targets.some((target) => related(target, resolve(shard)) || related(target, realish(shard))))
      return `the output ${output} and the archive ${shard} overlap: refusing to write the site there (-o, --output)`
  return whyNotReplace(output, force)
}

/** Why the site may not replace what is at `shown`: a file, a link or a folder no build wrote, unless `force`. */
function whyNotReplace(shown: string, force: boolean | undefined): string | undefined {
  const stat = lstatSync(resolve(shown), {throwIfNoEntry: false})
  if (!stat) return undefined
  if (stat.isSymbolicLink()) {
    if (isOwnLink(resolve(shown))) return undefined
    const target = existsSync(resolve(shown)) ? realpathSync(resolve(shown)) : '(nothing)'
    return force
      ? undefined
      : `${shown} is a link to ${target}, not to a site a build wrote:` +
          ` --force replaces the link (leaving ${target} as it is)`
  }
  if (!stat.isDirectory())
    return `${shown} is a file, not a folder: refusing to replace it with the site (-o, --output)`
  if (hasMarker(resolve(shown)) || readdirSync(resolve(shown)).length === 0) return undefined
  return force
    ? undefined
    : `${shown} is a folder of files no build wrote: refusing to replace it (--force replaces it, deleting them)`
}

/** Whether `output` is a link to a release in its own store. */
function isOwnLink(output: string): boolean {
  try {
    const target = realpathSync(output)
    return dirname(target) === realpathSync(storeOf(output)) && basename(target).startsWith('r-') && hasMarker(target)
  } catch {
    return false
  }
}

/** Equal, or one holds the other. */
function related(a: string, b: string): boolean {
  return holds(a, b) || holds(b, a)
}

function holds(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

function describe(output: string, input: string): string {
  if (output === input) return `the output ${output} is the content folder`
  return holds(output, input)
    ? `the output ${output} holds the content folder ${input}`
    : `the output ${output} is inside the content folder ${input}`
}

/** The real path of `path`, or of its nearest existing parent followed by the rest. */
function realish(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(realish(parent), basename(absolute))
  }
}
