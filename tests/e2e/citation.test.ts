import assert from 'node:assert/strict'
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {buildSite} from '../../src/site/build-site.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

test('citation: an item page of a dated archive of two papers, as a reference manager reads it', async (t) => {
  const input = tempDir(t, 'cite-in')
  const output = tempDir(t, 'cite-out')
  const page = (paper: string, title: string) =>
    `---\npaper: ${paper}\ndate: 2022-02-15\npage: 1\n---\n${title}\n\n本报讯（记者 张三）日前，通州区石港镇召开会议。\n`
  writeFileSync(join(input, 'a.txt'), page('通州日报', '石港镇部署春耕'))
  writeFileSync(join(input, 'b.txt'), page('海门日报', '海门区部署防汛'))
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  await buildSite(archive, gazettes, {output, basePath: '/archive/', siteUrl: 'https://example.org/', input})
  const first = must(archive.items.find((each) => each.metadata.paper === '通州日报'))
  const html = readFileSync(join(output, first.url, 'index.html'), 'utf8')
  const meta = [...html.matchAll(/<meta name="(citation_[a-z_]+)" content="([^"]*)">/gu)].map((match) => [
    match[1],
    match[2]
  ])
  assert.deepEqual(meta, [
    ['citation_title', '石港镇部署春耕'],
    ['citation_author', '张三'],
    ['citation_date', '2022/02/15'],
    ['citation_journal_title', '通州日报'],
    ['citation_firstpage', '1'],
    ['citation_language', 'zh-CN']
  ])
  assert.match(html, new RegExp(`<link rel="canonical" href="https://example.org/archive${first.url}">`, 'u'))
  assert.match(html, /张三\. 石港镇部署春耕\[N\]\. 通州日报, 2022-02-15\(1\)\./u)
  assert.match(
    html,
    new RegExp(
      String.raw`<p class="printed"><a href="\/archive\/papers\/tong-zhou-ri-bao\/">通州日报<\/a>` +
        String.raw` · <a href="\/archive\/dates\/2022\/02\/15\/">`,
      'u'
    )
  )
  assert.ok(readdirSync(join(output, 'items')).length === 2)
  // A page per paper, an issue page listing its pages, and the newspaper page linking its issue.
  const papers = readFileSync(join(output, 'papers', 'index.html'), 'utf8')
  assert.match(papers, /通州日报/u)
  assert.match(papers, /海门日报/u)
  const issue = readFileSync(join(output, 'papers', 'tong-zhou-ri-bao', '2022-02-15', 'index.html'), 'utf8')
  assert.match(issue, /<h1>通州日报 2022年2月15日<\/h1>/u)
  assert.match(issue, /石港镇部署春耕/u)
  const newspaperPage = must(archive.gazettes.find((gazette) => gazette.metadata.paper === '通州日报'))
  const pageHtml = readFileSync(join(output, newspaperPage.url, 'index.html'), 'utf8')
  assert.match(pageHtml, /href="\/archive\/papers\/tong-zhou-ri-bao\/2022-02-15\/"/u)
  // The page's text as extracted, beside it; the front matter's lines blank, so that line numbers are the file's.
  assert.match(pageHtml, new RegExp(`href="/archive${newspaperPage.url}page.txt"`, 'u'))
  assert.equal(
    readFileSync(join(output, newspaperPage.url, 'page.txt'), 'utf8'),
    '\n\n\n\n\n石港镇部署春耕\n\n本报讯（记者 张三）日前，通州区石港镇召开会议。\n'
  )
})
