import {cp, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * The templates to render from: the tool's, or, when the archivist has a
 * templates folder of their own, a copy of the tool's with theirs laid
 * over it file by file (`_includes/layouts/base.njk` replaces the tool's
 * layout, a new `.njk` adds a page). Eleventy reads one input folder, so
 * the layers are merged into a temporary one, removed by `done`. It is
 * named `templates` too: Eleventy reads the data of every template in it
 * from `<folder>/<its name>.11tydata.js` (`templates/templates.11tydata.js`).
 */
export async function layerTemplates(
  tool: string,
  own: string | undefined
): Promise<{folder: string; done: () => Promise<void>}> {
  if (!own) return {folder: tool, done: async () => {}}
  const temporary = await mkdtemp(join(tmpdir(), 'gazette-templates-'))
  const folder = join(temporary, 'templates')
  await cp(tool, folder, {recursive: true})
  await cp(own, folder, {recursive: true, force: true})
  return {folder, done: () => rm(temporary, {recursive: true, force: true})}
}
