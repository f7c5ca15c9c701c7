/**
 * Builds killed at every step of publishing, and builds run at once into
 * one output: the output path must always hold a whole site, the old or the
 * new one, and the build after must equal a clean build byte for byte.
 * Each step is hit by name (`GAZETTE_KILL_AT`, see src/publish/failpoint.ts);
 * kills on a timer hit the render and the cache writes besides.
 */
import assert from 'node:assert/strict'
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {isSameSite} from '../helpers/same-site.js'
import {samplesDir} from '../helpers/samples.js'
import {compiledCli as cli} from '../helpers/paths.js'
import {fileTempDir} from '../helpers/temp-dir.js'

const root = fileTempDir('kill')

/** Gazette files of one version of the content: two dated samples, then one changed and one added. */
function writeContent(folder: string, version: 'v1' | 'v1b' | 'v2'): void {
  rmSync(folder, {recursive: true, force: true})
  mkdirSync(folder, {recursive: true})
  const page = (sample: string, date: string, number: number, extra = '') =>
    `---\npaper: 测试报\ndate: ${date}\npage: ${number}\n---\n${readFileSync(join(samplesDir, sample), 'utf8')}${extra}`
  writeFileSync(join(folder, 'a.txt'), page('000_da22e97339b67c99.txt', '2024-03-01', 1))
  writeFileSync(
    join(folder, 'b.txt'),
    page('001_c2cd66ded24d6744.txt', '2024-03-01', 2, version === 'v1' ? '' : '\n补记一段。\n')
  )
  if (version === 'v2') writeFileSync(join(folder, 'c.txt'), page('002_e35de4d7f730652c.txt', '2024-03-02', 1))
}

const work = join(root, 'work')
const input = join(work, 'gazettes')
const site = join(work, 'site')
const cache = join(work, 'cache')

function build(args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    [cli, 'build', '-i', input, '-o', site, '--cache', cache, '-q', '--site-url', 'https://example.org/', ...args],
    {
      encoding: 'utf8',
      env: {...process.env, ...env}
    }
  )
}

/** A clean build of a version, into a folder of its own. */
function reference(version: 'v1' | 'v1b' | 'v2'): string {
  const folder = join(root, `content-${version}`)
  writeContent(folder, version)
  const output = join(root, `ref-${version}`)
  execFileSync(
    process.execPath,
    [cli, 'build', '-i', folder, '-o', output, '--no-cache', '-q', '--site-url', 'https://example.org/'],
    {stdio: 'ignore'}
  )
  return output
}

/** Which reference the output path holds whole (see `assertSameSite`), or why none. */
async function holds(references: Record<string, string>): Promise<string> {
  if (!existsSync(join(site, 'index.html'))) return 'no site'
  for (const [name, folder] of Object.entries(references)) if (await isSameSite(site, folder)) return name
  return 'a mix'
}

/** Set up `work` as `base` left it, with the content of v2 written over it. */
function restore(base: string): void {
  rmSync(work, {recursive: true, force: true})
  // -a keeps the link, the hard links between releases and the times the cache compares.
  execFileSync('cp', ['-a', base, work])
  writeContent(input, 'v2')
}

/** A saved state of `work`: v1 built (no twin yet), or v1 then v1b (a twin one build behind). */
function base(name: string, versions: Array<'v1' | 'v1b'>): string {
  rmSync(work, {recursive: true, force: true})
  mkdirSync(work)
  for (const version of versions) {
    writeContent(input, version)
    const result = build()
    assert.equal(result.status, 0, result.stderr)
  }
  const saved = join(root, `base-${name}`)
  execFileSync('cp', ['-a', work, saved])
  return saved
}

/**
 * Kill a build of v2 at `point` (a failpoint's name, or a delay in ms) and check the output after it and
 * after the next build.
 */
async function killAt(
  saved: string,
  point: string | number,
  references: Record<string, string>,
  args: string[] = []
): Promise<string> {
  restore(saved)
  if (typeof point === 'string') {
    const result = build(args, {GAZETTE_KILL_AT: point})
    assert.equal(result.signal, 'SIGKILL', `the build reached ${point}: ${result.stderr}`)
  } else {
    const child = spawn(
      process.execPath,
      [cli, 'build', '-i', input, '-o', site, '--cache', cache, '-q', '--site-url', 'https://example.org/', ...args],
      {stdio: 'ignore'}
    )
    setTimeout(() => child.kill('SIGKILL'), point)
    await new Promise((resolve) => child.on('exit', resolve))
  }
  const after = await holds(references)
  assert.ok(after === 'old' || after === 'new', `killed at ${point}: the output holds ${after}`)
  const next = build()
  assert.equal(next.status, 0, next.stderr)
  assert.equal(await holds(references), 'new', `the build after a kill at ${point} equals a clean build`)
  const store = readdirSync(join(work, '.site.gazette'))
  assert.deepEqual(
    store.filter((name) => !/^(?:r-|\.gitignore$|twin\.json$)/u.test(name)),
    [],
    `nothing left over after ${point}`
  )
  return after
}

const refs = {v1: reference('v1'), v1b: reference('v1b'), v2: reference('v2')}

test(
  'kill: a full build killed at any step leaves the old or the new site, and the next build is ' + 'a clean one',
  async () => {
    const saved = base('first', ['v1'])
    const references = {old: refs.v1, new: refs.v2}
    // --full: every page rendered anew and published as a new release.
    assert.equal(await killAt(saved, 'full:built', references, ['--full']), 'old')
    assert.equal(await killAt(saved, 'switch:done', references, ['--full']), 'new')
    for (const delay of [400, 1200, 2000]) await killAt(saved, delay, references, ['--full'])
    // A rebuild's first step: linking every file of the twin.
    assert.equal(await killAt(saved, 'update:twin', references), 'old')
  }
)

test(
  'kill: a rebuild killed at any step leaves the old or the new site, and the next build is ' + 'a clean one',
  async () => {
    const saved = base('twin', ['v1', 'v1b'])
    const references = {old: refs.v1b, new: refs.v2}
    for (const point of ['update:journal', 'update:synced', 'update:applied'])
      assert.equal(await killAt(saved, point, references), 'old')
    assert.equal(await killAt(saved, 'switch:done', references), 'new')
    for (const delay of [600, 1200, 1800]) await killAt(saved, delay, references)
  }
)

test('kill: two builds into one output at once: the second waits, and no partial site is ever published', async () => {
  const saved = base('concurrent', ['v1'])
  restore(saved)
  const args = [cli, 'build', '-i', input, '-o', site, '--cache', cache, '-q', '--site-url', 'https://example.org/']
  const runs = [0, 1].map(() => {
    const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    return new Promise<{code: number | null; stderr: string}>((resolve) =>
      child.on('exit', (code) => resolve({code, stderr}))
    )
  })
  let looks = 0
  const watching = setInterval(() => {
    looks++
    assert.ok(
      existsSync(join(site, 'index.html')) && existsSync(join(site, 'feed.xml')),
      'the output is a whole site whenever looked at'
    )
  }, 20)
  const results = await Promise.all(runs)
  clearInterval(watching)
  assert.ok(looks > 10)
  assert.deepEqual(
    results.map((result) => result.code),
    [0, 0],
    results.map((result) => result.stderr).join('\n')
  )
  assert.equal(results.filter((result) => /waiting for the build of pid \d+/u.test(result.stderr)).length, 1)
  assert.equal(await holds({new: refs.v2}), 'new')
})
