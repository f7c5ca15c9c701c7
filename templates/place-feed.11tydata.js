export default {
  permalink: (data) => data.archive.localities[data.code].feedUrl
}
