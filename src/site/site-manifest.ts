import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'
import type {Archive} from '../archive/model.js'

/**
 * What a built site says of itself in `data/site.json`: read by `gazette
 * merge`, which publishes several sites as one, and by anyone's scripts.
 */
export interface SiteManifest {
  title: string
  /** The URL prefix it was built for (`/a/`), and its absolute URL ('' when built without `--site-url`). */
  basePath: string
  url: string
  /** The papers it holds, by name. */
  papers: string[]
  items: number
  /** The dates of its oldest and newest dated items, or null. */
  from: string | null
  to: string | null
}

const manifestFile = join('data', 'site.json')

/** The manifest of `archive` built with `title` for `siteUrl` (an origin, or '') under `basePath`. */
export function manifestOf(
  {stats}: Pick<Archive, 'stats'>,
  {title, siteUrl, basePath}: {title: string; siteUrl: string; basePath: string}
): SiteManifest {
  const {papers, items, firstDate: from, lastDate: to} = stats
  return {title, basePath, url: siteAddress(siteUrl, basePath), papers, items, from, to}
}

/** A site's absolute URL from its origin (`--site-url`, or '' for none) and base path; '' without an origin. */
export function siteAddress(siteUrl: string, basePath: string): string {
  return siteUrl ? new URL(basePath, siteUrl).href : ''
}

export async function writeSiteManifest(output: string, manifest: SiteManifest): Promise<void> {
  await writeFile(join(output, manifestFile), JSON.stringify(manifest))
}

const schema = z.object({
  title: z.string(),
  basePath: z.string(),
  url: z.string(),
  papers: z.array(z.string()),
  items: z.number().int().nonnegative(),
  from: z.string().nullable(),
  to: z.string().nullable()
}) satisfies z.ZodType<SiteManifest>

/** The manifest of the site in `folder`, or a reason there is none. */
export async function readSiteManifest(folder: string): Promise<SiteManifest | {error: string}> {
  let text: string
  try {
    text = await readFile(join(folder, manifestFile), 'utf8')
  } catch {
    return {error: `no ${manifestFile}: not a site built by gazette build`}
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : {error: `${manifestFile}: ${parsed.error.issues[0]?.message ?? 'not sound'}`}
  } catch {
    return {error: `${manifestFile}: not JSON`}
  }
}
