import assert from 'node:assert/strict'
import {copyFileSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import type {Gazette, SourceGazette} from '../../src/model/types.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {parseCorrections} from '../../src/read/corrections.js'
import {parseManifest} from '../../src/read/manifest.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {root} from './paths.js'
import {names} from './stages.js'
import {tempDir} from './temp-dir.js'
import {must} from './must.js'

export const samplesDir = join(root, 'content', 'gazettes')

export const sampleFiles = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()

const manifest = parseManifest(readFileSync(join(samplesDir, 'manifest.yaml'), 'utf8'))

/** A page of one short article, in 通州区石港镇. */
export const shortPage = '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'

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

/** A bundled sample, split and tagged with the corrections given as YAML for it. */
export function corrected(name: string, yaml: string) {
  const {entries, reports} = parseCorrections(`${name}:\n${yaml}`)
  assert.deepEqual(reports, [])
  return processGazette({...readSample(name), corrections: entries.get(name) ?? []}, names())
}

/** The item of a gazette that starts at a line. */
export const itemAt = (gazette: Gazette, line: number) => gazette.items.find((item) => item.start.line === line)

/** A gazette from text, read and split and tagged. */
export function processText(text: string, region: string | null = null, source = 'test.txt') {
  return processGazette(readGazette(source, new TextEncoder().encode(text)), names(), {region})
}

/** A content folder, removed when the test ends, with the given samples copied in under their own names. */
export function folderWithSamples(t: TestContext, name: string, samples: string[] = [must(sampleFiles[0])]): string {
  const dir = tempDir(t, name)
  for (const sample of samples) copyFileSync(join(samplesDir, sample), join(dir, sample))
  return dir
}

/** The named sources were read, with text in them. */
export function assertRead(gazettes: SourceGazette[], names: string[]) {
  for (const name of names) {
    const source = gazettes.find((gazette) => gazette.source === name)
    assert.ok(source, `${name} was read`)
    assert.ok(source.text.trim().length > 100, `${name} has its text`)
  }
}

/** The named gazettes were split into items. */
export function assertBuilt(gazettes: Gazette[], names: string[]) {
  for (const name of names) {
    const gazette = gazettes.find((each) => each.source === name)
    assert.ok(gazette, `${name} was built`)
    assert.ok(gazette.items.length > 0, `${name} has items`)
  }
}
