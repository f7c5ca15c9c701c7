import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {metadataFromName} from '../../src/read/file-name.js'
import {readFolder} from '../../src/read/read-folder.js'
import {tempDir} from '../helpers/temp-dir.js'
import {rule, severityOf} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

test('file names: the common ways archives name pages by date', () => {
  const named = (name: string) => metadataFromName(name).metadata
  assert.deepEqual(named('2021-03-05_p2.txt'), {date: '2021-03-05', page: 2})
  assert.deepEqual(named('20210305-A02.txt'), {date: '2021-03-05', page: 2})
  assert.deepEqual(named('2021.03.05_02版.txt'), {date: '2021-03-05', page: 2})
  assert.deepEqual(named('2021/03/05/p02.txt'), {date: '2021-03-05', page: 2})
  assert.deepEqual(named('某某日报/2021-03-05_第3版.md'), {date: '2021-03-05', page: 3})
  assert.deepEqual(named('2021-03-05.txt'), {date: '2021-03-05'})
  assert.deepEqual(named('000_da22e97339b67c99.txt'), {})
  assert.deepEqual(named('123456789.txt'), {}, 'no date inside a longer run of digits')
  assert.match(must(metadataFromName('2021-02-30_p2.txt').problem), /2021-02-30 is no real date/u)
  assert.match(must(metadataFromName('20211305.txt').problem), /no real date/u)
  const own = /^(?<page>\d+)-(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})$/u
  assert.deepEqual(metadataFromName('3-20210305.txt', own).metadata, {date: '2021-03-05', page: 3})
})

test('file names: front matter and the manifest win; a bad dated name is a warning', async (t) => {
  const folder = tempDir(t, 'names')
  writeFileSync(join(folder, '2021-03-05_p2.txt'), '标题\n\n正文。\n')
  writeFileSync(join(folder, '2021-03-06_p1.txt'), '---\ndate: 2020-01-01\n---\n标题\n\n正文。\n')
  writeFileSync(join(folder, '2021-02-30_p2.txt'), '标题\n\n正文。\n')
  writeFileSync(join(folder, 'manifest.yaml'), 'gazettes:\n  2021-03-05_p2.txt: {page: 4}\n')
  const {gazettes} = await readFolder(folder, {defaults: {paper: '某某日报'}})
  const bySource = new Map(gazettes.map((gazette) => [gazette.source, gazette]))
  assert.deepEqual(
    [must(bySource.get('2021-03-05_p2.txt')).metadata.date, must(bySource.get('2021-03-05_p2.txt')).metadata.page],
    ['2021-03-05', 4]
  )
  assert.equal(must(bySource.get('2021-03-06_p1.txt')).metadata.date, '2020-01-01')
  assert.equal(must(bySource.get('2021-03-06_p1.txt')).metadata.paper, '某某日报', 'the configuration’s defaults')
  const bad = must(bySource.get('2021-02-30_p2.txt'))
  assert.equal(bad.metadata.date, null)
  assert.ok(bad.reports.some((report) => rule(report) === 'read:file-name' && severityOf(report) === 'warning'))
})
