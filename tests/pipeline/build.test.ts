import assert from 'node:assert/strict'
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  closeSync,
  ftruncateSync,
  openSync,
  statSync
} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {serialize} from 'node:v8'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {pruneCache} from '../../src/incremental/folder-record.js'
import {pipelineVersion} from '../../src/incremental/version.js'
import {cacheKey, readStored} from '../../src/incremental/cache.js'
import {readFolder} from '../../src/read/read-folder.js'
import {readSample, sampleFiles, samplesDir, folderWithSamples, assertRead, assertBuilt} from '../helpers/samples.js'
import {encodeGb18030, utf8} from '../helpers/bytes.js'
import {tempDir} from '../helpers/temp-dir.js'
import {problems, reportsFor, rule, severityOf, shape} from '../helpers/messages.js'
import {must} from '../helpers/must.js'
import {pool} from '../helpers/stages.js'

/** Two of the bundled samples: the gazettes that must still be built. */
const sampleA = must(sampleFiles[0])
const sampleB = must(sampleFiles[2])

test(
  'cache: a second build takes every gazette from the cache; a damaged or missing entry is split ' +
    'again; a changed correction misses it',
  async (t) => {
    const cache = tempDir(t, 'cache')
    const first = await buildArchiveFromFolder({input: samplesDir, cache, pool: pool()})
    assert.equal(readdirSync(cache).filter((name) => name.endsWith('.v8')).length, sampleFiles.length)
    const progress: number[] = []
    const second = await buildArchiveFromFolder({
      input: samplesDir,
      cache,
      onProgress: (done) => progress.push(done),
      pool: pool()
    })
    assert.deepEqual(second.gazettes, first.gazettes)
    assert.deepEqual(progress, [], 'nothing was split again')
    // An entry cut short (a full disk) is split again and written anew.
    const entry = join(cache, must(readdirSync(cache).find((name) => name.endsWith('.v8'))))
    writeFileSync(entry, readFileSync(entry).subarray(0, 100))
    const again: number[] = []
    const third = await buildArchiveFromFolder({
      input: samplesDir,
      cache,
      onProgress: (done) => again.push(done),
      pool: pool()
    })
    assert.deepEqual(third.gazettes, first.gazettes)
    assert.deepEqual(again, [sampleFiles.length])
    assert.ok(readStored(entry), 'written anew, whole')
    // The files were not read again, being unchanged: an entry gone from the cache has them all read.
    rmSync(entry)
    const fourth = await buildArchiveFromFolder({input: samplesDir, cache, pool: pool()})
    assert.deepEqual(fourth.gazettes, first.gazettes)
    const source = readSample(must(sampleFiles[0]))
    assert.notEqual(cacheKey(source, 'v'), cacheKey({...source, corrections: [{line: 3, at: 1, title: '新'}]}, 'v'))
    assert.notEqual(cacheKey(source, 'v'), cacheKey({...source, hash: 'other'}, 'v'))
  }
)

test(
  'cache: pruning deletes the results no content folder uses (a changed file’s old one, an older ' +
    'version’s) and keeps every folder’s own',
  async (t) => {
    const cache = tempDir(t, 'cache')
    const folder = (files: string[]) => {
      const input = tempDir(t, 'input')
      for (const file of files) copyFileSync(join(samplesDir, file), join(input, file))
      return input
    }
    const [first, second, third] = sampleFiles
    assert.ok(first && second && third, 'three samples')
    const one = folder([first, second])
    const other = folder([third])
    await buildArchiveFromFolder({input: one, cache, pool: pool()})
    await buildArchiveFromFolder({input: other, cache, pool: pool()})
    const entries = () => readdirSync(cache).filter((name) => name.endsWith('.v8'))
    assert.equal(await pruneCache(cache, await pipelineVersion()), 0)
    assert.equal(entries().length, 3)
    // A changed file leaves its old result behind; an older version leaves its folder record and results.
    appendFileSync(join(one, first), '\n新增一段正文。\n')
    await buildArchiveFromFolder({input: one, cache, pool: pool()})
    mkdirSync(join(cache, 'folders'), {recursive: true})
    // As an older version wrote them: V8's format without a checksum.
    writeFileSync(
      join(cache, 'folders', `${'f'.repeat(16)}.v8`),
      serialize({version: 'older', files: {}, keys: ['0'.repeat(32)]})
    )
    writeFileSync(join(cache, `${'0'.repeat(32)}.v8`), serialize({}))
    assert.equal(entries().length, 5)
    assert.equal(await pruneCache(cache, await pipelineVersion()), 2)
    assert.equal(entries().length, 3)
    assert.deepEqual(readdirSync(join(cache, 'folders')).length, 2, 'the older version’s record is gone')
    // Both folders still find all their results.
    for (const input of [one, other]) {
      const progress: number[] = []
      await buildArchiveFromFolder({input, cache, onProgress: (done) => progress.push(done), pool: pool()})
      assert.deepEqual(progress, [], `${input}: nothing split again`)
    }
  }
)

