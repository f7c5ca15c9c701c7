import assert from 'node:assert/strict'
import {mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, sep} from 'node:path'
import {gunzipSync} from 'node:zlib'

/** Every file below `dir`, as paths relative to it with `/`, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join('/'))
    .sort()
}

/** Two folders hold the same files, byte for byte (those that `compared` names, by default all). */
export function assertSameFiles(actual: string, expected: string, compared = (_file: string) => true): void {
  const files = filesBelow(expected).filter(compared)
  assert.deepEqual(filesBelow(actual).filter(compared), files)
  const differing = files.filter((file) => !readFileSync(join(actual, file)).equals(readFileSync(join(expected, file))))
  assert.deepEqual(differing, [])
}

/** Write each file (by path relative to `folder`, folders made as needed) with its text. */
export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), {recursive: true})
    writeFileSync(join(folder, name), text)
  }
}

/** The text of a gzipped file (the site's data parts). */
export function gunzipped(file: string): string {
  return gunzipSync(readFileSync(file)).toString('utf8')
}
