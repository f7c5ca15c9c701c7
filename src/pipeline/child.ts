import type {SourceGazette} from '../types.js'
import {processSafely} from './process-gazette.js'

// A process of the split + tag pool (see pool.ts): one gazette in, its outcome out.
process.on('message', (source: SourceGazette) => process.send!(processSafely(source)))
