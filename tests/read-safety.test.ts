/*
 * Issue 17, the read stage: one bad input costs only itself. Each test
 * makes what it needs in the temp directory and removes it when it ends.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {copyFileSync, lutimesSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs'
import {unlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {open} from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {parseCorrections} from '../src/read/corrections.js'
import {decode} from '../src/read/decode.js'
import {parseManifest} from '../src/read/manifest.js'
import {readAtMost, readChanged, readFolder} from '../src/read/read-folder.js'
import {readGazette} from '../src/read/read-gazette.js'
import {folderSnapshot} from '../src/incremental/snapshot.js'
import {whyNotText} from '../src/read/sniff.js'
import {formatReports} from '../src/cli/report.js'
import type {VFileMessage} from 'vfile-message'
import {message} from '../src/model/messages.js'
import {rule, severityOf, shape} from './helpers/messages.js'
import {encodeGb18030, processText, sampleFiles, samplesDir} from './helpers.js'

const utf8 = (text: string) => new TextEncoder().encode(text)
const sample = sampleFiles[0]!
const page = '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'

function tempDir(t: TestContext, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gazette-safety-${name}-`))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

/** A content folder holding one bundled sample, which must still be read. */
function folderWithSample(t: TestContext, name: string): string {
  const dir = tempDir(t, name)
  copyFileSync(join(samplesDir, sample), join(dir, sample))
  return dir
}

const error = (file: string, ruleId: string) => ({file, line: null, ruleId, severity: 'error'})
/** Warnings and errors as [line, rule, severity, message]. */
const problems = (reports: VFileMessage[]) =>
  reports
    .filter((report) => severityOf(report) !== 'info')
    .map((report) => [report.line, rule(report), severityOf(report), report.message])
const reportsFor = (reports: VFileMessage[], file: string) => reports.filter((report) => report.file === file)
const sources = (gazettes: Array<{source: string}>) => gazettes.map((gazette) => gazette.source)

// ---------------------------------------------------------------------------
// A. Links, FIFOs, sockets, devices

test('read A: a link to a file outside the content folder is left out as read:outside-link, unprinted', async (t) => {
  const dir = folderWithSample(t, 'outside')
  const outside = tempDir(t, 'outside-target')
  writeFileSync(join(outside, 'secret.txt'), `SECRET-LINE-ONE\n${page}`)
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'passwd.txt'))
  // A relative link climbing out of the folder is outside too.
  symlinkSync(join('..', outside.split('/').at(-1)!, 'secret.txt'), join(dir, 'relative.txt'))
  const {gazettes, reports} = await readFolder(dir)

  assert.deepEqual(sources(gazettes), [sample])
  for (const name of ['passwd.txt', 'relative.txt']) {
    const found = reportsFor(reports, name)
    assert.deepEqual(found.map(shape), [error(name, 'read:outside-link')])
    assert.match(found[0]!.message, new RegExp(`${name.replace('.', '\\.')}.*link.*outside the content folder`, 'u'))
  }
  assert.doesNotMatch(JSON.stringify(reports), /SECRET|secret\.txt/u, 'neither the target nor its text is printed')
})

