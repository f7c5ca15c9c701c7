export default {
  permalink: (data) => data.part.url
}
