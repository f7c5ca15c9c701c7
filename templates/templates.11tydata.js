// The data of every template here and below: Eleventy reads `<input folder>/<its name>.11tydata.js`,
// and the folder is named templates also when `gazette build` lays an archivist's own over it
// (src/site/layer-templates.ts). A page is laid out in layouts/base.njk; a file that is no page
// (a feed, a sitemap, a redirect, a script) says `layout: false`.
export default {
  layout: 'layouts/base.njk'
}
