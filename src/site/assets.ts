import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {SiteSettings} from './settings.js'

/**
 * The stylesheet and the citation script are files of their own (templates `style.css.njk`, `cite.js.njk`),
 * not inlined in every page: inlined, the stylesheet alone was a third of an item page. Each URL carries a
 * version, the hash of its template's source, so that a browser caching it sees a new one when it changes.
 */
export async function assetUrls(templates: string): Promise<SiteSettings['assets']> {
  const versioned = async (url: string, source: string) =>
    `${url}?v=${createHash('sha256')
      .update(await readFile(join(templates, source)))
      .digest('hex')
      .slice(0, 10)}`
  return {
    style: await versioned('/assets/style.css', '_includes/partials/style.css'),
    cite: await versioned('/assets/cite.js', 'cite.js.njk')
  }
}
