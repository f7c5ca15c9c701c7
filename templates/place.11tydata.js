const placeTitle = (data) => {
  const name = data.archive.localities[data.listing.code].name
  const {archivePage, dates} = data.listing
  return archivePage ? `${name}（较早稿件：${dates.oldest ?? '日期不详'}至${dates.newest ?? '日期不详'}）` : name
}

export default {
  permalink: (data) => data.listing.url,
  eleventyComputed: {
    title: (data) => placeTitle(data),
    feedUrl: (data) => data.archive.localities[data.listing.code].feedUrl
  }
}