test(
  'paper context: a build reads a page in its paper’s home, keeps that result through pruning and ' + 'reads it back',
  async (t) => {
    const cache = tempDir(t, 'cache')
    const input = tempDir(t, 'input')
    // Pages written for the test: three name their county twice; the fourth names only a town's short form.
    const front = '---\npaper: 句容日报\n---\n'
    for (const [index, topic] of ['召开会议', '开展整治', '举办培训'].entries())
      writeFileSync(
        join(input, `p${index}.txt`),
        `${front}句容市${topic}\n\n本报讯 日前，句容市${topic}。\n\n\n句容市再${topic}\n\n本报讯 句容市又${topic}。\n`
      )
    writeFileSync(join(input, 'p3.txt'), `${front}道教文化节开幕\n\n日前，茅山举办道教文化节。\n`)
    const town = (gazettes: Awaited<ReturnType<typeof buildArchiveFromFolder>>['gazettes']) =>
      must(must(gazettes.find((gazette) => gazette.source === 'p3.txt')).items[0]).places.map((place) => place.code)
    const first = await buildArchiveFromFolder({input, cache, pool: pool()})
    assert.deepEqual(town(first.gazettes), ['321183', '321183105'])
    const entries = () => readdirSync(cache).filter((name) => name.endsWith('.v8'))
    assert.equal(entries().length, 5, 'four pages, and the fourth in its paper’s home')
    assert.equal(await pruneCache(cache, await pipelineVersion()), 0)
    const second = await buildArchiveFromFolder({input, cache, pool: pool()})
    assert.deepEqual(town(second.gazettes), ['321183', '321183105'])
    assert.equal(second.keys.get('p3.txt'), first.keys.get('p3.txt'))
  }
)

test('bad input 2: a binary file named .txt is left out with an error read:not-text', async (t) => {
  const dir = folderWithSamples(t, 'binary')
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]
  writeFileSync(join(dir, 'x.txt'), new Uint8Array([...png, ...new Array<number>(64).fill(0)]))
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

  const found = reportsFor(archive.reports, 'x.txt')
  assert.equal(found.length, 1)
  assert.deepEqual(shape(found[0]), {file: 'x.txt', line: null, ruleId: 'read:not-text', severity: 'error'})
  assert.match(must(found[0]).message, /left out: binary file, not text \(NUL byte at offset 8\)/u)
  assert.deepEqual(
    gazettes.map((gazette) => gazette.source),
    [sampleA]
  )
  assertBuilt(gazettes, [sampleA])
})

test(
  'bad input 3: a 50 MB file is left out as read:too-large with its size; readFolder’s maxBytes ' + 'sets the limit',
  async (t) => {
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
    assert.match(must(found[0]).message, /left out: 50\.0 MB is more than the 5\.0 MB/u)
    assert.match(must(found[0]).message, /--max-file-size/u)
    assertRead(gazettes, [sampleA, sampleB])

    // A limit above the file's size: it is read (and, being all NUL bytes, left out as binary instead).
    const generous = await readFolder(dir, {maxBytes: 60 * 1024 * 1024})
    assert.deepEqual(
      reportsFor(generous.reports, 'huge.txt').map((report) => rule(report)),
      ['read:not-text']
    )

    // A limit between the two samples' sizes: only the larger sample is left out.
    rmSync(huge)
    const [small, large] = [sampleA, sampleB].sort((a, b) => statSync(join(dir, a)).size - statSync(join(dir, b)).size)
    assert.ok(small && large)
    const maxBytes = Math.floor((statSync(join(dir, small)).size + statSync(join(dir, large)).size) / 2)
    const limited = await readFolder(dir, {maxBytes})
    assert.deepEqual(
      limited.gazettes.map((gazette) => gazette.source),
      [small]
    )
    assert.deepEqual(limited.reports.map(shape), [
      {file: large, line: null, ruleId: 'read:too-large', severity: 'error'}
    ])
    // The pipeline passes the option on.
    const {gazettes: built} = await buildArchiveFromFolder({input: dir, maxBytes, pool: pool()})
    assert.deepEqual(
      built.map((gazette) => gazette.source),
      [small]
    )
  }
)

