// An old URL of a page or an item that moved: a page that sends the reader on (see src/site/redirects.ts).
export default {
  permalink: (data) => data.redirect.from
}
