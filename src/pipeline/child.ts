import {restore, type Stored} from '../model/messages.js'
import type {SourceGazette} from '../model/types.js'
import {storeOutcome} from './pool.js'
import {loadPlaceNames} from '../tag/index.js'
import {processSafely} from './process-gazette.js'

// A process of the split + tag pool (see pool.ts): one gazette in, its outcome out.
// Loaded now, not with the first gazette: the process may have been started ahead of its work (pool.ts, warmUp).
const names = loadPlaceNames()
process.on('message', (source: Stored<SourceGazette>) => {
  if (!process.send) throw new Error('pipeline/child runs as a process of the pool, with a channel to it')
  process.send(storeOutcome(processSafely(restore(source), names)))
})
