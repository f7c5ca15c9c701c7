export default {
  permalink: (data) => data.person.url,
  eleventyComputed: {
    title: (data) => data.person.name
  }
}
