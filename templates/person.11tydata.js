const personTitle = (data) => {
  const {name, archivePage, dates} = data.listing
  return archivePage ? `${name}（较早稿件：${dates.oldest ?? '日期不详'}至${dates.newest ?? '日期不详'}）` : name
}

export default {
  permalink: (data) => data.listing.url,
  eleventyComputed: {
    title: (data) => personTitle(data)
  }
}