test(
  'bad input 4: invalid YAML in front matter is an error at its line; the gazette still builds ' + 'with its text',
  async (t) => {
    const dir = folderWithSamples(t, 'front-matter')
    writeFileSync(
      join(dir, 'bad-yaml.txt'),
      '---\npaper: 测试报\ndate: a: b\npage: 1\n---\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
    )
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

    const found = problems(reportsFor(archive.reports, 'bad-yaml.txt'))
    assert.deepEqual(found.map(shape), [
      {file: 'bad-yaml.txt', line: 3, ruleId: 'read:front-matter', severity: 'error'}
    ])
    assert.match(must(found[0]).message, /^front matter is not valid YAML: /u)

    const gazette = must(gazettes.find((each) => each.source === 'bad-yaml.txt'))
    assert.deepEqual(
      gazette.metadata,
      {paper: null, date: null, page: null, pageName: null, region: null},
      'none of the front matter is used'
    )
    assert.equal(gazette.items.length, 1)
    const [item] = gazette.items
    assert.equal(must(item).title, '石港镇召开春耕会议')
    assert.equal(must(item).start.line, 6, 'line numbers still count the front matter')
    assert.equal(must(must(item).body[0]).text, '本报讯 日前，通州区石港镇召开会议，部署春耕工作。')
    assert.doesNotMatch(JSON.stringify(gazette.items), /paper|date: a/u, 'the front matter is not read as text')
    assertBuilt(gazettes, [sampleA])
  }
)

test(
  'bad input 5: a bad manifest entry is an error at its line in manifest.yaml; the other entries and ' +
    'the defaults still apply',
  async (t) => {
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
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

    const found = reportsFor(archive.reports, 'manifest.yaml')
    assert.deepEqual(found.map(shape), [
      {file: 'manifest.yaml', line: 6, ruleId: 'read:manifest', severity: 'error'},
      {file: 'manifest.yaml', line: 7, ruleId: 'read:manifest', severity: 'error'}
    ])
    assert.match(must(found[0]).message, new RegExp(`^${sampleB.replace(/\./gu, '\\.')}: page: .*`, 'u'))
    assert.match(must(found[1]).message, /^c\.txt: .*colour/u)

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
  }
)

test(
  'bad input 6: an impossible date (2023-02-30) is an error naming the field; the gazette is ' + 'built undated',
  async (t) => {
    const dir = folderWithSamples(t, 'date')
    writeFileSync(
      join(dir, 'feb30.txt'),
      '---\npaper: 测试报\ndate: 2023-02-30\npage: 2\n---\n石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n'
    )
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

    const found = problems(reportsFor(archive.reports, 'feb30.txt'))
    assert.equal(found.length, 1)
    assert.deepEqual(
      {...shape(found[0]), line: undefined},
      {file: 'feb30.txt', line: undefined, ruleId: 'read:front-matter', severity: 'error'}
    )
    const line = must(found[0]).line ?? 0
    assert.ok(line >= 1 && line <= 5, 'reported within the front matter')
    assert.match(must(found[0]).message, /\bdate\b.*real date/u)

    const gazette = must(gazettes.find((each) => each.source === 'feb30.txt'))
    assert.equal(gazette.metadata.date, null)
    assert.equal(gazette.items[0]?.title, '石港镇召开春耕会议')
    assert.deepEqual(archive.undated?.gazetteIds.includes(gazette.id), true, 'listed with the undated pages')
    assert.deepEqual(archive.stats.firstDate, null)
    assertBuilt(gazettes, [sampleA])
  }
)

