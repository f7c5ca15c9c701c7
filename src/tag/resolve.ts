import {isWithin, parentCode, type Gazetteer, type NameEntry} from './gazetteer.js'
import type {Mention} from './mentions.js'

/** What a reader knows when reading a name. */
export interface Context {
  /** Codes named without ambiguity in the item (and its dateline). */
  item: Set<string>
  /** Codes named without ambiguity elsewhere on the page. */
  page: Set<string>
  /** The paper's home region (a code of any level), if known. */
  region: string | null
}

export interface Resolution {
  code: string | undefined
  /** Candidates that tied, when the name stays unresolved. */
  tied: string[]
}

/** How strongly what the reader knows supports one candidate. */
interface Evidence {
  score: number
  /** The text names its parent, or the division itself elsewhere. */
  textual: boolean
  /** The page or the paper's home region contains it. */
  local: boolean
}

/**
 * Choose the division a mention means, by evidence: its parent printed just
 * before it (`通州区石港镇`); the parent, or the division itself, named in
 * the item; the same on the page; the paper's home region. A short name
 * (`石港`) needs some such evidence; a full name (`石港镇`) that is unique in
 * the country stands on its own. A division outside the paper's province
 * needs the text itself to say so (`上海市崇明区`), so that a person called
 * 张东华 does not put 东华镇 of Henan on a Nantong page. Ties are left
 * unresolved, never guessed.
 */
export function resolve(mention: Mention, context: Context, gazetteer: Gazetteer): Resolution {
  const home = context.region?.slice(0, 6)
  const candidates = preferDistrict(mention.candidates).filter(
    (candidate) => gazetteer.divisions.has(candidate.code) && (!candidate.everyday || candidate.code === home)
  )
  if (candidates.length === 0) return {code: undefined, tied: []}
  const scored = candidates.map((candidate) => ({candidate, evidence: weigh(candidate, mention, context)}))
  const best = Math.max(...scored.map((each) => each.evidence.score))
  const top = scored.filter((each) => each.evidence.score === best)
  // Report a tie only where there was evidence to weigh; an everyday word
  // that happens to be a town somewhere is not worth a message.
  if (top.length > 1) return {code: undefined, tied: best > 0 ? top.map((each) => each.candidate.code) : []}
  // Never empty: some candidate has the best score.
  const [winner] = top
  if (!winner) return {code: undefined, tied: []}
  const {candidate, evidence} = winner
  // The only candidate inside the paper's home region is what a local
  // reader takes the name to mean (通州 in a Nantong paper). A province is
  // too wide for a town: among its ~1,300 towns a short name unique there
  // is still an everyday word as often as a place (新建, 沿湖).
  const region = context.region
  const narrowEnough = region !== null && (candidate.code.length <= 6 || region.length >= 4)
  if (
    region &&
    narrowEnough &&
    isWithin(candidate.code, region) &&
    candidates.filter((each) => isWithin(each.code, region)).length === 1
  )
    evidence.local = true
  const foreign = context.region !== null && !isWithin(candidate.code, context.region.slice(0, 2))
  // A town's short form is an everyday word as often as not (南山, 青山,
  // 陶家): away from the paper's own county a reader takes it for the
  // town only when the page names that town in full.
  const shortTown = !candidate.full && candidate.code.length === 9
  const homeCounty = region !== null && region.length >= 6 && isWithin(candidate.code, region)
  const local = evidence.local && (!shortTown || homeCounty || context.page.has(candidate.code))
  const accepted = foreign ? evidence.textual : evidence.textual || local || (candidate.full && candidates.length === 1)
  return {code: accepted ? candidate.code : undefined, tied: []}
}

function weigh(candidate: NameEntry, mention: Mention, context: Context): Evidence {
  const ancestors = ancestorsOf(candidate.code)
  const previous = mention.previous?.candidates.map((each) => each.code) ?? []
  let score = candidate.full ? 1 : 0
  // A town's short form needs its city or county printed just before it
  // (南通市石港) or its county named in the item: a province before it
  // (江苏石港) or a city elsewhere in the item (重庆, 南充) is too wide.
  const shortTown = !candidate.full && candidate.code.length === 9
  const nearest = shortTown ? 6 : 4
  const nearestBefore = shortTown ? 4 : 2
  let textual = false
  let local = false
  if (ancestors.some((code) => previous.includes(code) && code.length >= nearestBefore)) {
    score += 5
    textual = true
  }
  if (context.item.has(candidate.code)) {
    score += 4
    textual = true
  } else if (ancestors.some((code) => context.item.has(code) && code.length >= nearest)) {
    score += 3
    textual = true
  }
  // On a province-wide page the items are about places far apart: the page
  // says nothing about any one of them.
  const pageSpeaks = context.region === null || context.region.length > 2
  if (
    pageSpeaks &&
    (context.page.has(candidate.code) || ancestors.some((code) => context.page.has(code) && code.length >= 6))
  ) {
    score += 2
    local = true
  }
  const region = context.region
  if (region && region.length >= 4 && isWithin(candidate.code, region.slice(0, 4))) {
    score += isWithin(candidate.code, region) ? 3 : 2
    local = true
  } else if (region && isWithin(candidate.code, region.slice(0, 2))) {
    score += 1
  }
  return {score, textual, local}
}

/**
 * `海门` is both 海门区 and its seat 海门街道: a name shared by a division and
 * one of its own towns means the larger one.
 */
function preferDistrict(candidates: NameEntry[]): NameEntry[] {
  return candidates.filter(
    (candidate) =>
      !candidates.some(
        (other) =>
          other !== candidate && other.code.length < candidate.code.length && isWithin(candidate.code, other.code)
      )
  )
}

function ancestorsOf(code: string): string[] {
  const result: string[] = []
  for (let parent = parentCode(code); parent; parent = parentCode(parent)) result.push(parent)
  return result
}
