import type {Archive} from '../archive/model.js'
import {buildArchive} from '../archive/build-archive.js'
import type {Gazette} from '../types.js'
import {readFolder, type FolderOptions} from '../read/read-folder.js'
import {processGazette} from './process-gazette.js'
import {timed, type Timings} from './timings.js'

export interface PipelineOptions extends FolderOptions {
  input: string
  /** Called after each gazette is split and tagged (for a progress bar). */
  onProgress?: (done: number, total: number) => void
  /** Filled with the time each stage took. */
  timings?: Timings
}

/** read → split → tag → archive, for a whole content folder. */
export async function buildArchiveFromFolder(options: PipelineOptions): Promise<{archive: Archive; gazettes: Gazette[]}> {
  const {timings} = options
  const {gazettes: sources, reports} = await timed(timings, 'read', () => readFolder(options.input, options))
  const gazettes = await timed(timings, 'split+tag', () =>
    sources.map((source, index) => {
      const gazette = processGazette(source)
      options.onProgress?.(index + 1, sources.length)
      return gazette
    })
  )
  const archive = await timed(timings, 'archive', () => buildArchive(gazettes, {reports}))
  return {archive, gazettes}
}
