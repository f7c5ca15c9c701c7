import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import {setTimeout as sleep} from 'node:timers/promises'
import {z} from 'zod'
import {isProcessGone} from '../util/process-gone.js'

/** Who holds a lock: written into the lock file. */
interface Holder {
  pid: number
  host: string
  since: string
}

const holderSchema = z.object({pid: z.number(), host: z.string(), since: z.string()})

export interface LockOptions {
  /** Told once when another build holds the lock and this one waits. */
  onWait?: (holder: Holder) => void
  /** How long to wait for another build, in ms, before giving up. */
  timeoutMs?: number
  /** How often to look again, in ms. */
  pollMs?: number
}

/** The lock is held by another live build and the wait timed out. */
export class LockedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: Holder
  ) {
    super(`another build (pid ${holder.pid} on ${holder.host}, since ${holder.since}) holds ${path}`)
  }
}

/**
 * Take the lock file at `path`, waiting while a live build holds it; the
 * function that gives it back. A lock whose holder is a process of this
 * machine that no longer runs (a killed build) is stale and taken over at
 * once: a lock told stale by age alone would make every build after a kill
 * wait. Stale locks are broken under a second lock, so that two builds that
 * both find one cannot both take it. Holders on other machines (a shared
 * folder) are waited for.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => void> {
  const {timeoutMs = 10 * 60_000, pollMs = 100} = options
  const started = Date.now()
  let told = false
  for (;;) {
    if (tryCreate(path)) return () => rmSync(path, {force: true})
    const holder = readHolder(path)
    if (holder && isStale(holder)) {
      breakStale(path, holder)
      continue
    }
    if (holder) {
      if (!told) options.onWait?.(holder)
      told = true
      if (Date.now() - started > timeoutMs) throw new LockedError(path, holder)
    }
    // No holder readable: the file is being written or was just given back.
    await sleep(pollMs)
  }
}

function tryCreate(path: string): boolean {
  const holder: Holder = {pid: process.pid, host: hostname(), since: new Date().toISOString()}
  try {
    writeFileSync(path, JSON.stringify(holder), {flag: 'wx'})
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const read = holderSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    if (read.success) return read.data
  } catch {
    // Missing, or half written: looked at again.
  }
  return undefined
}

/** Of this machine, and its process is gone. */
function isStale(holder: Holder): boolean {
  return holder.host === hostname() && holder.pid !== process.pid && isProcessGone(holder.pid)
}

/** Remove a stale lock, unless another build did so (and took the lock) meanwhile. */
function breakStale(path: string, holder: Holder): void {
  const breaker = `${path}.break`
  if (!tryCreate(breaker)) {
    const other = readHolder(breaker)
    if (other && isStale(other)) rmSync(breaker, {force: true})
    return
  }
  try {
    const now = readHolder(path)
    if (now && now.pid === holder.pid && now.since === holder.since) rmSync(path, {force: true})
  } finally {
    rmSync(breaker, {force: true})
  }
}
