import {cp, mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import Eleventy, {HtmlBasePlugin} from '@11ty/eleventy'
import type UserConfig from '@11ty/eleventy/UserConfig'
import {dateLabel} from '../archive/labels.js'
import {assetUrls} from '../site/assets.js'
import {searchScript} from '../site/eleventy-config.js'
import {absolute} from '../site/filters.js'
import {layerTemplates} from '../site/layer-templates.js'
import {packageRoot} from '../site/package-root.js'
import {siteSettingsOf, type SiteText} from '../site/settings.js'

/** An archive of a merged site, as its pages list it. */
export interface ShardCard {
  name: string
  title: string
  items: number
  from: string | null
  to: string | null
}

export interface RootOptions {
  basePath: string
  siteUrl: string
  text?: SiteText | undefined
  /** The archivist's templates, laid over the tool's (`_includes/merged/`, `_includes/layouts/merged.njk`…). */
  templates?: string | undefined
}

/**
 * Render a merged site's own pages into `output` with Eleventy: its home
 * and its search page (templates `_includes/merged/*.njk`, laid out in
 * `layouts/merged.njk`), the stylesheet and the search script. They sit in
 * `_includes` so that an archive's build does not render them; here they
 * are the input's pages, the includes beside them.
 */
export async function renderRoot(output: string, shards: readonly ShardCard[], options: RootOptions): Promise<void> {
  const layered = await layerTemplates(join(packageRoot, 'templates'), options.templates)
  const input = join(await mkdtemp(join(tmpdir(), 'gazette-merged-')), 'templates')
  try {
    await cp(join(layered.folder, '_includes'), join(input, '_includes'), {recursive: true})
    for (const page of await readdir(join(layered.folder, '_includes', 'merged')))
      if (page !== 'archives.njk') await cp(join(layered.folder, '_includes', 'merged', page), join(input, page))
    await cp(join(layered.folder, 'style.css.njk'), join(input, 'style.css.njk'))
    const site = siteSettingsOf(options.text ?? {}, options.siteUrl, options.basePath, {
      originals: false,
      assets: await assetUrls(layered.folder)
    })
    const elev = new Eleventy(input, output, {
      // No configuration file: the archive's (`.eleventy.js`) would build an archive.
      configPath: '',
      pathPrefix: options.basePath,
      quietMode: true,
      config: (eleventyConfig: UserConfig) => {
        eleventyConfig.setTemplateFormats(['njk'])
        eleventyConfig.addGlobalData('site', site)
        eleventyConfig.addGlobalData('shards', shards)
        eleventyConfig.addFilter('dateLabel', (date: string | null) => dateLabel(date))
        eleventyConfig.addFilter('absolute', (path: string) => absolute(site, path))
        eleventyConfig.addPassthroughCopy({[searchScript]: 'assets/search.js'})
        if (site.basePath !== '/') eleventyConfig.addPlugin(HtmlBasePlugin)
      }
    })
    elev.disableLogger()
    await elev.write()
  } finally {
    await rm(join(input, '..'), {recursive: true, force: true})
    await layered.done()
  }
}