test('read A: a link to /dev/zero is left out at once, not read until killed', {timeout: 5000}, async (t) => {
  const dir = folderWithSample(t, 'dev-zero')
  symlinkSync('/dev/zero', join(dir, 'zero.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assert.deepEqual(sources(gazettes), [sample])
  assert.deepEqual(reportsFor(reports, 'zero.txt').map(shape), [error('zero.txt', 'read:outside-link')])
})

test('read A: a FIFO, a socket, a link to a FIFO: not regular files, reported; no hang', {timeout: 5000}, async (t) => {
  const dir = folderWithSample(t, 'fifo')
  execFileSync('mkfifo', [join(dir, 'x.txt')])
  symlinkSync('x.txt', join(dir, 'to-fifo.txt'))
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.txt'), resolve))
  t.after(() => server.close())
  const {gazettes, reports} = await readFolder(dir)

  assert.deepEqual(sources(gazettes), [sample])
  assert.deepEqual(
    reports.map(shape),
    ['socket.txt', 'to-fifo.txt', 'x.txt'].map((file) => error(file, 'read:not-regular'))
  )
  assert.match(reportsFor(reports, 'x.txt')[0]!.message, /^left out: not a regular file \(a FIFO\)$/u)
  assert.match(reportsFor(reports, 'to-fifo.txt')[0]!.message, /^left out: not a regular file \(a FIFO\)$/u)
  assert.match(reportsFor(reports, 'socket.txt')[0]!.message, /^left out: not a regular file \(a socket\)$/u)
})

test('read A: a link inside the folder to another file inside it is still read', async (t) => {
  const dir = folderWithSample(t, 'inside-link')
  mkdirSync(join(dir, 'pages'))
  writeFileSync(join(dir, 'pages', 'real.txt'), page)
  symlinkSync(join('pages', 'real.txt'), join(dir, 'alias.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assert.deepEqual(reports, [])
  assert.deepEqual(sources(gazettes), [sample, 'alias.txt', 'pages/real.txt'])
  assert.equal(gazettes[1]!.text, page)
})

test('read A: a read is bounded while reading, not only by the size the file said it had', async (t) => {
  const dir = tempDir(t, 'bounded')
  writeFileSync(join(dir, 'grown.txt'), 'x'.repeat(1000))
  const handle = await open(join(dir, 'grown.txt'))
  t.after(() => handle.close())
  // As if it had been 0 bytes (a /proc file) or had grown since: more than 100 bytes arrive, so it is too large.
  assert.equal(await readAtMost(handle, 0, 100), null)
  const whole = await readAtMost(handle, 10, 5000)
  assert.equal(whole?.length, 1000)
})

test('read A: a manifest linked outside, a FIFO corrections: reported, not read', {timeout: 5000}, async (t) => {
  const dir = folderWithSample(t, 'manifest-link')
  const outside = tempDir(t, 'manifest-target')
  writeFileSync(join(outside, 'm.yaml'), 'defaults: {paper: SECRET}\n')
  symlinkSync(join(outside, 'm.yaml'), join(dir, 'manifest.yaml'))
  execFileSync('mkfifo', [join(dir, 'corrections.yaml')])
  const {gazettes, reports} = await readFolder(dir)
  assert.equal(gazettes[0]!.metadata.paper, null)
  const expected = [error('manifest.yaml', 'read:outside-link'), error('corrections.yaml', 'read:not-regular')]
  assert.deepEqual(reports.map(shape), expected)
  assert.doesNotMatch(JSON.stringify(reports), /SECRET/u)
})

// ---------------------------------------------------------------------------
// B. A gazette that is a link is rebuilt when the link or its target changes

test('read B: the snapshot changes when a link is re-pointed, even to a file of the same size and time', (t) => {
  const dir = tempDir(t, 'snapshot')
  writeFileSync(join(dir, 't1.txt'), page)
  writeFileSync(join(dir, 't2.txt'), page.replace('春耕', '秋收'))
  const time = new Date('2022-03-04T00:00:00Z')
  for (const name of ['t1.txt', 't2.txt']) utimesSync(join(dir, name), time, time)
  symlinkSync('t1.txt', join(dir, 'link.txt'))
  lutimesSync(join(dir, 'link.txt'), time, time)
  const before = folderSnapshot(dir, null)
  unlinkSync(join(dir, 'link.txt'))
  symlinkSync('t2.txt', join(dir, 'link.txt'))
  lutimesSync(join(dir, 'link.txt'), time, time)
  assert.notEqual(folderSnapshot(dir, null), before)
  // A dangling link is no error.
  symlinkSync('missing.txt', join(dir, 'dangling.txt'))
  assert.match(folderSnapshot(dir, null), /^[\w-]{16}$/u)
})

test('read B: a link re-pointed to a file of the same size and time is read again', async (t) => {
  const dir = tempDir(t, 'known-link')
  writeFileSync(join(dir, 't1.txt'), page)
  writeFileSync(join(dir, 't2.txt'), page.replace('春耕', '秋收'))
  const time = new Date('2022-03-04T00:00:00Z')
  for (const name of ['t1.txt', 't2.txt']) utimesSync(join(dir, name), time, time)
  symlinkSync('t1.txt', join(dir, 'link.txt'))
  const first = await readChanged(dir, {})
  unlinkSync(join(dir, 'link.txt'))
  symlinkSync('t2.txt', join(dir, 'link.txt'))
  const again = await readChanged(dir, {}, first.known)
  const link = again.gazettes.find((gazette) => gazette.source === 'link.txt')!
  assert.ok('text' in link, 'read again')
  assert.match(link.text, /秋收/u)
  // The target's own change is seen through the link.
  writeFileSync(join(dir, 't2.txt'), page.replace('春耕', '冬训'))
  const third = await readChanged(dir, {}, again.known)
  const changed = third.gazettes.find((gazette) => gazette.source === 'link.txt')!
  assert.ok('text' in changed && /冬训/u.test(changed.text))
})

// ---------------------------------------------------------------------------
// C. Encodings

const utf8Page = Array.from({length: 30}, (_, index) => `第${index + 1}行 通州区石港镇召开会议，部署春耕工作。\n`).join(
  ''
)

test('read C: one 0xFF byte in a UTF-8 page is one U+FFFD, reported at line:column; the rest is UTF-8', () => {
  const bytes = utf8(utf8Page)
  const at = utf8Page.indexOf('\n第3行') + 1
  const offset = utf8(utf8Page.slice(0, at)).length
  // After 第 (three bytes): the byte breaks no character.
  const broken = new Uint8Array([...bytes.subarray(0, offset + 3), 0xff, ...bytes.subarray(offset + 3)])
  const decoded = decode(broken)
  assert.equal(decoded.encoding, 'utf-8')
  const lines = decoded.text.split('\n')
  assert.equal(lines[2], '第\uFFFD3行 通州区石港镇召开会议，部署春耕工作。')
  assert.equal(lines[0], '第1行 通州区石港镇召开会议，部署春耕工作。')
  assert.deepEqual(decoded.problems, [{line: 3, column: 2, message: 'invalid UTF-8 bytes FF replaced with U+FFFD'}])
  const source = readGazette('a.txt', broken)
  assert.deepEqual(source.reports.map(shape), [{file: 'a.txt', line: 3, ruleId: 'read:decode', severity: 'warning'}])
})

test('read C: a CESU-8 surrogate pair in a UTF-8 page is replaced and reported as one run, not read as Big5', () => {
  const bytes = utf8(utf8Page)
  const cesu = [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80]
  const decoded = decode(new Uint8Array([...cesu, ...bytes]))
  assert.equal(decoded.encoding, 'utf-8')
  assert.ok(decoded.text.startsWith('\uFFFD'.repeat(6) + '第1行 通州区'), decoded.text.slice(0, 20))
  const message = 'invalid UTF-8 bytes ED A0 80 ED B0 80 replaced with U+FFFD'
  assert.deepEqual(decoded.problems, [{line: 1, column: 1, message}])
})

test('read C: GB18030 text is still GB18030; an undecodable byte in it stays as U+FFFD, reported', () => {
  const gb = encodeGb18030(utf8Page)
  assert.equal(decode(gb).encoding, 'gb18030')
  assert.deepEqual(decode(gb).problems, [])
  const broken = new Uint8Array([...gb.subarray(0, 2), 0xff, ...gb.subarray(2)])
  const decoded = decode(broken)
  assert.equal(decoded.encoding, 'gb18030')
  assert.ok(decoded.text.startsWith('第\uFFFD1行'), 'kept, not dropped')
  assert.deepEqual(
    decoded.problems.map(({line, column}) => [line, column]),
    [[1, 2]]
  )
})

test('read C: a Big5 page decoded as GB18030 is reported as doubtful', () => {
  // 中國報這個們說為時來, from the Big5 table; each checked against the Big5 decoder.
  const big5: Array<[string, number[]]> = [
    ['中', [0xa4, 0xa4]],
    ['國', [0xb0, 0xea]],
    ['報', [0xb3, 0xf8]],
    ['這', [0xb3, 0x6f]],
    ['個', [0xad, 0xd3]],
    ['們', [0xad, 0xcc]],
    ['說', [0xbb, 0xa1]],
    ['為', [0xac, 0xb0]],
    ['時', [0xae, 0xc9]],
    ['來', [0xa8, 0xd3]]
  ]
  for (const [char, bytes] of big5) assert.equal(new TextDecoder('big5').decode(new Uint8Array(bytes)), char)
  const line = big5.flatMap(([, bytes]) => bytes)
  const bytes = new Uint8Array(Array.from({length: 20}, () => [...line, 0x0a]).flat())
  const source = readGazette('big5.txt', bytes)
  const doubt = source.reports.filter((report) => rule(report) === 'read:encoding' && severityOf(report) === 'warning')
  assert.equal(doubt.length, 1, JSON.stringify(source.reports))
  assert.match(doubt[0]!.message, /Big5/u)
  // Mainland GB text is not doubtful.
  assert.deepEqual(problems(readGazette('gb.txt', encodeGb18030(utf8Page)).reports), [])
})

// ---------------------------------------------------------------------------
// D. YAML aliases

const aliased = (count: number) => Array.from({length: count}, (_, index) => `  f${index}.txt: *common`).join('\n')

test('read D: a manifest with 120 entries sharing one anchor is read, not a crash', () => {
  const manifest = parseManifest(
    `common: &common {paper: 测试报, page: 1}\ngazettes:\n  first.txt: {paper: 测试报}\n${aliased(120)}\n`
  )
  assert.deepEqual(
    manifest.reports.map((report) => report.line),
    [1],
    'only the unknown top-level key'
  )
  assert.equal(manifest.entries.size, 121)
  assert.deepEqual(manifest.entries.get('f119.txt'), {paper: '测试报', page: 1})
})

test('read D: 3,000 aliased manifest entries are read; corrections with 120 aliases too', () => {
  const manifest = parseManifest(`gazettes:\n  first.txt: &common {paper: 测试报}\n${aliased(3000)}\n`)
  assert.deepEqual(manifest.reports, [])
  assert.equal(manifest.entries.size, 3001)
  const entries = aliased(120).replace(/^ {2}/gmu, '')
  const corrections = parseCorrections(`first.txt: &common [{line: 1, title: 标题}]\n${entries}\n`)
  assert.deepEqual(corrections.reports, [])
  assert.equal(corrections.entries.get('f119.txt')?.[0]?.title, '标题')
})

test('read D: a billion-laughs manifest or front matter is reported at a line, quickly, and not expanded', () => {
  const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let level = 1; level < 10; level++) {
    const [name, below] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)]
    levels.push(`${name}: &${name} [${Array.from({length: 9}, () => `*${below}`).join(', ')}]`)
  }
  const started = Date.now()
  const manifest = parseManifest(`gazettes:\n  x.txt: {paper: 测试报}\n${levels.join('\n')}\n`)
  assert.ok(Date.now() - started < 1000)
  const aliasReport = manifest.reports.find((report) => /alias/u.test(report.message))
  assert.ok(aliasReport && aliasReport.line !== undefined && aliasReport.line > 2, JSON.stringify(manifest.reports))
  const source = readGazette('a.txt', utf8(`---\n${levels.join('\n')}\n---\n${page}`))
  const front = source.reports.find((report) => rule(report) === 'read:front-matter')
  assert.ok(front && front.line !== undefined && front.line > 1, JSON.stringify(source.reports))
  assert.equal(source.text.trim(), page.trim())
})

// ---------------------------------------------------------------------------
// E. Front matter and manifest entries field by field

const front = (lines: string[]) => utf8(['---', ...lines, '---', page].join('\n'))

test('read E: one bad front-matter field is reported at its line in plain words; the other fields are kept', () => {
  const zero = readGazette('a.txt', front(['paper: 测试报', 'date: 2022-03-04', 'page: 0']))
  assert.deepEqual(zero.metadata, {paper: '测试报', date: '2022-03-04', page: null, pageName: null, region: null})
  const page0 = 'page: expected a whole number from 1 (got 0)'
  assert.deepEqual(problems(zero.reports), [[4, 'read:front-matter', 'error', page0]])

  const feb30 = readGazette('a.txt', front(['paper: 测试报', 'date: 2022-02-30', 'page: 2']))
  assert.deepEqual(feb30.metadata, {paper: '测试报', date: null, page: 2, pageName: null, region: null})
  const notReal = 'date: 2022-02-30 is not a real date (expected YYYY-MM-DD)'
  assert.deepEqual(problems(feb30.reports), [[3, 'read:front-matter', 'error', notReal]])
})

test('read E: a misspelt key is reported with the field it was likely meant for; the others are kept', () => {
  const source = readGazette('a.txt', front(['paper: 测试报', 'dat: 2022-03-04', 'Page: 3', 'colour: red']))
  assert.deepEqual(source.metadata, {paper: '测试报', date: null, page: null, pageName: null, region: null})
  assert.deepEqual(problems(source.reports), [
    [3, 'read:front-matter', 'error', 'unknown field `dat` — did you mean `date`?'],
    [4, 'read:front-matter', 'error', 'unknown field `Page` — did you mean `page`?'],
    [5, 'read:front-matter', 'error', 'unknown field `colour` (expected paper, date, page, pageName or region)']
  ])
})

test('read E: front matter with no closing --- is an error at line 1; kept as text, nothing titled ---', () => {
  const text = '---\npaper: 测试报\n\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
  const source = readGazette('a.txt', utf8(text))
  assert.deepEqual(
    problems(source.reports).map((each) => each.slice(0, 3)),
    [[1, 'read:front-matter', 'error']]
  )
  assert.match(source.reports[0]!.message, /front matter not closed/u)
  assert.equal(source.text.split('\n').length, text.split('\n').length, 'line numbers hold')
  assert.ok(source.text.includes('paper: 测试报') && source.text.includes('石港镇召开春耕会议'), 'nothing lost')
  const gazette = processText(text)
  const titles = gazette.items.map((item) => item.title ?? '')
  assert.ok(
    titles.every((title) => !title.startsWith('---')),
    JSON.stringify(titles)
  )
})

test('read E: a duplicate key in the manifest is reported at its line; the first is used, the rest kept', () => {
  const entries = ['a.txt: {page: 1}', 'b.txt: {page: 2}', 'a.txt: {page: 3}', 'c.txt: {page: 4}']
  const lines = ['defaults: {paper: 测试报}', 'gazettes:', ...entries.map((entry) => `  ${entry}`)]
  const manifest = parseManifest(`${lines.join('\n')}\n`)
  const again = 'a.txt is given again (first at line 3): this one is ignored'
  assert.deepEqual(problems(manifest.reports), [[5, 'read:manifest', 'error', again]])
  const pages = [...manifest.entries].map(([name, entry]) => [name, entry.page])
  assert.deepEqual(pages, [
    ['a.txt', 1],
    ['b.txt', 2],
    ['c.txt', 4]
  ])
  assert.equal(manifest.defaults?.paper, '测试报')
})

test('read E: manifest entries and defaults go field by field', () => {
  const defaults = 'defaults: {paper: 测试报, region: 3206x}'
  const lines = [defaults, 'gazettes:', '  a.txt:', '    date: 2022-01-01', '    page: 0']
  const manifest = parseManifest(`${lines.join('\n')}\n`)
  assert.deepEqual(manifest.defaults, {paper: '测试报'})
  assert.deepEqual(manifest.entries.get('a.txt'), {date: '2022-01-01'})
  assert.deepEqual(problems(manifest.reports), [
    [1, 'read:manifest', 'error', 'defaults: region: expected a division code of 2, 4, 6 or 9 digits (got "3206x")'],
    [5, 'read:manifest', 'error', 'a.txt: page: expected a whole number from 1 (got 0)']
  ])
})

// ---------------------------------------------------------------------------
// F. Characters XML forbids

test('read F: noncharacters, unpaired surrogates, C0 controls leave the text, each reported at line:column', () => {
  const text = '标题\uFFFE一\n二\uFFFF\u0001三\n\uFDD0四\u{1FFFE}五\u{10FFFF}\n六\u0008\u001F'
  const decoded = decode(utf8(text))
  assert.equal(decoded.text, '标题\uFFFD一\n二\uFFFD三\n\uFFFD四\uFFFD五\uFFFD\n六')
  const places = decoded.problems.map(({line, column}) => [line, column])
  assert.deepEqual(places, [
    [1, 3],
    [2, 2],
    [2, 3],
    [3, 1],
    [3, 3],
    [3, 6],
    [4, 2],
    [4, 3]
  ])
  assert.match(decoded.problems[0]!.message, /U\+FFFE/u)

  // UTF-16 with an unpaired high surrogate: no lone surrogate reaches the text.
  const units = [0xd800, 0x4e00, 0x000a, 0xdc00]
  const utf16 = decode(new Uint8Array([0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])]))
  assert.doesNotMatch(utf16.text, /[\uD800-\uDFFF]/u)
  assert.equal(utf16.problems.length, 2)
  const xmlForbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
  assert.doesNotMatch(decoded.text + utf16.text, xmlForbidden)
})

