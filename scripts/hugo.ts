/**
 * Hugo on the same items: a Hugo project made from a built archive's
 * public data (the parts `data/<year>.json.gz`) — a page per item, and
 * Hugo's own list pages for its places, people and dates (taxonomies,
 * paginated by 50 as the archive's lists are) — rendered by the `hugo`
 * binary (Debian's package). The benchmark compares the render stage
 * against it, measured in the same run.
 *
 * `node --import tsx scripts/hugo.ts SITE WORK` prints
 * `{"ms": …, "pages": …}`: the milliseconds `hugo` took and the pages it wrote.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {publicGazettes} from './lib/public-data.js'

const [site, work] = process.argv.slice(2)
if (!site || !work) throw new Error('usage: hugo.ts SITE WORK')

rmSync(work, {recursive: true, force: true})
const write = (path: string, text: string) => {
  mkdirSync(join(work, path, '..'), {recursive: true})
  writeFileSync(join(work, path), text)
}
write(
  'config.toml',
  [
    'baseURL = "/"',
    'languageCode = "zh-CN"',
    'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]',
    'paginate = 50',
    '[taxonomies]',
    'place = "places"',
    'person = "people"',
    'day = "days"',
    ''
  ].join('\n')
)
const head = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
write(
  'layouts/_default/single.html',
  `${head}<body><main><article>{{ with .Params.kicker }}<p>{{ . }}</p>{{ end }}<h1>{{ .Title }}</h1>
{{ with .Params.subtitle }}<p>{{ . }}</p>{{ end }}<p>{{ delimit .Params.people " " }}</p>{{ .Content }}
<ul>{{ range .GetTerms "places" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article></main></body></html>
`
)
const list = `${head}<body><main><h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}</main></body></html>
`
write('layouts/_default/list.html', list)
write(
  'layouts/_default/terms.html',
  `${head}<body><main><h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul></main></body></html>
`
)
write('layouts/index.html', `${head}<body><main><h1>档案</h1></main></body></html>\n`)

const escape = (text: string) => text.replace(/[&<>"]/gu, (character) => `&#${character.charCodeAt(0)};`)
let items = 0
for (const gazettes of publicGazettes(site)) {
  for (const {metadata, items: members} of gazettes) {
    for (const item of members) {
      items++
      const front = {
        title: item.title ?? item.id,
        kicker: item.kicker,
        subtitle: item.subtitle,
        ...(metadata.date ? {date: metadata.date, days: [metadata.date]} : {}),
        people: item.bylines.map((byline) => byline.name),
        places: item.places.map((place) => place.name)
      }
      const body = item.body.map(({type, text}) =>
        type === 'subhead' ? `<h2>${escape(text)}</h2>` : `<p>${escape(text)}</p>`
      )
      // JSON front matter: Hugo reads it as it is, with no quoting to get wrong.
      write(`content/items/${item.id}.html`, `${JSON.stringify(front)}\n${body.join('\n')}\n`)
    }
  }
}

const started = performance.now()
execFileSync('hugo', ['--quiet', '--source', work, '--destination', join(work, 'public')], {stdio: 'inherit'})
const ms = Math.round(performance.now() - started)
const pages = readdirSync(join(work, 'public'), {recursive: true, encoding: 'utf8'}).filter((name) =>
  name.endsWith('.html')
).length
console.log(JSON.stringify({ms, pages, items}))
