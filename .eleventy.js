// @ts-check (npm run typecheck)
// Eleventy's configuration: the site's templates live in templates/, its
// data is the archive the pipeline builds (see src/site/eleventy-config.ts).
// `gazette build` passes the archive in; run on its own (npx @11ty/eleventy),
// this file builds it from content/gazettes first.
import {fileURLToPath} from 'node:url'
import {buildArchiveFromFolder} from './dist/pipeline/build.js'
import {configureSite} from './dist/site/eleventy-config.js'
import {siteSettingsOf} from './dist/site/settings.js'
import {assetUrls} from './dist/site/assets.js'

/** @param {import('@11ty/eleventy/UserConfig').default} eleventyConfig */
export default async function (eleventyConfig) {
  // Eleventy's JSDoc types `globalData` as `object | undefined`; it is always an object.
  if (!('archive' in (eleventyConfig.globalData ?? {}))) {
    // Absolute, so that it runs from any folder. `gazette build` names the
    // input itself: the tool's templates, or the archivist's laid over them.
    const templates = fileURLToPath(new URL('templates', import.meta.url))
    eleventyConfig.setInputDirectory(templates)
    const {archive} = await buildArchiveFromFolder({input: 'content/gazettes'})
    const built = {originals: false, assets: await assetUrls(templates)}
    configureSite(eleventyConfig, archive, siteSettingsOf({}, process.env.SITE_URL ?? '', '/', built))
  }
}

export const config = {
  dir: {includes: '_includes', data: '_data'},
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk'
}
