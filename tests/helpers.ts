import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join, sep} from 'node:path'
import {readGazette} from '../src/read/read-gazette.js'
import {processGazette} from '../src/pipeline/process-gazette.js'
import {parseManifest} from '../src/read/manifest.js'
import {names} from './helpers/stages.js'

export const samplesDir = join(import.meta.dirname, '..', 'content', 'gazettes')

export const sampleFiles = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()

const manifest = parseManifest(readFileSync(join(samplesDir, 'manifest.yaml'), 'utf8'))

/** A bundled sample gazette, read with its manifest metadata. */
export function readSample(name: string) {
  return readGazette(name, readFileSync(join(samplesDir, name)), {
    defaults: manifest.defaults,
    entry: manifest.entries.get(name)
  })
}

/** A bundled sample, split and tagged. */
export function processSample(name: string) {
  return processGazette(readSample(name), names())
}

/** A gazette from text, read and split and tagged. */
export function processText(text: string, region: string | null = null, source = 'test.txt') {
  return processGazette(readGazette(source, new TextEncoder().encode(text)), names(), {region})
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

/** GB18030 (two-byte, GBK range) encoding of text, from the decoder's own table. */
let gbTable: Map<string, [number, number]> | undefined
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map()
    const decoder = new TextDecoder('gb18030', {fatal: true})
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]))
          if (!gbTable.has(char)) gbTable.set(char, [lead, trail])
        } catch {
          // not a character
        }
      }
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80) {
      bytes.push(code)
      continue
    }
    const pair = gbTable.get(char)
    assert.ok(pair, `no two-byte GB18030 code for ${char}`)
    bytes.push(...pair)
  }
  return new Uint8Array(bytes)
}
