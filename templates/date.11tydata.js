export default {
  permalink: (data) => data.node.url,
  eleventyComputed: {
    title: (data) => data.node.label
  }
}
