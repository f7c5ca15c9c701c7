import type {HomeRegion} from '../model/types.js'

/**
 * The region a page is about, read from the page itself: the division that
 * most of its items name without ambiguity. A county paper's items name its
 * county; a city page's name several counties of one city; a province-wide
 * page's, cities of one province. So the narrowest division (county, then
 * city, then province) named by at least half the items that name any is
 * the page's home, as a local reader takes it. At least two items must
 * agree: one item's stray name (a person called like a town far away) is
 * not a page's home.
 */
export function inferHomeRegion(itemCodes: ReadonlyArray<ReadonlySet<string>>): string | null {
  for (const length of [6, 4, 2]) {
    const votes = new Map<string, number>()
    let voters = 0
    for (const codes of itemCodes) {
      const named = new Set([...codes].filter((code) => code.length >= length).map((code) => code.slice(0, length)))
      if (named.size > 0) voters++
      for (const code of named) votes.set(code, (votes.get(code) ?? 0) + 1)
    }
    let best: [string, number] | undefined
    for (const entry of votes) if (!best || entry[1] > best[1]) best = entry
    if (best && best[1] >= 2 && best[1] * 2 >= voters) return best[0]
  }
  return null
}

/**
 * Each paper's home region, read from its pages: the narrowest division
 * that at least half of the pages whose own names gave them a home share,
 * two pages at least. A page with too few names of its own (a photo page,
 * a page of national news) is then read in its paper's home.
 */
export function paperRegions(
  pages: ReadonlyArray<{metadata: {paper: string | null}; home: HomeRegion | null}>
): Map<string, string> {
  const byPaper = new Map<string, Array<Set<string>>>()
  for (const {metadata, home} of pages) {
    if (metadata.paper === null || home?.from !== 'page') continue
    // One vote: inferHomeRegion reads each level of a code itself.
    const votes = byPaper.get(metadata.paper) ?? []
    votes.push(new Set([home.region]))
    byPaper.set(metadata.paper, votes)
  }
  const regions = new Map<string, string>()
  for (const [paper, votes] of byPaper) {
    const region = inferHomeRegion(votes)
    if (region !== null) regions.set(paper, region)
  }
  return regions
}
