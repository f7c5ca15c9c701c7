import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {writeStored} from '../../src/incremental/cache.js'
import {filesBelow, gunzipped} from '../helpers/files.js'
import {samplesDir} from '../helpers/samples.js'
import {compiledCli as cli} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

const sample = '000_da22e97339b67c99.txt'

function run(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', cwd, env: {...process.env, SITE_URL: ''}})
}

/** A project folder with a content folder of one sample (and its manifest). */
function project(t: TestContext, name: string): {work: string; input: string} {
  const work = tempDir(t, `safety-${name}`)
  const input = join(work, 'gazettes')
  mkdirSync(input)
  copyFileSync(join(samplesDir, sample), join(input, sample))
  writeFileSync(join(work, 'notes.md'), 'my notes')
  return {work, input}
}

/** Every file below `folder` with its bytes, to show it was not touched. */
function snapshot(folder: string): Map<string, string> {
  return new Map(filesBelow(folder).map((name) => [name, readFileSync(join(folder, name), 'base64')]))
}

test(
  'output safety: -o the content folder, a folder holding it, the project root, / or a file is refused ' +
    'before anything is touched',
  (t) => {
    const {work, input} = project(t, 'refuse')
    const before = snapshot(work)
    for (const [output, message] of [
      [input, /is the content folder/u],
      [work, /holds the content folder/u],
      ['/', /holds the content folder/u],
      [join(work, 'notes.md'), /is a file/u]
    ] as const) {
      const result = run(['build', '-i', input, '-o', output, '--no-cache', '--force'])
      assert.equal(result.status, 1, result.stdout)
      assert.match(result.stderr, message)
    }
    const inside = run(['build', '-i', 'gazettes', '-o', '.', '--no-cache'], work)
    assert.equal(inside.status, 1)
    assert.match(inside.stderr, /holds the content folder/u)
    assert.deepEqual(snapshot(work), before)
    assert.deepEqual(readdirSync(work).sort(), ['gazettes', 'notes.md'])
  }
)

test('output safety: a folder of the user’s files is replaced only with --force', (t) => {
  const {work, input} = project(t, 'force')
  const output = join(work, 'public')
  mkdirSync(output)
  writeFileSync(join(output, 'thesis.docx'), 'years of work')
  const refused = run(['build', '-i', input, '-o', output, '--no-cache', '-q'])
  assert.equal(refused.status, 1)
  assert.match(refused.stderr, /folder of files no build wrote.*--force/u)
  assert.equal(readFileSync(join(output, 'thesis.docx'), 'utf8'), 'years of work')
  const forced = run(['build', '-i', input, '-o', output, '--no-cache', '-q', '--force'])
  assert.equal(forced.status, 0, forced.stderr)
  assert.ok(existsSync(join(output, 'index.html')) && !existsSync(join(output, 'thesis.docx')))
  // Written by a build now: the next build needs no --force.
  assert.equal(run(['build', '-i', input, '-o', output, '--no-cache', '-q']).status, 0)
})

test(
  'output safety: a site state naming ../victim.txt does not make a rebuild delete it; a killed ' +
    'build’s folder is cleared',
  (t) => {
    const {work, input} = project(t, 'state')
    const output = join(work, 'site')
    const cache = join(work, 'cache')
    assert.equal(run(['build', '-i', input, '-o', output, '--cache', cache, '-q']).status, 0)
    writeFileSync(join(work, 'victim.txt'), 'mine')
    const states = join(cache, 'sites')
    // The state itself, not its head beside it.
    const [name] = readdirSync(states).filter((file) => !file.endsWith('.head.json'))
    const state = JSON.parse(readFileSync(join(states, must(name)), 'utf8')) as {pages: Record<string, string>}
    state.pages['../victim.txt'] = 'x'
    writeFileSync(join(states, must(name)), JSON.stringify(state))
    mkdirSync(join(work, '.site.gazette', 'building-killed'))
    writeFileSync(join(input, sample), readFileSync(join(input, sample), 'utf8') + '\n补记一段。\n')
    const result = run(['build', '-i', input, '-o', output, '--cache', cache, '-q'])
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /^built /u, 'a state that is not sound means a full build')
    assert.equal(readFileSync(join(work, 'victim.txt'), 'utf8'), 'mine')
    assert.ok(!existsSync(join(work, '.site.gazette', 'building-killed')))
    // Nothing changed since, and still a folder left by a killed build is cleared.
    mkdirSync(join(work, '.site.gazette', 'building-killed'))
    assert.match(run(['build', '-i', input, '-o', output, '--cache', cache, '-q']).stdout, /^unchanged/u)
    assert.ok(!existsSync(join(work, '.site.gazette', 'building-killed')))
  }
)

