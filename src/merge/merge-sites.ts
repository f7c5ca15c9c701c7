import {mkdirSync, readFileSync, realpathSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {Output, whyNotMergeOutput} from '../publish/index.js'
import {cloneTree} from '../publish/tree.js'
import {readIndexMeta, searchFolder} from '../site/search/segments.js'
import {copyQueryModules} from '../site/search/write-index.js'
import {readSiteManifest, siteAddress, writeSiteManifest, type SiteManifest} from '../site/site-manifest.js'
import {defaultSiteText} from '../site/settings.js'
import {federatedMeta, federatedPlaces, readPlaces, type Federated} from './federate-index.js'
import {renderRoot, type RootOptions, type ShardCard} from './render-root.js'

export interface MergeOptions extends RootOptions {
  output: string
  /** The archives' built sites (their output folders), each published below the merged site under its name. */
  shards: string[]
  /** Replace an output folder that no build or merge wrote (its files are deleted). */
  force?: boolean
}

/** An archive ready to merge: its name, its site's folder and manifest, and its index. */
type Shard = Federated & {folder: string; manifest: SiteManifest}

/**
 * `gazette merge`: publish several archives' sites as one, each under its
 * folder's name (`a/` for `_site/a`), which must be the base path it was
 * built for below the merged site's (`--base-path /a/`), beside a home
 * listing them, a search page whose index federates theirs (a query
 * fetches each archive's shards: see `federatedMeta`), one sitemap index
 * of all their sitemaps and the merged site's own manifest. The archives'
 * files are linked, not copied. Like a build, it publishes the new site
 * whole or not at all; the problems that stop it, or none.
 */
export async function mergeSites(options: MergeOptions): Promise<string[]> {
  const read = await Promise.all(options.shards.map((folder) => readShard(folder, options.basePath)))
  const problems = read.filter((shard): shard is {error: string} => 'error' in shard).map((shard) => shard.error)
  const shards = read.filter((shard): shard is Shard => !('error' in shard))
  const names = shards.map((shard) => shard.name)
  const twice = names.filter((name, at) => names.indexOf(name) !== at)
  if (twice.length > 0) problems.push(`two archives named ${twice.join(', ')}: give them folders of other names`)
  if (shards.length === 0 && problems.length === 0) problems.push('no archives to merge')
  const refused = whyNotMergeOutput(options.output, options.shards, options.force)
  if (refused) problems.push(refused)
  if (problems.length > 0) return problems
  const output = await Output.open(options.output)
  try {
    await output.publishFull((folder) => writeMerged(folder, shards, options))
  } finally {
    output.close()
  }
  return []
}

async function writeMerged(folder: string, shards: readonly Shard[], options: MergeOptions): Promise<void> {
  for (const shard of shards) cloneTree(shard.folder, join(folder, shard.name))
  const index = join(folder, searchFolder)
  mkdirSync(index, {recursive: true})
  writeFileSync(join(index, 'meta.json'), JSON.stringify(federatedMeta(shards)))
  await copyQueryModules(index)
  mkdirSync(join(folder, 'data'), {recursive: true})
  writeFileSync(join(folder, 'data', 'places.json'), JSON.stringify(federatedPlaces(shards)))
  writeFileSync(join(folder, 'sitemap.xml'), sitemapIndex(shards))
  // An archive titled by default is named by its papers.
  const cards = shards.map(({name, manifest}): ShardCard => {
    const named = manifest.title === defaultSiteText.title && manifest.papers.length > 0
    return {...manifest, name, title: named ? manifest.papers.join('、') : manifest.title}
  })
  await renderRoot(folder, cards, options)
  const dates = (pick: (card: ShardCard) => string | null) =>
    cards
      .map(pick)
      .filter((date) => date !== null)
      .sort()
  await writeSiteManifest(folder, {
    title: options.text?.title ?? defaultSiteText.title,
    basePath: options.basePath,
    url: siteAddress(options.siteUrl, options.basePath),
    papers: [...new Set(shards.flatMap(({manifest}) => manifest.papers))],
    items: cards.reduce((sum, card) => sum + card.items, 0),
    from: dates((card) => card.from)[0] ?? null,
    to: dates((card) => card.to).at(-1) ?? null
  })
}

/** The archive whose site is at `path`, or why it cannot be merged under `basePath`. */
async function readShard(path: string, basePath: string): Promise<Shard | {error: string}> {
  const name = basename(path)
  let folder: string
  try {
    folder = realpathSync(path)
  } catch {
    return {error: `${path}: no such folder`}
  }
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(name)) return {error: `${path}: ${name} cannot name a folder of the site`}
  const manifest = await readSiteManifest(folder)
  if ('error' in manifest) return {error: `${path}: ${manifest.error}`}
  const expected = `${basePath}${name}/`
  if (manifest.basePath !== expected)
    return {error: `${path}: built for ${manifest.basePath}, not ${expected}: build it with --base-path ${expected}`}
  const [meta, places] = [await readIndexMeta(folder), await readPlaces(folder)]
  if (!meta || !places) return {error: `${path}: its search index or data/places.json is missing or damaged`}
  return {name, folder, manifest, meta, places}
}

/** One sitemap index of the archives' sitemaps: the parts each one's `sitemap.xml` lists. */
function sitemapIndex(shards: readonly Shard[]): string {
  const parts = shards.flatMap((shard) =>
    [...readFileSync(join(shard.folder, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/gu)].map(
      ([, loc]) => `  <sitemap><loc>${loc}</loc></sitemap>`
    )
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts,
    '</sitemapindex>',
    ''
  ].join('\n')
}
