import type {Archive} from '../archive/model.js'
import {buildArchive} from '../archive/build-archive.js'
import type {Gazette} from '../types.js'
import {readFolder, type FolderOptions} from '../read/read-folder.js'
import {processGazette} from './process-gazette.js'

export interface PipelineOptions extends FolderOptions {
  input: string
  /** Called after each gazette is split and tagged (for a progress bar). */
  onProgress?: (done: number, total: number) => void
}

/** read → split → tag → archive, for a whole content folder. */
export async function buildArchiveFromFolder(options: PipelineOptions): Promise<{archive: Archive; gazettes: Gazette[]}> {
  const {gazettes: sources, reports} = await readFolder(options.input, options)
  const gazettes: Gazette[] = []
  for (const source of sources) {
    gazettes.push(processGazette(source))
    options.onProgress?.(gazettes.length, sources.length)
  }
  return {archive: buildArchive(gazettes, {reports}), gazettes}
}
