import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join, sep} from 'node:path'
import {readGazette} from '../src/read/read-gazette.js'
import {processGazette} from '../src/pipeline/process-gazette.js'
import {parseManifest} from '../src/read/manifest.js'

export const samplesDir = join(import.meta.dirname, '..', 'content', 'gazettes')

export const sampleFiles = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()

const manifest = parseManifest(readFileSync(join(samplesDir, 'manifest.yaml'), 'utf8'))

/** A bundled sample gazette, read with its manifest metadata. */
export function readSample(name: string) {
  return readGazette(name, readFileSync(join(samplesDir, name)), {defaults: manifest.defaults, entry: manifest.entries.get(name)})
}

/** A bundled sample, split and tagged. */
export function processSample(name: string) {
  return processGazette(readSample(name))
}

/** A gazette from text, read and split and tagged. */
export function processText(text: string, region: string | null = null, source = 'test.txt') {
  return processGazette(readGazette(source, new TextEncoder().encode(text)), {region})
}

/** Every file below `dir`, as paths relative to it with `/`, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join('/'))
    .sort()
}

/** Two folders hold the same files, byte for byte. */
export function assertSameFiles(actual: string, expected: string): void {
  const files = filesBelow(expected)
  assert.deepEqual(filesBelow(actual), files)
  const differing = files.filter((file) => !readFileSync(join(actual, file)).equals(readFileSync(join(expected, file))))
  assert.deepEqual(differing, [])
}
