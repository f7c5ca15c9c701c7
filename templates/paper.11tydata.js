export default {
  permalink: (data) => data.paper.url,
  eleventyComputed: {
    title: (data) => data.paper.name
  }
}
