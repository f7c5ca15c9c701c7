import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import type {ArchiveItem} from '../src/archive/model.js'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {buildSite} from '../src/site/build-site.js'
import {citationMeta, cslJson, gbt7714} from '../src/site/citation.js'

const item = (fields: Partial<ArchiveItem>): ArchiveItem =>
  ({
    id: 'x-01',
    title: '通州多元路径推进融合党建',
    heading: '通州多元路径推进融合党建',
    bylines: [
      {name: '张三', role: '记者'},
      {name: '李四', role: null}
    ],
    metadata: {paper: '通州日报', date: '2022-02-15', page: 1, pageName: null, region: null},
    ...fields
  }) as ArchiveItem

test('citation: GB/T 7714-2015 for newspapers, online form, what is unknown left out', () => {
  assert.equal(gbt7714(item({})), '张三, 李四. 通州多元路径推进融合党建[N]. 通州日报, 2022-02-15(1).')
  assert.equal(
    gbt7714(item({}), {url: 'https://example.org/items/x-01/', cited: '2026-12-02'}),
    '张三, 李四. 通州多元路径推进融合党建[N/OL]. 通州日报, 2022-02-15(1)[2026-12-02]. https://example.org/items/x-01/.'
  )
  const many = item({bylines: ['甲一', '乙二', '丙三', '丁四'].map((name) => ({name, role: null}))})
  assert.match(gbt7714(many), /^甲一, 乙二, 丙三, 等\. /u)
  const unknown = item({bylines: [], metadata: {paper: null, date: null, page: null, pageName: null, region: null}})
  assert.equal(gbt7714(unknown), '通州多元路径推进融合党建[N].')
  assert.deepEqual(cslJson(item({}), 'https://example.org/items/x-01/'), {
    id: 'x-01',
    type: 'article-newspaper',
    title: '通州多元路径推进融合党建',
    author: [{literal: '张三'}, {literal: '李四'}],
    'container-title': '通州日报',
    issued: {'date-parts': [[2022, 2, 15]]},
    page: '1',
    URL: 'https://example.org/items/x-01/'
  })
  assert.deepEqual(
    citationMeta(item({}), 'zh-CN').map((tag) => tag.name),
    [
      'citation_title',
      'citation_author',
      'citation_author',
      'citation_date',
      'citation_journal_title',
      'citation_firstpage',
      'citation_language'
    ]
  )
})

test('citation: an item page of a dated archive of two papers, as a reference manager reads it', async (t) => {
  const input = mkdtempSync(join(tmpdir(), 'gazette-cite-in-'))
  const output = mkdtempSync(join(tmpdir(), 'gazette-cite-out-'))
  t.after(() => {
    for (const folder of [input, output]) rmSync(folder, {recursive: true, force: true})
  })
  const page = (paper: string, title: string) =>
    `---\npaper: ${paper}\ndate: 2022-02-15\npage: 1\n---\n${title}\n\n本报讯（记者 张三）日前，通州区石港镇召开会议。\n`
  writeFileSync(join(input, 'a.txt'), page('通州日报', '石港镇部署春耕'))
  writeFileSync(join(input, 'b.txt'), page('海门日报', '海门区部署防汛'))
  const {archive, gazettes} = await buildArchiveFromFolder({input})
  await buildSite(archive, gazettes, {output, basePath: '/archive/', siteUrl: 'https://example.org/', input})
  const first = archive.items.find((each) => each.metadata.paper === '通州日报')!
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
    /<p class="printed"><a href="\/archive\/papers\/tong-zhou-ri-bao\/">通州日报<\/a> · <a href="\/archive\/dates\/2022\/02\/15\/">/u
  )
  assert.ok(readdirSync(join(output, 'items')).length === 2)
  // A page per paper, an issue page listing its pages, and the newspaper page linking its issue.
  const papers = readFileSync(join(output, 'papers', 'index.html'), 'utf8')
  assert.match(papers, /通州日报/u)
  assert.match(papers, /海门日报/u)
  const issue = readFileSync(join(output, 'papers', 'tong-zhou-ri-bao', '2022-02-15', 'index.html'), 'utf8')
  assert.match(issue, /<h1>通州日报 2022年2月15日<\/h1>/u)
  assert.match(issue, /石港镇部署春耕/u)
  const newspaperPage = archive.gazettes.find((gazette) => gazette.metadata.paper === '通州日报')!
  const pageHtml = readFileSync(join(output, newspaperPage.url, 'index.html'), 'utf8')
  assert.match(pageHtml, /href="\/archive\/papers\/tong-zhou-ri-bao\/2022-02-15\/"/u)
  // The page's text as extracted, beside it; the front matter's lines blank, so that line numbers are the file's.
  assert.match(pageHtml, new RegExp(`href="/archive${newspaperPage.url}page.txt"`, 'u'))
  assert.equal(
    readFileSync(join(output, newspaperPage.url, 'page.txt'), 'utf8'),
    '\n\n\n\n\n石港镇部署春耕\n\n本报讯（记者 张三）日前，通州区石港镇召开会议。\n'
  )
})
