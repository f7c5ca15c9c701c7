import {Output} from '../../src/publish/releases.js'
import {writeFiles} from './files.js'

/** Publish `files` as a full build of the site at `site`. */
export async function publish(site: string, files: Record<string, string>): Promise<void> {
  const output = await Output.open(site)
  try {
    await output.publishFull(async (folder) => writeFiles(folder, files))
  } finally {
    output.close()
  }
}
