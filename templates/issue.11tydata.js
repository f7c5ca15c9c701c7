export default {
  permalink: (data) => data.issue.url,
  eleventyComputed: {
    title: (data) => data.issue.label
  }
}
