// The about page exists only when the configuration gives its text (`about:` in gazette.config.yaml).
export default {
  eleventyComputed: {
    permalink: (data) => (data.site.aboutHtml ? '/about/' : false)
  }
}