// ---------------------------------------------------------------------------
// G. Small ones

test('read G: page: true is an error for that field, not page 1', () => {
  const source = readGazette('a.txt', front(['paper: 测试报', 'page: true']))
  assert.deepEqual(source.metadata, {paper: '测试报', date: null, page: null, pageName: null, region: null})
  const notPage = 'page: expected a whole number from 1 (got true)'
  assert.deepEqual(problems(source.reports), [[3, 'read:front-matter', 'error', notPage]])
})

test('read G: a region that is no division code is a tag warning and is ignored', () => {
  const gazette = processText(page, '999999', 'a.txt')
  const found = gazette.reports.filter((report) => rule(report) === 'tag:region')
  assert.deepEqual(found.map(shape), [{file: 'a.txt', line: null, ruleId: 'tag:region', severity: 'warning'}])
  assert.equal(found[0]!.message, 'region 999999 is not a division code: ignored')
  const codes = (region: string | null) =>
    processText(page, region, 'a.txt').items[0]!.places.map((place) => place.code)
  assert.deepEqual(codes('999999'), codes(null))
  assert.deepEqual(
    processText(page, '320612').reports.filter((report) => rule(report) === 'tag:region'),
    []
  )
})

test('read G: with a %YAML 1.1 directive, date: 2023-02-30 is an error, not 2023-03-02', () => {
  // In front matter the directive needs a marker the fence does not match (`--- # …`); the manifest needs nothing.
  const withDirective = (lines: string[]) => utf8(['---', '%YAML 1.1', '--- # 1.1', ...lines, '---', page].join('\n'))
  const notReal = 'date: 2023-02-30 is not a real date (expected YYYY-MM-DD)'
  const source = readGazette('a.txt', withDirective(['date: 2023-02-30', 'page: 2']))
  assert.equal(source.metadata.date, null)
  assert.equal(source.metadata.page, 2)
  assert.deepEqual(problems(source.reports), [[4, 'read:front-matter', 'error', notReal]])
  const dated = readGazette('a.txt', withDirective(['date: 2023-02-28']))
  assert.equal(dated.metadata.date, '2023-02-28')

  const manifest = parseManifest(
    '%YAML 1.1\n---\ngazettes:\n  a.txt: {date: 2023-02-30, page: 2}\n  b.txt: {date: 2023-02-28}\n'
  )
  assert.deepEqual(manifest.entries.get('a.txt'), {page: 2})
  assert.deepEqual(manifest.entries.get('b.txt'), {date: '2023-02-28'})
  assert.deepEqual(problems(manifest.reports), [[4, 'read:manifest', 'error', `a.txt: ${notReal}`]])
})

