import assert from 'node:assert/strict'
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {serialize} from 'node:v8'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {pruneCache} from '../src/incremental/folder-record.js'
import {pipelineVersion} from '../src/incremental/version.js'
import {cacheKey, readStored} from '../src/incremental/cache.js'
import {Pool} from '../src/pipeline/pool.js'
import {processGazette} from '../src/pipeline/process-gazette.js'
import type {SourceGazette} from '../src/model/types.js'
import {readSample, sampleFiles, samplesDir} from './helpers.js'
import {names} from './helpers/stages.js'

test('pool: child processes give the same gazettes as one thread, in input order, each told as it comes, and an error outcome where the stages throw', async () => {
  // Enough files for the pool to start processes.
  const sources = Array.from({length: 24}, (_, index) => {
    const source = readSample(sampleFiles[index % sampleFiles.length]!)
    return {...source, source: `${index}-${source.source}`}
  })
  sources[5] = {...sources[5]!, text: undefined} as unknown as SourceGazette
  const heard = new Map<number, unknown>()
  const outcomes = await new Pool({processes: 2}).processAll(sources, (index, outcome) => heard.set(index, outcome))
  assert.ok('error' in outcomes[5]! && /TypeError/u.test(outcomes[5].error))
  assert.deepEqual(
    new Map([...heard].sort(([a], [b]) => a - b)),
    new Map(outcomes.entries()),
    'each outcome is heard of once, with its index'
  )
  assert.deepEqual(
    outcomes
      .filter((_, index) => index !== 5)
      .map((outcome) => ('gazette' in outcome ? outcome.gazette : outcome.error)),
    sources.filter((_, index) => index !== 5).map((source) => processGazette(source, names()))
  )
})

/** The pool's processes now running (Linux: /proc). */
function poolProcesses(): number[] {
  const children = readdirSync('/proc/self/task').flatMap((task) =>
    readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
  )
  return children.filter((pid) => {
    try {
      return /pipeline\/child\.ts/u.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
    } catch {
      return false // ended meanwhile
    }
  })
}

test(
  'pool: a process that ends (killed, out of memory) costs the gazette it had; a new one splits the rest; processes that keep ending fail the pool',
  {skip: process.platform !== 'linux' && 'reads /proc'},
  async () => {
    const sources = Array.from({length: 24}, (_, index) => {
      const source = readSample(sampleFiles[index % sampleFiles.length]!)
      return {...source, source: `${index}-${source.source}`}
    })
    let killed = 0
    const outcomes = await new Pool({processes: 2}).processAll(sources, () => {
      if (killed++ === 0) process.kill(poolProcesses()[0]!, 'SIGKILL')
    })
    const failed = outcomes.flatMap((outcome, index) =>
      'error' in outcome ? [[index, outcome.error.split('\n')[0]]] : []
    )
    assert.equal(failed.length, 1, 'one gazette was in the killed process')
    assert.match(
      String(failed[0]![1]),
      new RegExp(`split \\+ tag process ended \\(SIGKILL\\) on ${failed[0]![0]}-`, 'u')
    )
    const expected = sources.map((source) => processGazette(source, names()))
    for (const [index, outcome] of outcomes.entries())
      if ('gazette' in outcome) assert.deepEqual(outcome.gazette, expected[index])
    // Every process killed as soon as it is started: no gazette explains that.
    const killer = setInterval(() => {
      for (const pid of poolProcesses()) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // ended meanwhile
        }
      }
    }, 20)
    await assert.rejects(new Pool({processes: 2}).processAll(sources), /split \+ tag process ended \(SIGKILL\)/u)
    clearInterval(killer)
    assert.deepEqual(poolProcesses(), [], 'the pool left no process behind')
  }
)

test('pool: a gazette the stages throw on becomes an error outcome; the others are processed', async () => {
  const good = readSample(sampleFiles[0]!)
  const bad = {...good, source: 'bad.txt', text: undefined} as unknown as SourceGazette
  const outcomes = await new Pool({processes: 1}).processAll([bad, good])
  assert.ok('error' in outcomes[0]! && /TypeError/u.test(outcomes[0].error))
  assert.ok('gazette' in outcomes[1]!)
})

test('pool: a process started ahead is taken by the next processAll; one that nobody took is ended (else this test would never exit)', async () => {
  const pool = new Pool({processes: 2})
  pool.warmUp()
  const sources = [readSample(sampleFiles[1]!)]
  const outcomes = await pool.processAll(sources, undefined, {inBackground: true})
  assert.deepEqual(
    outcomes,
    sources.map((source) => ({gazette: processGazette(source, names())}))
  )
  assert.equal(pool.coolDown(), false, 'the process was taken')
  pool.warmUp()
  assert.equal(pool.coolDown(), true)
})

