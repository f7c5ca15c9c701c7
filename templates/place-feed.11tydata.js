export default {
  permalink: (data) => `/places/${data.code}/feed.xml`
}
