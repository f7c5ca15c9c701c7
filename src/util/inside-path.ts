import {isAbsolute, join, relative, sep} from 'node:path'

/**
 * Whether `path` is a plain relative path inside a folder: no `..`, `.` or
 * empty segment, not absolute, no NUL or backslash. Paths read back from the
 * cache (pages of a site state, a journal) are checked with it before
 * anything is deleted at them.
 */
export function isInsidePath(path: unknown): path is string {
  if (typeof path !== 'string' || path === '' || isAbsolute(path) || /[\0\\]/u.test(path)) return false
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** `path`, refused (thrown) unless it is a plain relative path inside a folder. */
export function checkedInsidePath(path: string): string {
  if (!isInsidePath(path)) throw new Error(`refusing a path outside the site: ${JSON.stringify(path)}`)
  return path
}

/** `root/path`, refusing any path that is not inside `root`. */
export function inside(root: string, path: string): string {
  const full = join(root, checkedInsidePath(path))
  if (relative(root, full).startsWith(`..${sep}`))
    throw new Error(`refusing a path outside the site: ${JSON.stringify(path)}`)
  return full
}
