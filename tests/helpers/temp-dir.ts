import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after} from 'node:test'

/** What runs a function when it ends: a test's context (`t`), or a hook's. */
interface Ends {
  after(fn: () => void | Promise<void>): void
}

/** A fresh folder under the temp directory, removed when the test `t` ends. */
export function tempDir(t: Ends, name = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), `gazette-${name}-`))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

/**
 * A fresh folder under the temp directory for a whole test file, removed
 * after its last test (`after` of node:test): call it at the file's top level.
 */
export function fileTempDir(name = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), `gazette-${name}-`))
  after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}
