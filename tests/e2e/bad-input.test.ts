/*
 * Bad input through the command and into the site (the rest of the bad
 * inputs: tests/read/read-folder.test.ts, tests/pipeline/build.test.ts).
 *
 * Each test makes its own content folder in the temp directory, copies a
 * sample gazette into it (to check that the rest of the folder is still
 * built), adds the bad input, and checks the report and what was built.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join, resolve, sep} from 'node:path'
import {test} from 'node:test'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {filesBelow, gunzipped} from '../helpers/files.js'
import {sampleFiles, folderWithSamples, assertBuilt} from '../helpers/samples.js'
import {compiledCli as cli} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'
import {problems} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

/** A bundled sample: the gazette that must still be built. */
const sampleA = must(sampleFiles[0])

// ---------------------------------------------------------------------------
// 11–12: a failed build leaves the published site as it was

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', timeout: 60_000})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

test(
  'bad input 11: gazette build --strict fails on a bad file and leaves the output as it was; without ' +
    '--strict it builds and replaces it',
  (t) => {
    const dir = folderWithSamples(t, 'cli-input')
    const parent = tempDir(t, 'cli-output')
    const output = join(parent, 'site')
    assert.equal(runCli(['build', '--input', dir, '--output', output, '--quiet', '--no-cache']).status, 0)
    const published = filesBelow(output)
    const home = readFileSync(join(output, 'index.html'))
    writeFileSync(join(dir, 'x.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]))

    const strict = runCli([
      'build',
      '--input',
      dir,
      '--output',
      output,
      '--strict',
      '--quiet',
      '--no-cache',
      '--site-url',
      'https://example.org/'
    ])
    assert.equal(strict.status, 1, strict.stderr)
    assert.match(strict.stderr, /x\.txt/u)
    assert.match(strict.stderr, /binary file/u)
    assert.match(strict.stderr, /--strict: 1 errors and 0 warnings; .*site\/ left as it was/u)
    assert.deepEqual(filesBelow(output), published, 'the output is untouched')
    assert.ok(readFileSync(join(output, 'index.html')).equals(home))
    assert.deepEqual(readdirSync(parent).sort(), ['.site.gazette', 'site'], 'no build folder left beside it')
    assert.equal(readdirSync(join(parent, '.site.gazette')).filter((name) => name.startsWith('building-')).length, 0)

    const lenient = runCli(['build', '--input', dir, '--output', output, '--quiet', '--no-cache'])
    assert.equal(lenient.status, 0, lenient.stderr)
    assert.match(lenient.stderr, /x\.txt/u)
    assert.match(lenient.stderr, /binary file/u)
    assert.match(lenient.stdout, /1 gazette file → \d+ items/u)
    assert.match(lenient.stdout, /reports: 1 error, 0 warnings/u)
    assert.ok(existsSync(join(output, 'index.html')))
    assert.deepEqual(
      readdirSync(parent).sort(),
      ['.site.gazette', 'site'],
      'no build or previous folder left beside it'
    )
  }
)

test(
  'bad input 11b: gazette build rejects a --max-file-size that is not a number instead of reading ' +
    'every file whatever its size',
  (t) => {
    const dir = folderWithSamples(t, 'cli-max-size')
    writeFileSync(join(dir, 'x.txt'), new Uint8Array([0x00]))
    const parent = tempDir(t, 'cli-max-size-output')
    const result = runCli([
      'build',
      '--input',
      dir,
      '--output',
      join(parent, 'site'),
      '--strict',
      '--quiet',
      '--max-file-size',
      'abc'
    ])
    assert.notEqual(result.status, 0)
    assert.match(result.stderr, /max-file-size.*abc|abc.*max-file-size/u)
  }
)

test(
  'bad input 14: file and folder names with spaces, Chinese and dots give ASCII URLs, and the site is ' +
    'written only inside the output folder',
  async (t) => {
    const dir = folderWithSamples(t, 'paths')
    const article = (title: string) => `${title}\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n`
    writeFileSync(join(dir, 'a b 通州..第1版.txt'), article('石港镇召开春耕会议'))
    mkdirSync(join(dir, '..x'))
    writeFileSync(join(dir, '..x', 'y.txt'), article('石港镇召开秋收会议'))
    mkdirSync(join(dir, '通州 区'))
    writeFileSync(join(dir, '通州 区', '石港..镇.md'), article('石港镇召开冬训会议'))
    writeFileSync(
      join(dir, 'escape.txt'),
      `---\npaper: ../../逃逸报/..\ndate: 2022-03-04\npage: 1\npageName: ../..\n---\n${article('石港镇召开夏种会议')}`
    )
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir})
    assertBuilt(gazettes, [sampleA, 'a b 通州..第1版.txt', '..x/y.txt', '通州 区/石港..镇.md', 'escape.txt'])
    assert.deepEqual(problems(archive.reports), [])

    for (const url of [
      ...archive.items.map((item) => item.url),
      ...archive.gazettes.map((gazette) => gazette.url),
      ...archive.people.map((person) => person.url)
    ]) {
      assert.match(url, /^\/[a-z0-9/-]+\/$/u, `${url} is plain ASCII`)
      assert.ok(!url.split('/').includes('..'), url)
    }

    const parent = tempDir(t, 'paths-output')
    const output = join(parent, 'site')
    await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: ''})
    assert.deepEqual(readdirSync(parent), ['site'], 'nothing written beside the output')
    const written = filesBelow(output)
    for (const file of written) {
      assert.ok(resolve(output, file).startsWith(output + sep), `${file} is inside the output`)
      assert.ok(!file.split('/').includes('..'), `${file} has no .. segment`)
      assert.match(file, /^[\x21-\x7e]+$/u, `${file} is a plain ASCII path`)
    }
    for (const item of archive.items)
      assert.ok(written.includes(`${item.url.slice(1)}index.html`), `${item.url} is written`)
    for (const gazette of archive.gazettes)
      assert.ok(written.includes(`${gazette.url.slice(1)}index.html`), `${gazette.url} is written`)
    const escaped = must(gazettes.find((gazette) => gazette.source === 'escape.txt'))
    assert.equal(escaped.metadata.paper, '../../逃逸报/..')
    assert.match(escaped.id, /^[a-z0-9-]+$/u)
  }
)

