const placeTitle = (data) => {
  const name = data.archive.localities[data.listing.code].name
  return data.listing.pageNumber > 1 ? `${name}（第${data.listing.pageNumber}页）` : name
}

export default {
  permalink: (data) => data.listing.url,
  eleventyComputed: {
    title: (data) => placeTitle(data),
    feedUrl: (data) => `/places/${data.listing.code}/feed.xml`
  }
}