test('read G: a file name or message with a newline or other control character is printed as one report line', () => {
  const forged = 'a.txt\n  9:9  error  forged  read:x'
  const output = formatReports([
    message(forged, 'read', 'decode', 'one\ntwo\u001b[31m', {line: 2, column: 1, severity: 'warning'}),
    message('b.txt', 'read', 'not-text', 'left out', {severity: 'warning'})
  ])
  assert.doesNotMatch(output, /^\s*9:9\s+error\s+forged/mu)
  assert.ok(output.includes('a.txt\\n  9:9  error  forged  read:x'), output)
  assert.ok(output.includes('one\\ntwo\\x1B[31m'), output)
  assert.equal(output.split('\n').filter((line) => /one/u.test(line)).length, 1)
})

test('read G: stray NULs, early or past 64 KB, are removed with a warning at line:column; binary is binary', () => {
  const early = readGazette('a.txt', utf8(`标题\0\n\n${page}`))
  assert.deepEqual(problems(early.reports), [[1, 'read:decode', 'warning', 'control character U+0000 removed']])
  assert.equal(early.reports[0]!.column, 3)
  assert.equal(whyNotText(utf8(`标题\0\n\n${page}`)), undefined)
  const long = `${'本报讯 日前，通州区石港镇召开会议。\n'.repeat(2000)}尾\0巴\n`
  assert.ok(utf8(long).length > 65536)
  assert.equal(whyNotText(utf8(long)), undefined)
  assert.deepEqual(
    problems(readGazette('b.txt', utf8(long)).reports).map((each) => each[0]),
    [2001]
  )

  const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]
  const png = new Uint8Array([...header, ...new Array<number>(64).fill(0)])
  assert.equal(whyNotText(png), 'binary file, not text (NUL byte at offset 8)')
  // Compressed data (a PDF's streams, a .docx) has few NULs but many control bytes.
  const random = Uint8Array.from({length: 4096}, (_, index) => (index * 2654435761) >>> 24)
  assert.match(whyNotText(random) ?? '', /^binary file/u)
})
