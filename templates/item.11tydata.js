export default {
  permalink: (data) => data.item.url,
  eleventyComputed: {
    title: (data) => data.item.heading
  }
}