test(
  'output safety: a cache entry with a flipped character or of the wrong shape is a miss, not ' +
    'published or a crash',
  async (t) => {
    const {work, input} = project(t, 'cache')
    const cache = join(work, 'cache')
    assert.equal(run(['build', '-i', input, '-o', join(work, 'site'), '--cache', cache, '-q']).status, 0)
    const [entry] = readdirSync(cache).filter((name) => name.endsWith('.v8'))
    const bytes = readFileSync(join(cache, must(entry)))
    // V8 keeps the Chinese strings as UTF-16: 白 → 發 wherever it stands.
    const [from, to] = [Buffer.from('白', 'utf16le'), Buffer.from('發', 'utf16le')]
    let flipped = 0
    for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 2)) {
      to.copy(bytes, at)
      flipped++
    }
    assert.ok(flipped > 0)
    writeFileSync(join(cache, must(entry)), bytes)
    const full = run(['build', '-i', input, '-o', join(work, 'site'), '--cache', cache, '-q', '--full'])
    assert.equal(full.status, 0, full.stderr)
    assert.match(gunzipped(join(work, 'site', 'data', 'undated.json.gz')), /白甸镇/u)
    assert.doesNotMatch(gunzipped(join(work, 'site', 'data', 'undated.json.gz')), /發甸镇/u)

    await writeStored(join(cache, must(entry)), {id: 'x', items: 'not a list'})
    const shaped = run(['build', '-i', input, '-o', join(work, 'site'), '--cache', cache, '-q', '--full'])
    assert.equal(shaped.status, 0, shaped.stderr)
    assert.match(gunzipped(join(work, 'site', 'data', 'undated.json.gz')), /白甸镇/u)
  }
)

test(
  'output safety: a cache that is a file, or a folder of the user’s files, is not used and nothing in ' +
    'it is deleted',
  (t) => {
    const {work, input} = project(t, 'cache-path')
    writeFileSync(join(work, 'cachefile'), 'mine')
    const file = run(['build', '-i', input, '-o', join(work, 'a'), '--cache', join(work, 'cachefile'), '-q'])
    assert.equal(file.status, 0, file.stderr)
    assert.match(file.stderr, /cachefile is a file, not a folder: building without the cache/u)
    assert.equal(readFileSync(join(work, 'cachefile'), 'utf8'), 'mine')

    const folder = join(work, 'mine')
    mkdirSync(join(folder, 'folders'), {recursive: true})
    writeFileSync(join(folder, 'photo.v8'), 'mine')
    writeFileSync(join(folder, 'folders', 'notes.txt'), 'mine')
    const foreign = run(['build', '-i', input, '-o', join(work, 'b'), '--cache', folder, '-q'])
    assert.equal(foreign.status, 0, foreign.stderr)
    assert.match(foreign.stderr, /holds files the build did not write \(photo\.v8\)/u)
    assert.deepEqual(filesBelow(folder), ['folders/notes.txt', 'photo.v8'])

    // The build's own cache: a stray file of another name in it is not deleted by pruning either.
    const own = join(work, 'own')
    assert.equal(run(['build', '-i', input, '-o', join(work, 'c'), '--cache', own, '-q']).status, 0)
    writeFileSync(join(own, 'folders', 'keep.v8'), 'mine')
    writeFileSync(join(input, sample), readFileSync(join(input, sample), 'utf8') + '\n补记。\n')
    assert.equal(run(['build', '-i', input, '-o', join(work, 'c'), '--cache', own, '-q']).status, 0)
    assert.equal(readFileSync(join(own, 'folders', 'keep.v8'), 'utf8'), 'mine')
  }
)

test(
  'output safety: clear messages for a bad --site-url, no --site-url, an empty content folder, and ' +
    'split of a folder',
  (t) => {
    const {work, input} = project(t, 'messages')
    const bad = run(['build', '-i', input, '-o', join(work, 'site'), '--no-cache', '--site-url', 'example.org'])
    assert.equal(bad.status, 1)
    assert.match(bad.stderr, /^gazette build: --site-url "example.org" is not an absolute URL/u)
    assert.doesNotMatch(bad.stderr, /\n\s+at /u, 'no stack')
    mkdirSync(join(work, 'empty'))
    const empty = run(['build', '-i', join(work, 'empty'), '-o', join(work, 'site'), '--no-cache', '-q'])
    assert.equal(empty.status, 0)
    assert.match(empty.stderr, /warning: no --site-url/u)
    assert.match(empty.stderr, /warning: no gazette files \(\.txt, \.md\) in .*empty/u)
    // --strict fails on either.
    const strictUrl = run(['build', '-i', input, '-o', join(work, 'site'), '--no-cache', '-q', '--strict'])
    assert.equal(strictUrl.status, 1)
    assert.match(strictUrl.stderr, /--strict: 0 errors and 1 warnings/u)
    const strictEmpty = run([
      'build',
      '-i',
      join(work, 'empty'),
      '-o',
      join(work, 'site'),
      '--no-cache',
      '-q',
      '--strict',
      '--site-url',
      'https://ex.com/'
    ])
    assert.equal(strictEmpty.status, 1)
    for (const [file, message] of [
      [input, /is a folder: give gazette files/u],
      [join(work, 'missing.txt'), /no file at .*missing\.txt/u]
    ] as const) {
      const split = run(['split', file])
      assert.equal(split.status, 1)
      assert.match(split.stderr, message)
      assert.doesNotMatch(split.stderr, /\n\s+at /u)
    }
  }
)