test('cache: a second build takes every gazette from the cache; a damaged or missing entry is split again; a changed correction misses it', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'gazette-cache-'))
  const first = await buildArchiveFromFolder({input: samplesDir, cache})
  assert.equal(readdirSync(cache).filter((name) => name.endsWith('.v8')).length, sampleFiles.length)
  const progress: number[] = []
  const second = await buildArchiveFromFolder({input: samplesDir, cache, onProgress: (done) => progress.push(done)})
  assert.deepEqual(second.gazettes, first.gazettes)
  assert.deepEqual(progress, [], 'nothing was split again')
  // An entry cut short (a full disk) is split again and written anew.
  const entry = join(
    cache,
    readdirSync(cache).find((name) => name.endsWith('.v8'))!
  )
  writeFileSync(entry, readFileSync(entry).subarray(0, 100))
  const again: number[] = []
  const third = await buildArchiveFromFolder({input: samplesDir, cache, onProgress: (done) => again.push(done)})
  assert.deepEqual(third.gazettes, first.gazettes)
  assert.deepEqual(again, [sampleFiles.length])
  assert.ok(readStored(entry), 'written anew, whole')
  // The files were not read again, being unchanged: an entry gone from the cache has them all read.
  rmSync(entry)
  const fourth = await buildArchiveFromFolder({input: samplesDir, cache})
  assert.deepEqual(fourth.gazettes, first.gazettes)
  const source = readSample(sampleFiles[0]!)
  assert.notEqual(cacheKey(source, 'v'), cacheKey({...source, corrections: [{line: 3, at: 1, title: '新'}]}, 'v'))
  assert.notEqual(cacheKey(source, 'v'), cacheKey({...source, hash: 'other'}, 'v'))
})

test('cache: pruning deletes the results no content folder uses (a changed file’s old one, an older version’s) and keeps every folder’s own', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'gazette-cache-'))
  const folder = (files: string[]) => {
    const input = mkdtempSync(join(tmpdir(), 'gazette-input-'))
    for (const file of files) copyFileSync(join(samplesDir, file), join(input, file))
    return input
  }
  const [first, second, third] = sampleFiles as [string, string, string]
  const one = folder([first, second])
  const other = folder([third])
  await buildArchiveFromFolder({input: one, cache})
  await buildArchiveFromFolder({input: other, cache})
  const entries = () => readdirSync(cache).filter((name) => name.endsWith('.v8'))
  assert.equal(await pruneCache(cache, await pipelineVersion()), 0)
  assert.equal(entries().length, 3)
  // A changed file leaves its old result behind; an older version leaves its folder record and results.
  appendFileSync(join(one, first), '\n新增一段正文。\n')
  await buildArchiveFromFolder({input: one, cache})
  mkdirSync(join(cache, 'folders'), {recursive: true})
  // As an older version wrote them: V8's format without a checksum.
  writeFileSync(
    join(cache, 'folders', `${'f'.repeat(16)}.v8`),
    serialize({version: 'older', files: {}, keys: ['0'.repeat(32)]})
  )
  writeFileSync(join(cache, `${'0'.repeat(32)}.v8`), serialize({}))
  assert.equal(entries().length, 5)
  assert.equal(await pruneCache(cache, await pipelineVersion()), 2)
  assert.equal(entries().length, 3)
  assert.deepEqual(readdirSync(join(cache, 'folders')).length, 2, 'the older version’s record is gone')
  // Both folders still find all their results.
  for (const input of [one, other]) {
    const progress: number[] = []
    await buildArchiveFromFolder({input, cache, onProgress: (done) => progress.push(done)})
    assert.deepEqual(progress, [], `${input}: nothing split again`)
  }
})

test('paper context: a build reads a page in its paper’s home, keeps that result through pruning and reads it back', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'gazette-cache-'))
  const input = mkdtempSync(join(tmpdir(), 'gazette-input-'))
  try {
    // Pages written for the test: three name their county twice; the fourth names only a town's short form.
    const front = '---\npaper: 句容日报\n---\n'
    for (const [index, topic] of ['召开会议', '开展整治', '举办培训'].entries())
      writeFileSync(
        join(input, `p${index}.txt`),
        `${front}句容市${topic}\n\n本报讯 日前，句容市${topic}。\n\n\n句容市再${topic}\n\n本报讯 句容市又${topic}。\n`
      )
    writeFileSync(join(input, 'p3.txt'), `${front}道教文化节开幕\n\n日前，茅山举办道教文化节。\n`)
    const town = (gazettes: Awaited<ReturnType<typeof buildArchiveFromFolder>>['gazettes']) =>
      gazettes.find((gazette) => gazette.source === 'p3.txt')!.items[0]!.places.map((place) => place.code)
    const first = await buildArchiveFromFolder({input, cache})
    assert.deepEqual(town(first.gazettes), ['321183', '321183105'])
    const entries = () => readdirSync(cache).filter((name) => name.endsWith('.v8'))
    assert.equal(entries().length, 5, 'four pages, and the fourth in its paper’s home')
    assert.equal(await pruneCache(cache, await pipelineVersion()), 0)
    const second = await buildArchiveFromFolder({input, cache})
    assert.deepEqual(town(second.gazettes), ['321183', '321183105'])
    assert.equal(second.keys.get('p3.txt'), first.keys.get('p3.txt'))
  } finally {
    rmSync(cache, {recursive: true, force: true})
    rmSync(input, {recursive: true, force: true})
  }
})
