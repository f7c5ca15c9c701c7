import type {SourceGazette} from '../model/types.js'
import {prepare, processSafely} from './process-gazette.js'

// A process of the split + tag pool (see pool.ts): one gazette in, its outcome out.
process.on('message', (source: SourceGazette) => process.send!(processSafely(source)))
// Loaded now, not with the first gazette: the process may have been started ahead of its work (pool.ts, warmUp).
prepare()