test(
  'bad input 7: two files claiming the same paper, date and page: an error naming both; both built, ' +
    'the later without a page number, ids unique',
  async (t) => {
    const dir = folderWithSamples(t, 'same-page')
    const page = (title: string) =>
      `---\npaper: 测试报\ndate: 2022-03-04\npage: 2\n---\n${title}\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n`
    writeFileSync(join(dir, 'p2a.txt'), page('石港镇召开春耕会议'))
    writeFileSync(join(dir, 'p2b.txt'), page('石港镇召开秋收会议'))
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

    const found = archive.reports.filter((report) => rule(report) === 'read:same-page')
    assert.deepEqual(found.map(shape), [{file: 'p2b.txt', line: null, ruleId: 'read:same-page', severity: 'error'}])
    assert.match(
      must(found[0]).message,
      /claims the same page as p2a\.txt \(测试报, 2022-03-04, page 2\): built without a page number/u
    )

    const first = must(gazettes.find((gazette) => gazette.source === 'p2a.txt'))
    const later = must(gazettes.find((gazette) => gazette.source === 'p2b.txt'))
    assert.equal(first.metadata.page, 2)
    assert.deepEqual(later.metadata, {paper: '测试报', date: '2022-03-04', page: null, pageName: null, region: null})
    assert.equal(first.items[0]?.title, '石港镇召开春耕会议')
    assert.equal(later.items[0]?.title, '石港镇召开秋收会议')
    assert.notEqual(first.id, later.id)
    const ids = archive.items.map((item) => item.id)
    assert.equal(new Set(ids).size, ids.length, 'item ids are unique')
    assert.equal(new Set(archive.items.map((item) => item.url)).size, ids.length, 'item URLs are unique')
    assertBuilt(gazettes, [sampleA, 'p2a.txt', 'p2b.txt'])
  }
)

test('bad input 7b: gazettes whose file names slug alike (`a b.txt`, `a-b.txt`) still get distinct ids', async (t) => {
  const dir = folderWithSamples(t, 'slug-collision')
  writeFileSync(join(dir, 'a b.txt'), '石港镇召开春耕会议\n\n本报讯 日前，通州区石港镇召开会议，部署春耕工作。\n')
  writeFileSync(join(dir, 'a-b.txt'), '石港镇召开秋收会议\n\n本报讯 日前，通州区石港镇召开会议，部署秋收工作。\n')
  const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})
  assertBuilt(gazettes, [sampleA, 'a b.txt', 'a-b.txt'])
  assert.equal(
    new Set(gazettes.map((gazette) => gazette.id)).size,
    gazettes.length,
    `gazette ids: ${gazettes.map((gazette) => gazette.id).join(', ')}`
  )
  const ids = archive.items.map((item) => item.id)
  assert.equal(new Set(ids).size, ids.length, 'item ids are unique')
})

test(
  'bad input 8: corrections pointing at a line in no item, or at a file not in the folder, are errors ' +
    'naming corrections.yaml and its line',
  async (t) => {
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
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

    const missing = reportsFor(archive.reports, 'corrections.yaml')
    assert.deepEqual(missing.map(shape), [
      {file: 'corrections.yaml', line: 5, ruleId: 'read:corrections', severity: 'error'}
    ])
    assert.equal(must(missing[0]).message, 'entry for gone.txt, which is not in the folder')

    const nowhere = archive.reports.filter((report) => rule(report) === 'split:correction')
    assert.deepEqual(nowhere.map(shape), [
      {file: 'page.txt', line: 999, ruleId: 'split:correction', severity: 'error'},
      {file: 'page.txt', line: 2, ruleId: 'split:correction', severity: 'error'}
    ])
    assert.match(
      must(nowhere[0]).message,
      /correction from corrections\.yaml line 3 points nowhere: line 999 is in no item/u
    )
    assert.match(
      must(nowhere[1]).message,
      /correction from corrections\.yaml line 4 points nowhere: line 2 is in no item/u
    )

    const page = must(gazettes.find((gazette) => gazette.source === 'page.txt'))
    assert.equal(page.items.length, 1)
    assert.equal(must(page.items[0]).title, '石港镇部署春耕', 'the good correction still applies')
    assert.equal(must(page.items[0]).kicker, null)
    assert.deepEqual(must(page.items[0]).corrections.length, 1)
    assertBuilt(gazettes, [sampleA])
  }
)

test(
  'bad input 10: a GB18030 file with CRLF line ends and a UTF-8 file with a BOM and CRLF are ' + 'read correctly',
  async (t) => {
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
    const {archive, gazettes} = await buildArchiveFromFolder({input: dir, pool: pool()})

    const gb = must(gazettes.find((gazette) => gazette.source === 'gb.txt'))
    const bom = must(gazettes.find((gazette) => gazette.source === 'bom.txt'))
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
      const item = must(gazette.items[0])
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
  }
)
