// Eleventy's configuration: the site's templates live in templates/, its
// data is the archive the pipeline builds (see src/site/eleventy-config.ts).
// `gazette build` passes the archive in; run on its own (npx @11ty/eleventy),
// this file builds it from content/gazettes first.
import {fileURLToPath} from 'node:url'
import {buildArchiveFromFolder} from './dist/pipeline/build.js'
import {configureSite} from './dist/site/eleventy-config.js'

export default async function (eleventyConfig) {
  if (!('archive' in eleventyConfig.globalData)) {
    const {archive} = await buildArchiveFromFolder({input: 'content/gazettes'})
    configureSite(eleventyConfig, archive, {url: process.env.SITE_URL ?? '', basePath: '/'})
  }
}

export const config = {
  // Absolute, so that `gazette build` works from any folder (Eleventy reads
  // a relative input folder against the working directory).
  dir: {input: fileURLToPath(new URL('templates', import.meta.url)), includes: '_includes', data: '_data'},
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk'
}
