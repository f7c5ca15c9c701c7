/*
 * The site's URL scheme, defined once, from the site root (the base path is
 * added when the pages are written). The archive model's `url` fields are
 * made here; templates use those fields, or the filters `placeUrl`,
 * `originalUrl` and `dayUrl` (src/site/filters.ts). The fixed pages are at
 * their templates' permalinks: `/`, `/places/`, `/dates/`, `/papers/`,
 * `/people/`, `/search/`, `/data/`, `/feed.xml`, `/sitemap.xml`.
 */

/** An item: `/items/tong-zhou-ri-bao-2022-02-15-p1-03/`. */
export const itemUrl = (id: string): string => `/items/${id}/`

/** A newspaper page (a gazette file): `/pages/tong-zhou-ri-bao-2022-02-15-p1/`. */
export const gazetteUrl = (id: string): string => `/pages/${id}/`

/** A newspaper page's text as extracted, beside the page. */
export const originalUrl = (gazetteId: string): string => `${gazetteUrl(gazetteId)}page.txt`

/** A district or town, by its division code. */
export const placeUrl = (code: string): string => `/places/${code}/`

/** The Atom feed of a place's newest items. */
export const placeFeedUrl = (code: string): string => `${placeUrl(code)}feed.xml`

/** A person of the bylines, by the slug of their name. */
export const personUrl = (slug: string): string => `/people/${slug}/`

/** A paper, by the slug of its name. */
export const paperUrl = (slug: string): string => `/papers/${slug}/`

/** An issue: a paper's pages of one day. */
export const issueUrl = (paperSlug: string, date: string): string => `${paperUrl(paperSlug)}${date}/`

/** A year, a month or a day (`2022`, `2022-02`, `2022-02-15`): `/dates/2022/02/15/`. */
export const dateUrl = (key: string): string => `/dates/${key.replaceAll('-', '/')}/`

/** A part of the list of undated pages, from 1. */
export const undatedUrl = (part: number): string => `/dates/undated/${part}/`

/** The `n`th archive page of a list whose newest items are at `url`, from 1 (the oldest). */
export const listPageUrl = (url: string, n: number): string => `${url}page/${n}/`

/** A part of the sitemap (the index, `/sitemap.xml`, links them). */
export const sitemapUrl = (name: string): string => `/sitemaps/${name}.xml`
