import assert from 'node:assert/strict'
import {cpSync, mkdtempSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {decode} from '../src/read/decode.js'
import {parseManifest} from '../src/read/manifest.js'
import {readGazette} from '../src/read/read-gazette.js'
import {readChanged} from '../src/read/read-folder.js'
import {sampleFiles, samplesDir} from './helpers.js'
import {rule} from './helpers/messages.js'

const text = '通州区石港镇\n\n本报讯 日前，石港镇召开会议。\n'

test('decode: UTF-8 with and without BOM', () => {
  const bytes = new TextEncoder().encode(text)
  assert.equal(decode(bytes).text, text)
  assert.equal(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).text, text)
})

test('decode: GB18030 bytes are detected and decoded', () => {
  // 通州区石港镇 in GB18030 (GBK range).
  const gb = new Uint8Array([0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8, 0xca, 0xaf, 0xb8, 0xdb, 0xd5, 0xf2, 0x0a])
  const decoded = decode(gb)
  assert.equal(decoded.encoding, 'gb18030')
  assert.equal(decoded.text, '通州区石港镇\n')
})

test('decode: UTF-16LE with BOM', () => {
  const units = [...'石港镇'].map((c) => c.charCodeAt(0))
  const bytes = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])])
  assert.equal(decode(bytes).text, '石港镇')
})

test('decode: CRLF and CR become LF, full-width spaces become spaces, controls are reported', () => {
  const decoded = decode(new TextEncoder().encode('一\r\n二\r三\u3000四\u0007五'))
  assert.equal(decoded.text, '一\n二\n三 四五')
  assert.deepEqual(
    decoded.problems.map((p) => [p.line, p.column]),
    [[3, 4]]
  )
})

test('front matter: metadata is read and its lines blanked, keeping line numbers', () => {
  const source = readGazette(
    'a.txt',
    new TextEncoder().encode('---\npaper: 通州日报\ndate: 2022-02-15\npage: 2\n---\n标题\n')
  )
  assert.deepEqual(source.metadata, {paper: '通州日报', date: '2022-02-15', page: 2, pageName: null, region: null})
  assert.equal(source.text.split('\n')[5], '标题')
  assert.deepEqual(source.reports, [])
})

test('front matter: an impossible date is an error naming the field', () => {
  const source = readGazette('a.txt', new TextEncoder().encode('---\ndate: 2022-02-30\n---\n正文。\n'))
  assert.equal(source.metadata.date, null)
  assert.equal(source.reports[0]?.fatal, true)
  assert.match(source.reports[0]!.message, /date/)
})

test('manifest: entries, defaults, and a bad entry reported at its line', () => {
  const manifest = parseManifest(
    'defaults:\n  region: "3206"\ngazettes:\n  a.txt: {date: 2022-01-01, page: 1}\n  b.txt: {page: -3}\n'
  )
  assert.equal(manifest.defaults?.region, '3206')
  assert.deepEqual(manifest.entries.get('a.txt'), {date: '2022-01-01', page: 1})
  assert.equal(manifest.entries.has('b.txt'), false)
  assert.equal(manifest.reports.length, 1)
  assert.equal(manifest.reports[0]!.line, 5)
})

test('metadata: front matter wins over the manifest entry, which wins over defaults', () => {
  const source = readGazette('a.txt', new TextEncoder().encode('---\npage: 3\n---\n'), {
    defaults: {paper: 'A', page: 1},
    entry: {page: 2, date: '2022-01-01'}
  })
  assert.deepEqual(source.metadata, {paper: 'A', date: '2022-01-01', page: 3, pageName: null, region: null})
})

test('readChanged: a file unchanged since the last read comes as its record of then, without text; a touched one, a new manifest or a new size limit read again', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'gazette-known-'))
  for (const name of sampleFiles.slice(0, 3)) cpSync(join(samplesDir, name), join(folder, name))
  writeFileSync(join(folder, 'manifest.yaml'), 'defaults: {paper: 通州日报}\n')
  const first = await readChanged(folder, {})
  assert.ok(first.gazettes.every((gazette) => 'text' in gazette))
  const second = await readChanged(folder, {}, first.known)
  assert.deepEqual(
    second.gazettes,
    first.gazettes.map(({text, ...record}) => record)
  )
  assert.deepEqual(second.known, first.known)
  const touched = join(folder, sampleFiles[1]!)
  utimesSync(touched, new Date(), new Date(Date.now() + 5000))
  assert.deepEqual(
    (await readChanged(folder, {}, first.known)).gazettes.map((gazette) => 'text' in gazette),
    [false, true, false]
  )
  assert.ok((await readChanged(folder, {maxBytes: 1e6}, first.known)).gazettes.every((gazette) => 'text' in gazette))
  writeFileSync(join(folder, 'manifest.yaml'), 'defaults: {paper: 如东日报}\n')
  const renamed = await readChanged(folder, {}, first.known)
  assert.ok(renamed.gazettes.every((gazette) => 'text' in gazette && gazette.metadata.paper === '如东日报'))
})

test('readChanged: two files claiming one page lose the page number in the build that reads them, not in what is kept for the next', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'gazette-known-'))
  const page = '---\npaper: 通州日报\ndate: 2022-02-15\npage: 2\n---\n标题\n\n本报讯 日前，石港镇召开会议。\n'
  writeFileSync(join(folder, 'a.txt'), page)
  writeFileSync(join(folder, 'b.txt'), page)
  const first = await readChanged(folder, {})
  assert.deepEqual(
    first.gazettes.map((gazette) => gazette.metadata.page),
    [2, null]
  )
  assert.deepEqual(
    Object.values(first.known.files).map((file) => file.record.metadata.page),
    [2, 2]
  )
  const again = await readChanged(folder, {}, first.known)
  assert.deepEqual(
    again.gazettes.map((gazette) => gazette.metadata.page),
    [2, null]
  )
  assert.deepEqual(
    again.reports.map((report) => rule(report)),
    ['read:same-page']
  )
})
