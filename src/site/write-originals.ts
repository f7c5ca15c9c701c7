import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {ArchiveGazette} from '../archive/model.js'
import {originalUrl} from '../archive/urls.js'
import {readGazette} from '../read/read-gazette.js'
import {inside} from '../util/inside-path.js'
import {fileOf} from './output-file.js'

/** The file beside a newspaper page that holds its text as extracted. */
function originalFile(gazette: Pick<ArchiveGazette, 'id'>): string {
  return originalUrl(gazette.id).slice(1)
}

/** The original text beside a newspaper page's output file (`pages/<id>/index.html`), if it is one. */
export function originalOf(file: string): string[] {
  return /^pages\/[^/]+\/index\.html$/u.test(file) ? [file.replace(/index\.html$/u, 'page.txt')] : []
}

/**
 * Publish each newspaper page's text as extracted (UTF-8, front matter
 * left out), beside its page: what a researcher compares the items with.
 * Read again from the content folder, the only place that holds it (the
 * archive keeps the items, not the text), for the pages `only` names when
 * given (a rebuild's). A file gone since it was read has no original.
 */
export async function writeOriginals(
  gazettes: readonly ArchiveGazette[],
  input: string,
  output: string,
  only?: ReadonlySet<string>
): Promise<void> {
  for (const gazette of gazettes) {
    if (only && !only.has(fileOf(gazette.url))) continue
    const bytes = await readFile(inside(input, gazette.source)).catch(() => undefined)
    if (!bytes) continue
    const file = join(output, originalFile(gazette))
    await mkdir(dirname(file), {recursive: true})
    await writeFile(file, readGazette(gazette.source, bytes).text)
  }
}
