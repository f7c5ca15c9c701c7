import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {ArchiveItem} from '../../src/archive/model.js'
import {citationMeta, cslDataUrl, cslJson, gbt7714} from '../../src/site/citation.js'
import {archiveItem} from '../helpers/archive-fixtures.js'

const item = (fields: Partial<ArchiveItem>): ArchiveItem =>
  archiveItem({
    id: 'x-01',
    title: '通州多元路径推进融合党建',
    heading: '通州多元路径推进融合党建',
    bylines: [
      {name: '张三', role: '记者'},
      {name: '李四', role: null}
    ],
    metadata: {paper: '通州日报', date: '2022-02-15', page: 1, pageName: null, region: null},
    ...fields
  })

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

test('citation: the CSL-JSON download link reads back as the data, nothing in it an attribute must escape', async () => {
  const csl = [
    cslJson(item({title: "“百分之百”#1 & <测试> 100% 的 '引'", heading: 'x'}), 'https://example.org/a?b=1#c')
  ]
  const url = cslDataUrl(csl)
  assert.doesNotMatch(url.slice(url.indexOf(',') + 1), /[#"&'<>]|%(?![0-9A-F]{2})/u)
  assert.match(url, /百分之百/u, 'Chinese text stays as it is')
  const response = await fetch(url)
  assert.equal(response.headers.get('content-type'), 'application/vnd.citationstyles.csl+json;charset=utf-8')
  assert.deepEqual(await response.json(), csl)
})
