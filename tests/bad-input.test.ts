/*
 * Bad input: what a build does with files that are not what it expects.
 *
 * Each test makes its own content folder in the temp directory, copies one
 * or two sample gazettes into it (to check that the rest of the folder is
 * still read and built), adds the bad input, and checks the report (file,
 * line, rule, severity, message) and what was built.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve, sep} from 'node:path'
import {test, type TestContext} from 'node:test'
import {buildArchiveFromFolder} from '../src/pipeline/build.js'
import {processGazette} from '../src/pipeline/process-gazette.js'
import {parseCorrections} from '../src/read/corrections.js'
import {readFolder} from '../src/read/read-folder.js'
import {readGazette} from '../src/read/read-gazette.js'
import {buildSite} from '../src/site/build-site.js'
import type {VFileMessage} from 'vfile-message'
import type {Gazette, SourceGazette} from '../src/model/types.js'
import {rule, severityOf, shape} from './helpers/messages.js'
import {assertSameFiles, encodeGb18030, filesBelow, sampleFiles, samplesDir} from './helpers.js'
import {names} from './helpers/stages.js'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')

/** Two of the bundled samples: the gazettes that must still be built. */
const sampleA = sampleFiles[0]!
const sampleB = sampleFiles[2]!

const utf8 = (text: string) => new TextEncoder().encode(text)

