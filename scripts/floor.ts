/**
 * The plain-Node floor: write one HTML page per item of a built archive's
 * public data (the parts `data/<year>.json.gz`) with string templates and nothing else.
 * The benchmark compares the render stage against it, so that figures stay
 * comparable on a noisy machine.
 *
 * `node --import tsx scripts/floor.ts SITE OUT` prints the milliseconds taken.
 */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {publicGazettes, type PublicItem} from './lib/public-data.js'

const [site, out] = process.argv.slice(2)
if (!site || !out) throw new Error('usage: floor.ts SITE OUT')
const gazettes = [...publicGazettes(site)].flat()

const escape = (text: string) => text.replace(/[&<>"]/gu, (character) => `&#${character.charCodeAt(0)};`)
const subtitle = (item: PublicItem) => (item.subtitle ? `<p>${escape(item.subtitle)}</p>` : '')
const block = ({type, text}: PublicItem['body'][number]) =>
  type === 'subhead' ? `<h2>${escape(text)}</h2>` : `<p>${escape(text)}</p>`
const page = (item: PublicItem) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(item.title ?? item.id)}</title></head>
<body><main><article>
${item.kicker ? `<p>${escape(item.kicker)}</p>` : ''}<h1>${escape(item.title ?? '')}</h1>${subtitle(item)}
<p>${item.bylines.map((byline) => escape(byline.name)).join(' ')}</p>
${item.body.map(block).join('\n')}
<ul>${item.places.map((place) => `<li><a href="/places/${place.code}/">${escape(place.name)}</a></li>`).join('')}</ul>
</article></main></body></html>
`

await rm(out, {recursive: true, force: true})
const started = performance.now()
for (const item of gazettes.flatMap((gazette) => gazette.items)) {
  const folder = join(out, 'items', item.id)
  await mkdir(folder, {recursive: true})
  await writeFile(join(folder, 'index.html'), page(item))
}
console.log(Math.round(performance.now() - started))
