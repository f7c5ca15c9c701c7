import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {acquireLock, LockedError} from '../../src/publish/lock.js'
import {tempDir} from '../helpers/temp-dir.js'

test(
  'lock: a second holder waits until the first gives it back; a dead holder’s lock is taken at once; a ' +
    'wait can time out',
  async (t) => {
    const work = tempDir(t, 'publish-lock')
    const path = join(work, 'lock')
    const first = await acquireLock(path)
    let waited = 0
    let second = false
    const waiting = acquireLock(path, {onWait: () => waited++, pollMs: 10}).then((release) => {
      second = true
      return release
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(second, false, 'held: the second waits')
    assert.equal(waited, 1, 'and says so once')
    first()
    ;(await waiting)()
    assert.equal(second, true)

    // A lock left by a process that is gone.
    const child = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => child.on('exit', resolve))
    writeFileSync(path, JSON.stringify({pid: child.pid, host: (await import('node:os')).hostname(), since: 'then'}))
    const started = Date.now()
    ;(await acquireLock(path))()
    assert.ok(Date.now() - started < 1000)

    // Held by this live process (as another build would): a timeout gives up.
    writeFileSync(path, JSON.stringify({pid: process.ppid, host: (await import('node:os')).hostname(), since: 'now'}))
    await assert.rejects(acquireLock(path, {timeoutMs: 50, pollMs: 10}), LockedError)
  }
)
