import {createHash} from 'node:crypto'
import {join, resolve} from 'node:path'
import type {MessageRecord} from '../model/messages.js'
import type {UrlHistory} from '../site/redirects.js'
import {isInsidePath} from '../util/inside-path.js'
import {isArray} from '../util/is-array.js'
import {readJson, writeJson} from './cache.js'

/**
 * What a built site was made from: for every page of the paginated
 * templates, its output file and a hash of everything it shows, and for
 * every search bundle a hash of its items. Comparing two states tells
 * which pages a new archive changes, so a rebuild renders only those.
 */
export interface SiteState extends UrlHistory {
  /** Templates, site code and settings the pages were rendered with: any change means a full build. */
  version: string
  /** By output file (`items/x/index.html`): a hash of what the page shows. */
  pages: Record<string, string>
  /** By bundle name: a hash of its items' articles. */
  bundles: Record<string, string>
  /** By data part (year): a hash of its gazettes. */
  data: Record<string, string>
  /** The release of the output the state describes: a state of another (a killed build's) means a full build. */
  release?: string
  /** The content folder the site was built from, as `folderSnapshot` sees it. */
  input?: string
  /** The build's summary and problems, printed again when nothing changed. */
  summary?: {lines: string[]; problems: MessageRecord[]}
}

/** Where the state of the site built into `output` is kept in the cache folder. */
export function statePath(cache: string, output: string): string {
  return join(cache, 'sites', `${createHash('sha1').update(resolve(output)).digest('hex').slice(0, 16)}.json`)
}

/** The state kept at `path`; undefined when there is none or it is not sound (then a full build runs). */
export async function readState(path: string): Promise<SiteState | undefined> {
  const state = await readJson<unknown>(path)
  return isSiteState(state) ? state : undefined
}

/**
 * Whether a state read back from the cache is sound: a rebuild deletes the
 * pages it lists that are gone, so a tampered or damaged one could name
 * files outside the output (`../victim.txt`).
 */
export function isSiteState(value: unknown): value is SiteState {
  if (!isObject(value)) return false
  const {version, pages, bundles, data, release, input, summary, urls, moved} = value
  const hashes = (record: unknown, key: (name: string) => boolean) =>
    isObject(record) && Object.entries(record).every(([name, hash]) => key(name) && typeof hash === 'string')
  const optional = (field: unknown) => field === undefined || typeof field === 'string'
  const sound =
    typeof version === 'string' && hashes(pages, isInsidePath) && hashes(bundles, isName) && hashes(data, isName)
  const paths = (record: unknown) =>
    record === undefined ||
    (isObject(record) &&
      Object.values(record).every((value) =>
        isArray(value) ? value.every((url) => typeof url === 'string') : typeof value === 'string'
      ))
  const links = paths(urls) && paths(moved)
  return sound && links && optional(release) && optional(input) && (summary === undefined || isSummary(summary))
}

/** The summary printed again: lines, and reports with a file and a message. */
function isSummary(value: unknown): value is NonNullable<SiteState['summary']> {
  if (!isObject(value)) return false
  const {lines, problems} = value
  const isReport = (report: unknown) =>
    isObject(report) && typeof report.file === 'string' && typeof report.reason === 'string'
  return (
    isArray(lines) && lines.every((line) => typeof line === 'string') && isArray(problems) && problems.every(isReport)
  )
}

/** Whether `value` is an object (an array too), its fields to be checked. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** A bundle's or data part's name: one path segment. */
function isName(name: string): boolean {
  return isInsidePath(name) && !name.includes('/')
}

/**
 * What a build that changes nothing needs of the state, kept beside it
 * (`<state>.head.json`): read first, so that such a build does not parse
 * a hash for every page (megabytes at 100,000 items).
 */
export type StateHead = Pick<SiteState, 'version' | 'release' | 'input' | 'summary'>

const headPath = (path: string) => path.replace(/\.json$/u, '.head.json')

/** The head kept beside the state at `path`; undefined when there is none or it is not sound. */
export async function readHead(path: string): Promise<StateHead | undefined> {
  const head = await readJson<unknown>(headPath(path))
  if (!isObject(head)) return undefined
  const {version, release, input, summary} = head
  const optional = (field: unknown) => field === undefined || typeof field === 'string'
  const sound = typeof version === 'string' && optional(release) && optional(input)
  return sound && (summary === undefined || isSummary(summary)) ? {version, release, input, summary} : undefined
}

/** Write the state of a site, then its head: a head names a state written before it. */
export async function writeState(path: string, state: SiteState): Promise<void> {
  await writeJson(path, state)
  const {version, release, input, summary} = state
  await writeJson(headPath(path), {version, release, input, summary})
}
