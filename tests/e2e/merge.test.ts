import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import type {IndexMeta} from '../../src/site/search/format.js'
import {openIndex} from '../../src/site/search/query.js'
import {readIndexMeta, searchFolder} from '../../src/site/search/segments.js'
import {assertSameFiles, filesBelow} from '../helpers/files.js'
import {compiledCli as cli} from '../helpers/paths.js'
import {samplesDir, sampleFiles} from '../helpers/samples.js'
import {fileTempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

const root = fileTempDir('merge')
const gazette = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8'})

/** Two archives of two papers, samples each, built as a CI matrix builds them: each under its own path. */
function buildShards(): {a: string; b: string} {
  const papers = {a: '甲报', b: '乙报'} as const
  for (const [name, paper] of Object.entries(papers)) {
    const content = join(root, 'content', name)
    mkdirSync(content, {recursive: true})
    const files = name === 'a' ? sampleFiles.slice(0, 2) : sampleFiles.slice(2, 4)
    for (const file of files) copyFileSync(join(samplesDir, file), join(content, file))
    const lines = files.map((file, at) => `  ${file}: {paper: ${paper}, date: 202${at + 2}-03-0${at + 1}, page: 1}`)
    writeFileSync(join(content, 'manifest.yaml'), `gazettes:\n${lines.join('\n')}\n`)
    const built = gazette('build', '-q', '-i', content, '-o', join(root, 'shards', name), '--base-path', `/${name}/`)
    assert.equal(built.status, 0, built.stderr)
  }
  return {a: join(root, 'shards', 'a'), b: join(root, 'shards', 'b')}
}

const shards = buildShards()

/** The hits of a query that hold all its words. */
async function complete(index: ReturnType<typeof indexOf>, query: string) {
  const found = await index.search(query)
  return found.hits.slice(0, found.complete)
}

/** The index of the site at `site` (whose meta may name other sites' segments), as the search page reads it. */
function indexOf(site: string, meta: IndexMeta) {
  const read = async (path: string) => JSON.parse(readFileSync(join(site, searchFolder, path), 'utf8')) as unknown
  return openIndex(meta, [], read)
}

test('merge: two archives published as one, each under its name; one search finds both, linking their pages', async () => {
  const site = join(root, 'site')
  const merged = gazette('merge', shards.a, shards.b, '-o', site, '--site-url', 'https://example.org/')
  assert.equal(merged.status, 0, merged.stderr)
  assert.match(merged.stdout, /^merged 2 archives into /u)
  for (const name of ['a', 'b'] as const) assertSameFiles(join(site, name), shards[name])
  const home = readFileSync(join(site, 'index.html'), 'utf8')
  assert.ok(home.includes('href="/a/">甲报</a>') && home.includes('href="/b/">乙报</a>'), 'the home lists both')
  assert.ok(existsSync(join(site, 'search', 'index.html')) && existsSync(join(site, 'assets', 'search.js')))

  const meta = JSON.parse(readFileSync(join(site, searchFolder, 'meta.json'), 'utf8')) as IndexMeta
  const [metaA, metaB] = [must(await readIndexMeta(shards.a), 'a'), must(await readIndexMeta(shards.b), 'b')]
  assert.equal(meta.docs, metaA.docs + metaB.docs)
  const federated = indexOf(site, meta)
  const own = {a: indexOf(shards.a, metaA), b: indexOf(shards.b, metaB)}
  // Every item is found, once, at its archive's URL; a word finds the items that hold it in either archive, no
  // more. (Longer queries are cut by the words of all the items, and partial matches weigh words by how rare
  // they are in all of them: those may differ from one archive's.)
  const all = await federated.show(Array.from({length: meta.docs}, (_, doc) => ({doc})))
  const urls = all.map((fragment) => fragment.url)
  assert.equal(new Set(urls).size, meta.docs)
  for (const url of urls) assert.ok(existsSync(join(site, url, 'index.html')), `${url} is a page of the merged site`)
  for (const query of ['石港', '会议', '通州', '农民', '海门']) {
    const found = async (index: ReturnType<typeof indexOf>, prefix: string) =>
      (await index.show(await complete(index, query))).map((fragment) => prefix + fragment.url)
    const expected = [...(await found(own.a, 'a/')), ...(await found(own.b, 'b/'))].sort()
    assert.deepEqual((await found(federated, '')).sort(), expected, query)
  }
  const district = must(Object.keys(meta.counts.district)[0], 'a district')
  assert.equal((await federated.search('', {district})).hits.length, meta.counts.district[district])

  const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8')
  for (const name of ['a', 'b'])
    assert.ok(sitemap.includes(`<loc>/${name}/sitemaps/`), `${name}'s sitemap parts are listed`)
  const manifest = JSON.parse(readFileSync(join(site, 'data', 'site.json'), 'utf8')) as {
    items: number
    papers: string[]
  }
  assert.deepEqual([manifest.items, manifest.papers], [meta.docs, ['甲报', '乙报']])
})

test('merge: an archive built for another path, a missing one, or an output over an archive: nothing is written', () => {
  const other = join(root, 'shards', 'c')
  const built = gazette('build', '-q', '-i', join(root, 'content', 'a'), '-o', other)
  assert.equal(built.status, 0, built.stderr)
  const site = join(root, 'refused')
  const wrongPath = gazette('merge', shards.a, other, '-o', site)
  assert.equal(wrongPath.status, 1)
  assert.match(wrongPath.stderr, /c: built for \/, not \/c\/: build it with --base-path \/c\//u)
  const missing = gazette('merge', shards.a, join(root, 'shards', 'none'), '-o', site)
  assert.match(missing.stderr, /none: no such folder/u)
  const over = gazette('merge', shards.a, shards.b, '-o', join(root, 'shards'))
  assert.match(over.stderr, /the output .* and the archive .* overlap/u)
  assert.ok(!existsSync(site))
  assert.deepEqual(filesBelow(join(root, 'shards', 'a')), filesBelow(shards.a))
})
