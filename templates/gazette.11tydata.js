export default {
  permalink: (data) => data.gazette.url,
  eleventyComputed: {
    title: (data) => data.gazette.label
  }
}