/** Tags open and close in order and every `&` starts an entity: enough to tell a feed an XML parser reads. */
function assertWellFormedXml(xml: string, name: string) {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/u, '')
  const stack: string[] = []
  const roots: string[] = []
  for (const match of body.matchAll(
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[\da-fA-F]+);)/gu
  )) {
    assert.ok(
      match[2] !== undefined,
      `${name}: stray “${match[0]}” at ${match.index}: …${body.slice(Math.max(0, match.index - 40), match.index + 40)}…`
    )
    const [, closing, tag, , selfClosing] = match
    if (stack.length === 0) roots.push(must(tag))
    if (closing) assert.equal(stack.pop(), tag, `${name}: </${tag}> closes what it did not open`)
    else if (!selfClosing) stack.push(must(tag))
  }
  assert.deepEqual(stack, [], `${name}: unclosed ${stack.join(', ')}`)
  assert.deepEqual(roots, ['feed'], `${name}: one root element`)
}

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = must(text[index])
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index++
    } else cell += char
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

test(
  'bad input 15: markup, template syntax and formulas in titles and metadata are inert in pages, ' +
    'feeds, JSON and CSV',
  async (t) => {
    const dir = folderWithSamples(t, 'unsafe')
    const payload = '<script>alert(1)</script>"><img src=x onerror=alert(1)>{{ 7*7 }}{% raw %}</script>'
    const title = `=HYPERLINK("http://x.example","点"){{ 7*7 }}${payload}`
    writeFileSync(
      join(dir, 'unsafe.txt'),
      [
        '---',
        `paper: '"><img src=x onerror=alert(1)>{{ 7*7 }}报'`,
        'date: 2022-03-04',
        'page: 1',
        `pageName: '<script>alert(1)</script>{% raw %}'`,
        '---',
        '# +引题<b>加粗</b>{{ 7*7 }}——',
        `# ${title}`,
        `# @SUM(1+1)副题${payload}`,
        '',
        `本报讯 正文${payload}内容。通州区石港镇召开会议。`,
        ''
      ].join('\n')
    )
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir})
    const output = tempDir(t, 'unsafe-site')
    await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: 'https://example.org'})

    const item = must(must(gazettes.find((gazette) => gazette.source === 'unsafe.txt')).items[0])
    assert.equal(item.kicker, '+引题<b>加粗</b>{{ 7*7 }}——')
    assert.equal(item.title, title)
    assert.equal(item.subtitle, `@SUM(1+1)副题${payload}`)
    assertBuilt(gazettes, [sampleA])

    // Every page: no live markup from the text, template syntax printed as written.
    const html = filesBelow(output).filter((file) => file.endsWith('.html'))
    for (const file of html) {
      const page = readFileSync(join(output, file), 'utf8')
      assert.doesNotMatch(page, /<script>alert|<img src=x|"><img|<b>加粗/u, file)
      assert.doesNotMatch(page, /\)49|49报|49——|49\{% raw/u, `${file}: {{ 7*7 }} is not evaluated`)
    }
    const page = readFileSync(join(output, 'items', item.id, 'index.html'), 'utf8')
    const gazettePage = readFileSync(
      join(output, must(archive.gazettes.find((gazette) => gazette.source === 'unsafe.txt')).url, 'index.html'),
      'utf8'
    )
    assert.match(
      page,
      new RegExp(
        String.raw`<title>=HYPERLINK\(&quot;http:\/\/x\.example&quot;,&quot;点&quot;\)` +
          String.raw`\{\{ 7\*7 \}\}&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img src=x`,
        'u'
      )
    )
    assert.match(page, /<h1>=HYPERLINK\(&quot;http:\/\/x\.example&quot;,&quot;点&quot;\)\{\{ 7\*7 \}\}&lt;script&gt;/u)
    assert.match(page, /<p class="kicker">\+引题&lt;b&gt;加粗&lt;\/b&gt;\{\{ 7\*7 \}\}——<\/p>/u)
    assert.match(
      page,
      new RegExp(
        String.raw`<p class="subtitle">@SUM\(1\+1\)副题&lt;script&gt;alert\(1\)&lt;\/script&gt;` +
          String.raw`&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;` +
          String.raw`\{\{ 7\*7 \}\}\{% raw %\}&lt;\/script&gt;<\/p>`,
        'u'
      )
    )
    assert.match(
      page,
      new RegExp(
        String.raw`<p class="citation" id="citation">[^<]*\[N\]\. ` +
          String.raw`&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\{\{ 7\*7 \}\}报, 2022-03-04\(1\)\.`,
        'u'
      ),
      'the paper, escaped, in the citation'
    )
    assert.match(
      page,
      /<meta name="citation_journal_title" content="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\{\{ 7\*7 \}\}报">/u,
      'and in the meta tags'
    )
    assert.match(
      gazettePage,
      new RegExp(
        String.raw`<title>&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;` +
          String.raw`\{\{ 7\*7 \}\}报 2022-03-04 第1版 &lt;script&gt;alert\(1\)&lt;\/script&gt;\{% raw %\}`,
        'u'
      ),
      'the page name, escaped'
    )

    // JSON-LD: parses, holds the text as written, and cannot close its <script>.
    const jsonLd = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gsu)]
    assert.equal(jsonLd.length, 1)
    assert.doesNotMatch(must(must(jsonLd[0])[1]), /<\/?script|<img/iu)
    const article = JSON.parse(must(must(jsonLd[0])[1])) as {
      headline: string
      alternativeHeadline: string
      publisher: {name: string}
    }
    assert.equal(article.headline, title)
    assert.equal(article.alternativeHeadline, `@SUM(1+1)副题${payload}`)
    assert.equal(article.publisher.name, '"><img src=x onerror=alert(1)>{{ 7*7 }}报')

    // Feeds: well-formed, the title escaped once as text, the body as escaped HTML.
    for (const feedFile of ['feed.xml', 'places/320612110/feed.xml']) {
      const feed = readFileSync(join(output, feedFile), 'utf8')
      assertWellFormedXml(feed, feedFile)
      assert.doesNotMatch(feed, /<script|<img/u, feedFile)
      assert.match(
        feed,
        new RegExp(
          String.raw`<title>=HYPERLINK\(&quot;http:\/\/x\.example&quot;,&quot;点&quot;\)` +
            String.raw`\{\{ 7\*7 \}\}&lt;script&gt;alert\(1\)&lt;\/script&gt;`,
          'u'
        ),
        feedFile
      )
      assert.match(
        feed,
        /<content type="html">&lt;p&gt;本报讯 正文(?:&amp;#x3C;|&amp;lt;)script&gt;alert\(1\)/u,
        `${feedFile}: body markup escaped twice (HTML in XML)`
      )
    }

    // JSON export: the text as written.
    const exported = JSON.parse(gunzipped(join(output, 'data', '2022.json.gz'))) as {
      gazettes: Array<{
        source: string
        metadata: {paper: string}
        items: Array<{title: string; subtitle: string; body: Array<{text: string}>}>
      }>
    }
    const unsafe = must(exported.gazettes.find((gazette) => gazette.source === 'unsafe.txt'))
    assert.equal(must(unsafe.items[0]).title, title)
    assert.equal(must(must(unsafe.items[0]).body[0]).text, `本报讯 正文${payload}内容。通州区石港镇召开会议。`)
    assert.equal(unsafe.metadata.paper, '"><img src=x onerror=alert(1)>{{ 7*7 }}报')

    // CSV: quotes do not break the columns; no cell starts as a formula.
    const csvText = gunzipped(join(output, 'data', '2022.csv.gz'))
    assert.ok(csvText.startsWith('\ufeff'))
    const [header, ...rows] = parseCsv(csvText.slice(1))
    assert.ok(header && header.length === 12, 'twelve columns')
    for (const row of rows) assert.equal(row.length, header.length, `row ${row[0]} has ${header.length} cells`)
    for (const cell of rows.flat())
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/u, `cell “${cell.slice(0, 30)}” would run as a formula`)
    const row = must(rows.find((each) => each[0] === item.id))
    const cell = (name: string) => row[header.indexOf(name)]
    assert.equal(cell('title'), `'${title}`)
    assert.equal(cell('kicker'), `'+引题<b>加粗</b>{{ 7*7 }}——`)
    assert.equal(cell('subtitle'), `'@SUM(1+1)副题${payload}`)
    assert.equal(cell('paper'), '"><img src=x onerror=alert(1)>{{ 7*7 }}报')
    assert.equal(cell('source'), 'unsafe.txt')
  }
)
