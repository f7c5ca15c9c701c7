import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {test} from 'node:test'
import {Pool} from '../../src/pipeline/pool.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import type {SourceGazette} from '../../src/model/types.js'
import {readSample, sampleFiles} from '../helpers/samples.js'
import {names} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

test(
  'pool: child processes give the same gazettes as one thread, in input order, each told as it comes, ' +
    'and an error outcome where the stages throw',
  async () => {
    // Enough files for the pool to start processes.
    const sources = Array.from({length: 24}, (_, index) => {
      const source = readSample(must(sampleFiles[index % sampleFiles.length]))
      return {...source, source: `${index}-${source.source}`}
    })
    // No text: the stages throw on it (a TypeError), as on a gazette the reader got wrong.
    sources[5] = Object.assign({...must(sources[5])}, {text: undefined})
    const heard = new Map<number, unknown>()
    const outcomes = await new Pool({processes: 2}).processAll(sources, (index, outcome) => heard.set(index, outcome))
    const fifth = must(outcomes[5])
    assert.ok('error' in fifth && /TypeError/u.test(fifth.error))
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
  }
)

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
  'pool: a process that ends (killed, out of memory) costs the gazette it had; a new one splits the ' +
    'rest; processes that keep ending fail the pool',
  {skip: process.platform !== 'linux' && 'reads /proc'},
  async () => {
    const sources = Array.from({length: 24}, (_, index) => {
      const source = readSample(must(sampleFiles[index % sampleFiles.length]))
      return {...source, source: `${index}-${source.source}`}
    })
    let killed = 0
    const outcomes = await new Pool({processes: 2}).processAll(sources, () => {
      if (killed++ === 0) process.kill(must(poolProcesses()[0]), 'SIGKILL')
    })
    const failed = outcomes.flatMap((outcome, index) =>
      'error' in outcome ? [[index, outcome.error.split('\n')[0]]] : []
    )
    assert.equal(failed.length, 1, 'one gazette was in the killed process')
    assert.match(
      String(must(failed[0])[1]),
      new RegExp(`split \\+ tag process ended \\(SIGKILL\\) on ${must(failed[0])[0]}-`, 'u')
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
  const good = readSample(must(sampleFiles[0]))
  const bad: SourceGazette = Object.assign({...good, source: 'bad.txt'}, {text: undefined})
  const outcomes = await new Pool({processes: 1}).processAll([bad, good])
  const [first, second] = outcomes
  assert.ok(first && 'error' in first && /TypeError/u.test(first.error))
  assert.ok(second && 'gazette' in second)
})

test(
  'pool: a process started ahead is taken by the next processAll; one that nobody took is ended (else ' +
    'this test would never exit)',
  async () => {
    const pool = new Pool({processes: 2})
    pool.warmUp()
    const sources = [readSample(must(sampleFiles[1]))]
    const outcomes = await pool.processAll(sources, undefined, {inBackground: true})
    assert.deepEqual(
      outcomes,
      sources.map((source) => ({gazette: processGazette(source, names())}))
    )
    assert.equal(pool.coolDown(), false, 'the process was taken')
    pool.warmUp()
    assert.equal(pool.coolDown(), true)
  }
)