/** A fresh content folder, removed when the test ends. */
function tempDir(t: TestContext, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gazette-bad-${name}-`))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

/** A content folder with the given samples copied in under their own names. */
function folderWithSamples(t: TestContext, name: string, samples: string[] = [sampleA]): string {
  const dir = tempDir(t, name)
  for (const sample of samples) copyFileSync(join(samplesDir, sample), join(dir, sample))
  return dir
}

const reportsFor = (reports: VFileMessage[], file: string) => reports.filter((report) => report.file === file)
const problems = (reports: VFileMessage[]) => reports.filter((report) => severityOf(report) !== 'info')

/** The named sources were read, with text in them. */
function assertRead(gazettes: SourceGazette[], names: string[]) {
  for (const name of names) {
    const source = gazettes.find((gazette) => gazette.source === name)
    assert.ok(source, `${name} was read`)
    assert.ok(source.text.trim().length > 100, `${name} has its text`)
  }
}

/** The named gazettes were split into items. */
function assertBuilt(gazettes: Gazette[], names: string[]) {
  for (const name of names) {
    const gazette = gazettes.find((each) => each.source === name)
    assert.ok(gazette, `${name} was built`)
    assert.ok(gazette.items.length > 0, `${name} has items`)
  }
}

// ---------------------------------------------------------------------------
// 1–3, 9: files that are not gazette pages

test('bad input 1: an empty file and white-space-only files are left out with a warning naming each; the others are read', async (t) => {
  const dir = folderWithSamples(t, 'empty', [sampleA, sampleB])
  writeFileSync(join(dir, 'empty.txt'), '')
  writeFileSync(join(dir, 'blank.txt'), '  \n\u3000\u3000\n\t\r\n\r\n')
  writeFileSync(join(dir, 'bom-only.txt'), new Uint8Array([0xef, 0xbb, 0xbf]))
  writeFileSync(join(dir, 'front-only.txt'), '---\npaper: 测试报\n---\n\n')
  const {gazettes, reports} = await readFolder(dir)

  assert.deepEqual(shape(reportsFor(reports, 'empty.txt')[0]), {
    file: 'empty.txt',
    line: null,
    ruleId: 'read:not-text',
    severity: 'warning'
  })
  assert.match(reportsFor(reports, 'empty.txt')[0]!.message, /left out: empty file/u)
  for (const name of ['blank.txt', 'bom-only.txt', 'front-only.txt']) {
    const found = reportsFor(reports, name)
    assert.equal(found.length, 1, `one report for ${name}`)
    assert.deepEqual(shape(found[0]), {file: name, line: null, ruleId: 'read:not-text', severity: 'warning'})
    assert.match(found[0]!.message, /left out: no text/u)
  }
  assert.deepEqual(
    problems(reports)
      .map((report) => report.file)
      .sort(),
    ['blank.txt', 'bom-only.txt', 'empty.txt', 'front-only.txt']
  )
  assert.deepEqual(
    gazettes.map((gazette) => gazette.source),
    [sampleA, sampleB]
  )
  assertRead(gazettes, [sampleA, sampleB])
})

test('bad input 2: a binary file named .txt is left out with an error read:not-text', async (t) => {
  const dir = folderWithSamples(t, 'binary')
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]
  writeFileSync(join(dir, 'x.txt'), new Uint8Array([...png, ...new Array<number>(64).fill(0)]))
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const found = reportsFor(archive.reports, 'x.txt')
  assert.equal(found.length, 1)
  assert.deepEqual(shape(found[0]), {file: 'x.txt', line: null, ruleId: 'read:not-text', severity: 'error'})
  assert.match(found[0]!.message, /left out: binary file, not text \(NUL byte at offset 8\)/u)
  assert.deepEqual(
    gazettes.map((gazette) => gazette.source),
    [sampleA]
  )
  assertBuilt(gazettes, [sampleA])
})

test('bad input 3: a 50 MB file is left out as read:too-large with its size; readFolder’s maxBytes sets the limit', async (t) => {
  const dir = folderWithSamples(t, 'large', [sampleA, sampleB])
  const huge = join(dir, 'huge.txt')
  // Sparse: 50 MB long without writing 50 MB.
  const fd = openSync(huge, 'w')
  ftruncateSync(fd, 50 * 1024 * 1024)
  closeSync(fd)
  t.after(() => rmSync(huge, {force: true}))

  const started = Date.now()
  const {gazettes, reports} = await readFolder(dir)
  assert.ok(Date.now() - started < 2000, 'the large file is not read')
  const found = reportsFor(reports, 'huge.txt')
  assert.equal(found.length, 1)
  assert.deepEqual(shape(found[0]), {file: 'huge.txt', line: null, ruleId: 'read:too-large', severity: 'error'})
  assert.match(found[0]!.message, /left out: 50\.0 MB is more than the 5\.0 MB/u)
  assert.match(found[0]!.message, /--max-file-size/u)
  assertRead(gazettes, [sampleA, sampleB])

  // A limit above the file's size: it is read (and, being all NUL bytes, left out as binary instead).
  const generous = await readFolder(dir, {maxBytes: 60 * 1024 * 1024})
  assert.deepEqual(
    reportsFor(generous.reports, 'huge.txt').map((report) => rule(report)),
    ['read:not-text']
  )

  // A limit between the two samples' sizes: only the larger sample is left out.
  rmSync(huge)
  const [small, large] = [sampleA, sampleB].sort(
    (a, b) => statSync(join(dir, a)).size - statSync(join(dir, b)).size
  ) as [string, string]
  const maxBytes = Math.floor((statSync(join(dir, small)).size + statSync(join(dir, large)).size) / 2)
  const limited = await readFolder(dir, {maxBytes})
  assert.deepEqual(
    limited.gazettes.map((gazette) => gazette.source),
    [small]
  )
  assert.deepEqual(limited.reports.map(shape), [{file: large, line: null, ruleId: 'read:too-large', severity: 'error'}])
  // The pipeline passes the option on.
  const {gazettes: built} = await buildArchiveFromFolder({input: dir, maxBytes})
  assert.deepEqual(
    built.map((gazette) => gazette.source),
    [small]
  )
})

test('bad input 9b: a dangling symlink x.txt is reported as unreadable, not silently skipped', async (t) => {
  const dir = folderWithSamples(t, 'dangling')
  symlinkSync(join(dir, 'missing-target.txt'), join(dir, 'x.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assertRead(gazettes, [sampleA])
  const found = reportsFor(reports, 'x.txt')
  assert.deepEqual(found.map(shape), [{file: 'x.txt', line: null, ruleId: 'read:unreadable', severity: 'error'}])
  assert.match(found[0]!.message, /left out: cannot read: .*ENOENT/u)
})

test('bad input 9c: a folder named x.txt is a folder: the gazettes in it are read, nothing is reported', async (t) => {
  const dir = folderWithSamples(t, 'folder-named-txt')
  mkdirSync(join(dir, 'x.txt'))
  copyFileSync(join(samplesDir, sampleB), join(dir, 'x.txt', 'inner.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assert.deepEqual(reports, [])
  assertRead(gazettes, [sampleA, 'x.txt/inner.txt'])
})

// ---------------------------------------------------------------------------
// 4–8: metadata and corrections

test('bad input 4: invalid YAML in front matter is an error at its line; the gazette still builds with its text', async (t) => {
  const dir = folderWithSamples(t, 'front-matter')
  writeFileSync(
    join(dir, 'bad-yaml.txt'),
    '---\npaper: 测试报\ndate: a: b\npage: 1\n---\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const found = problems(reportsFor(archive.reports, 'bad-yaml.txt'))
  assert.deepEqual(found.map(shape), [{file: 'bad-yaml.txt', line: 3, ruleId: 'read:front-matter', severity: 'error'}])
  assert.match(found[0]!.message, /^front matter is not valid YAML: /u)

  const gazette = gazettes.find((each) => each.source === 'bad-yaml.txt')!
  assert.deepEqual(
    gazette.metadata,
    {paper: null, date: null, page: null, pageName: null, region: null},
    'none of the front matter is used'
  )
  assert.equal(gazette.items.length, 1)
  const [item] = gazette.items
  assert.equal(item!.title, '石港镇召开春耕会议')
  assert.equal(item!.start.line, 6, 'line numbers still count the front matter')
  assert.equal(item!.body[0]!.text, '本报讯 日前，通州区石港镇召开会议，部署春耕工作。')
  assert.doesNotMatch(JSON.stringify(gazette.items), /paper|date: a/u, 'the front matter is not read as text')
  assertBuilt(gazettes, [sampleA])
})

test('bad input 4b: a front-matter YAML error does not cite a line that contradicts the report’s own', () => {
  const source = readGazette('bad-yaml.txt', utf8('---\npaper: 测试报\ndate: a: b\npage: 1\n---\n标题\n\n正文。\n'))
  const report = source.reports.find((each) => rule(each) === 'read:front-matter')!
  assert.equal(report.line, 3)
  const cited = /at line (\d+)/u.exec(report.message)
  assert.ok(
    cited === null || Number(cited[1]) === report.line,
    `“${report.message}” is reported at line ${report.line}`
  )
})

test('bad input 5: a bad manifest entry is an error at its line in manifest.yaml; the other entries and the defaults still apply', async (t) => {
  const dir = folderWithSamples(t, 'manifest', [sampleA, sampleB])
  writeFileSync(join(dir, 'c.txt'), '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n')
  writeFileSync(
    join(dir, 'manifest.yaml'),
    [
      '# metadata',
      'defaults:',
      '  paper: 测试报',
      'gazettes:',
      `  ${sampleA}: {date: 2022-03-04, page: 1, pageName: 要闻}`,
      `  ${sampleB}: {date: 2022-03-04, page: -3}`,
      '  c.txt: {date: 2022-03-05, colour: red}',
      ''
    ].join('\n')
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const found = reportsFor(archive.reports, 'manifest.yaml')
  assert.deepEqual(found.map(shape), [
    {file: 'manifest.yaml', line: 6, ruleId: 'read:manifest', severity: 'error'},
    {file: 'manifest.yaml', line: 7, ruleId: 'read:manifest', severity: 'error'}
  ])
  assert.match(found[0]!.message, new RegExp(`^${sampleB.replace(/\./gu, '\\.')}: page: .*`, 'u'))
  assert.match(found[1]!.message, /^c\.txt: .*colour/u)

  const metadata = (name: string) => gazettes.find((gazette) => gazette.source === name)?.metadata
  assert.deepEqual(
    metadata(sampleA),
    {paper: '测试报', date: '2022-03-04', page: 1, pageName: '要闻', region: null},
    'a good entry applies'
  )
  assert.deepEqual(
    metadata(sampleB),
    {paper: '测试报', date: '2022-03-04', page: null, pageName: null, region: null},
    'only the bad field is left out; the defaults still apply'
  )
  assert.deepEqual(metadata('c.txt'), {paper: '测试报', date: '2022-03-05', page: null, pageName: null, region: null})
  assertBuilt(gazettes, [sampleA, sampleB, 'c.txt'])
  assert.deepEqual(
    problems(archive.reports).filter((report) => report.file !== 'manifest.yaml'),
    []
  )
})

test('bad input 6: an impossible date (2023-02-30) is an error naming the field; the gazette is built undated', async (t) => {
  const dir = folderWithSamples(t, 'date')
  writeFileSync(
    join(dir, 'feb30.txt'),
    '---\npaper: 测试报\ndate: 2023-02-30\npage: 2\n---\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const found = problems(reportsFor(archive.reports, 'feb30.txt'))
  assert.equal(found.length, 1)
  assert.deepEqual(
    {...shape(found[0]), line: undefined},
    {file: 'feb30.txt', line: undefined, ruleId: 'read:front-matter', severity: 'error'}
  )
  assert.ok(
    found[0]!.line !== undefined && found[0]!.line >= 1 && found[0]!.line <= 5,
    'reported within the front matter'
  )
  assert.match(found[0]!.message, /\bdate\b.*real date/u)

  const gazette = gazettes.find((each) => each.source === 'feb30.txt')!
  assert.equal(gazette.metadata.date, null)
  assert.equal(gazette.items[0]?.title, '石港镇召开春耕会议')
  assert.deepEqual(archive.undated?.gazetteIds.includes(gazette.id), true, 'listed with the undated pages')
  assert.deepEqual(archive.stats.firstDate, null)
  assertBuilt(gazettes, [sampleA])
})

test('bad input 7: two files claiming the same paper, date and page: an error naming both; both built, the later without a page number, ids unique', async (t) => {
  const dir = folderWithSamples(t, 'same-page')
  const page = (title: string) =>
    `---\npaper: 测试报\ndate: 2022-03-04\npage: 2\n---\n${title}\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n`
  writeFileSync(join(dir, 'p2a.txt'), page('石港镇召开春耕会议'))
  writeFileSync(join(dir, 'p2b.txt'), page('石港镇召开秋收会议'))
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const found = archive.reports.filter((report) => rule(report) === 'read:same-page')
  assert.deepEqual(found.map(shape), [{file: 'p2b.txt', line: null, ruleId: 'read:same-page', severity: 'error'}])
  assert.match(
    found[0]!.message,
    /claims the same page as p2a\.txt \(测试报, 2022-03-04, page 2\): built without a page number/u
  )

  const first = gazettes.find((gazette) => gazette.source === 'p2a.txt')!
  const later = gazettes.find((gazette) => gazette.source === 'p2b.txt')!
  assert.equal(first.metadata.page, 2)
  assert.deepEqual(later.metadata, {paper: '测试报', date: '2022-03-04', page: null, pageName: null, region: null})
  assert.equal(first.items[0]?.title, '石港镇召开春耕会议')
  assert.equal(later.items[0]?.title, '石港镇召开秋收会议')
  assert.notEqual(first.id, later.id)
  const ids = archive.items.map((item) => item.id)
  assert.equal(new Set(ids).size, ids.length, 'item ids are unique')
  assert.equal(new Set(archive.items.map((item) => item.url)).size, ids.length, 'item URLs are unique')
  assertBuilt(gazettes, [sampleA, 'p2a.txt', 'p2b.txt'])
})

test('bad input 7b: gazettes whose file names slug alike (`a b.txt`, `a-b.txt`) still get distinct ids', async (t) => {
  const dir = folderWithSamples(t, 'slug-collision')
  writeFileSync(join(dir, 'a b.txt'), '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n')
  writeFileSync(join(dir, 'a-b.txt'), '石港镇召开秋收会议\n\n本报讯 日前，通州区石港镇召开会议，部署秋收工作。\n')
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})
  assertBuilt(gazettes, [sampleA, 'a b.txt', 'a-b.txt'])
  assert.equal(
    new Set(gazettes.map((gazette) => gazette.id)).size,
    gazettes.length,
    `gazette ids: ${gazettes.map((gazette) => gazette.id).join(', ')}`
  )
  const ids = archive.items.map((item) => item.id)
  assert.equal(new Set(ids).size, ids.length, 'item ids are unique')
})

test('bad input 8: corrections pointing at a line in no item, or at a file not in the folder, are errors naming corrections.yaml and its line', async (t) => {
  const dir = folderWithSamples(t, 'corrections')
  writeFileSync(
    join(dir, 'page.txt'),
    '---\npaper: 测试报\n---\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
  )
  writeFileSync(
    join(dir, 'corrections.yaml'),
    [
      'page.txt:',
      '  - {line: 4, title: 石港镇部署春耕}',
      '  - {line: 999, title: 无处}',
      '  - {line: 2, kicker: 前言}',
      'gone.txt: [{line: 1, title: x}]',
      ''
    ].join('\n')
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const missing = reportsFor(archive.reports, 'corrections.yaml')
  assert.deepEqual(missing.map(shape), [
    {file: 'corrections.yaml', line: 5, ruleId: 'read:corrections', severity: 'error'}
  ])
  assert.equal(missing[0]!.message, 'entry for gone.txt, which is not in the folder')

  const nowhere = archive.reports.filter((report) => rule(report) === 'split:correction')
  assert.deepEqual(nowhere.map(shape), [
    {file: 'page.txt', line: 999, ruleId: 'split:correction', severity: 'error'},
    {file: 'page.txt', line: 2, ruleId: 'split:correction', severity: 'error'}
  ])
  assert.match(nowhere[0]!.message, /correction from corrections\.yaml line 3 points nowhere: line 999 is in no item/u)
  assert.match(nowhere[1]!.message, /correction from corrections\.yaml line 4 points nowhere: line 2 is in no item/u)

  const page = gazettes.find((gazette) => gazette.source === 'page.txt')!
  assert.equal(page.items.length, 1)
  assert.equal(page.items[0]!.title, '石港镇部署春耕', 'the good correction still applies')
  assert.equal(page.items[0]!.kicker, null)
  assert.deepEqual(page.items[0]!.corrections.length, 1)
  assertBuilt(gazettes, [sampleA])
})

test('bad input 8b: an entry written as a block (`name:` then its lines) is reported at the line of its name, not at its first field', async (t) => {
  const dir = folderWithSamples(t, 'block-entries')
  writeFileSync(
    join(dir, 'manifest.yaml'),
    ['gazettes:', `  ${sampleA}:`, '    date: 2022-03-05', '    colour: red', ''].join('\n')
  )
  writeFileSync(join(dir, 'corrections.yaml'), ['gone.txt:', '  - {line: 1, title: x}', ''].join('\n'))
  const {reports} = await readFolder(dir)
  const manifest = reportsFor(reports, 'manifest.yaml')
  assert.equal(manifest.length, 1)
  assert.match(manifest[0]!.message, /colour/u)
  assert.ok(
    manifest[0]!.line === 2 || manifest[0]!.line === 4,
    `reported at line ${manifest[0]!.line}: the entry (2) or its bad key (4), not the good field on line 3`
  )
  assert.deepEqual(reportsFor(reports, 'corrections.yaml').map(shape), [
    {file: 'corrections.yaml', line: 1, ruleId: 'read:corrections', severity: 'error'}
  ])
})

test('bad input 8c: a place correction for a line past the end of the file is reported and not applied to the last item', () => {
  const text = '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
  const {entries, reports} = parseCorrections('page.txt:\n  - {line: 999, addPlaces: [海门区常乐镇]}\n')
  assert.deepEqual(reports, [])
  const gazette = processGazette(readGazette('page.txt', utf8(text), {corrections: entries.get('page.txt')}), names())
  assert.deepEqual(gazette.reports.filter((report) => rule(report) === 'split:correction').map(shape), [
    {file: 'page.txt', line: 999, ruleId: 'split:correction', severity: 'error'}
  ])
  assert.deepEqual(
    gazette.items.at(-1)!.places.map((place) => place.code),
    ['320612', '320612110'],
    'the last item keeps its own places only'
  )
})

// ---------------------------------------------------------------------------
// 10: encodings

test('bad input 10: a GB18030 file with CRLF line ends and a UTF-8 file with a BOM and CRLF are read correctly', async (t) => {
  // The table agrees with the bytes written out by hand.
  assert.deepEqual(
    [...encodeGb18030('通州区石港镇')],
    [0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8, 0xca, 0xaf, 0xb8, 0xdb, 0xd5, 0xf2]
  )

  const dir = folderWithSamples(t, 'encodings')
  const lines = (page: number, title: string) => [
    '---',
    'paper: 通州日报',
    'date: 2022-03-04',
    `page: ${page}`,
    '---',
    title,
    '',
    '本报讯 日前，通州区石港镇召开会议，部署春耕生产工作。',
    ''
  ]
  writeFileSync(join(dir, 'gb.txt'), encodeGb18030(lines(1, '石港镇召开春耕会议').join('\r\n')))
  writeFileSync(
    join(dir, 'bom.txt'),
    new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(lines(2, '石港镇部署秋收工作').join('\r\n'))])
  )
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir})

  const gb = gazettes.find((gazette) => gazette.source === 'gb.txt')!
  const bom = gazettes.find((gazette) => gazette.source === 'bom.txt')!
  assert.deepEqual(
    reportsFor(archive.reports, 'gb.txt').map((report) => [rule(report), severityOf(report), report.message]),
    [['read:encoding', 'info', 'read as gb18030']]
  )
  assert.deepEqual(reportsFor(archive.reports, 'bom.txt'), [], 'UTF-8 with a BOM is nothing to report')
  for (const [gazette, page, title] of [
    [gb, 1, '石港镇召开春耕会议'],
    [bom, 2, '石港镇部署秋收工作']
  ] as const) {
    assert.deepEqual(
      gazette.metadata,
      {paper: '通州日报', date: '2022-03-04', page, pageName: null, region: null},
      `${gazette.source}: front matter read`
    )
    assert.equal(gazette.items.length, 1)
    const item = gazette.items[0]!
    assert.equal(item.title, title)
    assert.equal(item.start.line, 6)
    assert.deepEqual(
      item.body.map((block) => block.text),
      ['本报讯 日前，通州区石港镇召开会议，部署春耕生产工作。']
    )
    assert.ok(
      item.places.some((place) => place.code === '320612110'),
      `${gazette.source}: tagged with 石港镇`
    )
    assert.doesNotMatch(
      JSON.stringify(gazette.items),
      /\\r|\\ufeff|\ufeff|\ufffd/iu,
      `${gazette.source}: no CR, BOM or replacement character`
    )
  }

  const {gazettes: sources} = await readFolder(dir)
  for (const source of sources.filter((each) => each.source !== sampleA)) {
    assert.equal(source.text.includes('\r'), false, `${source.source}: LF line ends`)
    assert.equal(source.text.startsWith('\ufeff'), false, `${source.source}: no BOM`)
    assert.equal(source.text.split('\n')[5], source.source === 'gb.txt' ? '石港镇召开春耕会议' : '石港镇部署秋收工作')
  }
  assertBuilt(gazettes, [sampleA])
})

// ---------------------------------------------------------------------------
// 11–12: a failed build leaves the published site as it was

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', timeout: 60_000})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

test('bad input 11: gazette build --strict fails on a bad file and leaves the output as it was; without --strict it builds and replaces it', (t) => {
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
  assert.deepEqual(readdirSync(parent).sort(), ['.site.gazette', 'site'], 'no build or previous folder left beside it')
})

test('bad input 11b: gazette build rejects a --max-file-size that is not a number instead of reading every file whatever its size', (t) => {
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
})

// ---------------------------------------------------------------------------
// 13–15: the site

test('bad input 13: building the samples twice gives the same files, byte for byte', async (t) => {
  const outputs: string[] = []
  for (const name of ['first', 'second']) {
    const {archive, gazettes} = await buildArchiveFromFolder({input: samplesDir})
    const output = tempDir(t, `determinism-${name}`)
    await buildSite(archive, gazettes, {output, basePath: '/', siteUrl: 'https://example.org'})
    outputs.push(output)
  }
  const [first, second] = outputs as [string, string]
  assert.ok(filesBelow(first).length > 50)
  assertSameFiles(second, first)
})

test('bad input 14: file and folder names with spaces, Chinese and dots give ASCII URLs, and the site is written only inside the output folder', async (t) => {
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
  const escaped = gazettes.find((gazette) => gazette.source === 'escape.txt')!
  assert.equal(escaped.metadata.paper, '../../逃逸报/..')
  assert.match(escaped.id, /^[a-z0-9-]+$/u)
})

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
    if (stack.length === 0) roots.push(tag!)
    if (closing) assert.equal(stack.pop(), tag, `${name}: </${tag}> closes what it did not open`)
    else if (!selfClosing) stack.push(tag!)
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
    const char = text[index]!
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

test('bad input 15: markup, template syntax and formulas in titles and metadata are inert in pages, feeds, JSON and CSV', async (t) => {
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

  const item = gazettes.find((gazette) => gazette.source === 'unsafe.txt')!.items[0]!
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
    join(output, archive.gazettes.find((gazette) => gazette.source === 'unsafe.txt')!.url, 'index.html'),
    'utf8'
  )
  assert.match(
    page,
    /<title>=HYPERLINK\(&quot;http:\/\/x\.example&quot;,&quot;点&quot;\)\{\{ 7\*7 \}\}&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img src=x/u
  )
  assert.match(page, /<h1>=HYPERLINK\(&quot;http:\/\/x\.example&quot;,&quot;点&quot;\)\{\{ 7\*7 \}\}&lt;script&gt;/u)
  assert.match(page, /<p class="kicker">\+引题&lt;b&gt;加粗&lt;\/b&gt;\{\{ 7\*7 \}\}——<\/p>/u)
  assert.match(
    page,
    /<p class="subtitle">@SUM\(1\+1\)副题&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\{\{ 7\*7 \}\}\{% raw %\}&lt;\/script&gt;<\/p>/u
  )
  assert.match(
    page,
    /<p class="citation" id="citation">[^<]*\[N\]\. &quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\{\{ 7\*7 \}\}报, 2022-03-04\(1\)\./u,
    'the paper, escaped, in the citation'
  )
  assert.match(
    page,
    /<meta name="citation_journal_title" content="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\{\{ 7\*7 \}\}报">/u,
    'and in the meta tags'
  )
  assert.match(
    gazettePage,
    /<title>&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\{\{ 7\*7 \}\}报 2022-03-04 第1版 &lt;script&gt;alert\(1\)&lt;\/script&gt;\{% raw %\}/u,
    'the page name, escaped'
  )

  // JSON-LD: parses, holds the text as written, and cannot close its <script>.
  const jsonLd = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gsu)]
  assert.equal(jsonLd.length, 1)
  assert.doesNotMatch(jsonLd[0]![1]!, /<\/?script|<img/iu)
  const article = JSON.parse(jsonLd[0]![1]!) as {
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
      /<title>=HYPERLINK\(&quot;http:\/\/x\.example&quot;,&quot;点&quot;\)\{\{ 7\*7 \}\}&lt;script&gt;alert\(1\)&lt;\/script&gt;/u,
      feedFile
    )
    assert.match(
      feed,
      /<content type="html">&lt;p&gt;本报讯 正文(?:&amp;#x3C;|&amp;lt;)script&gt;alert\(1\)/u,
      `${feedFile}: body markup escaped twice (HTML in XML)`
    )
  }

  // JSON export: the text as written.
  const exported = JSON.parse(readFileSync(join(output, 'data', '2022.json'), 'utf8')) as {
    gazettes: Array<{
      source: string
      metadata: {paper: string}
      items: Array<{title: string; subtitle: string; body: Array<{text: string}>}>
    }>
  }
  const unsafe = exported.gazettes.find((gazette) => gazette.source === 'unsafe.txt')!
  assert.equal(unsafe.items[0]!.title, title)
  assert.equal(unsafe.items[0]!.body[0]!.text, `本报讯 正文${payload}内容。通州区石港镇召开会议。`)
  assert.equal(unsafe.metadata.paper, '"><img src=x onerror=alert(1)>{{ 7*7 }}报')

  // CSV: quotes do not break the columns; no cell starts as a formula.
  const csvText = readFileSync(join(output, 'data', '2022.csv'), 'utf8')
  assert.ok(csvText.startsWith('\ufeff'))
  const [header, ...rows] = parseCsv(csvText.slice(1))
  assert.ok(header && header.length === 12, 'twelve columns')
  for (const row of rows) assert.equal(row.length, header.length, `row ${row[0]} has ${header.length} cells`)
  for (const cell of rows.flat())
    assert.doesNotMatch(cell, /^[=+\-@\t\r]/u, `cell “${cell.slice(0, 30)}” would run as a formula`)
  const row = rows.find((each) => each[0] === item.id)!
  const cell = (name: string) => row[header.indexOf(name)]
  assert.equal(cell('title'), `'${title}`)
  assert.equal(cell('kicker'), `'+引题<b>加粗</b>{{ 7*7 }}——`)
  assert.equal(cell('subtitle'), `'@SUM(1+1)副题${payload}`)
  assert.equal(cell('paper'), '"><img src=x onerror=alert(1)>{{ 7*7 }}报')
  assert.equal(cell('source'), 'unsafe.txt')
})
