/*
 * Reading a content folder: one bad input costs only itself (issue 17), and
 * a rebuild reads only what changed. Each test makes what it needs in the
 * temp directory and removes it when it ends.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, symlinkSync, unlinkSync, utimesSync, writeFileSync, cpSync} from 'node:fs'
import {open, writeFile, copyFile} from 'node:fs/promises'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {test} from 'node:test'
import {readAtMost, readChanged, readFolder} from '../../src/read/read-folder.js'
import {sampleFiles, samplesDir, folderWithSamples, assertRead, shortPage as page} from '../helpers/samples.js'
import {tempDir} from '../helpers/temp-dir.js'
import {problems, reportsFor, rule, severityOf, shape} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

/** Two of the bundled samples: the gazettes that must still be read. */
const sampleA = must(sampleFiles[0])
const sampleB = must(sampleFiles[2])

const error = (file: string, ruleId: string) => ({file, line: null, ruleId, severity: 'error'})
const sources = (gazettes: Array<{source: string}>) => gazettes.map((gazette) => gazette.source)

test(
  'bad input 1: an empty file and white-space-only files are left out with a warning naming each; the ' +
    'others are read',
  async (t) => {
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
    assert.match(must(reportsFor(reports, 'empty.txt')[0]).message, /left out: empty file/u)
    for (const name of ['blank.txt', 'bom-only.txt', 'front-only.txt']) {
      const found = reportsFor(reports, name)
      assert.equal(found.length, 1, `one report for ${name}`)
      assert.deepEqual(shape(found[0]), {file: name, line: null, ruleId: 'read:not-text', severity: 'warning'})
      assert.match(must(found[0]).message, /left out: no text/u)
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
  }
)

test('bad input 9b: a dangling symlink x.txt is reported as unreadable, not silently skipped', async (t) => {
  const dir = folderWithSamples(t, 'dangling')
  symlinkSync(join(dir, 'missing-target.txt'), join(dir, 'x.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assertRead(gazettes, [sampleA])
  const found = reportsFor(reports, 'x.txt')
  assert.deepEqual(found.map(shape), [{file: 'x.txt', line: null, ruleId: 'read:unreadable', severity: 'error'}])
  assert.match(must(found[0]).message, /left out: cannot read: .*ENOENT/u)
})

test('bad input 9c: a folder named x.txt is a folder: the gazettes in it are read, nothing is reported', async (t) => {
  const dir = folderWithSamples(t, 'folder-named-txt')
  mkdirSync(join(dir, 'x.txt'))
  copyFileSync(join(samplesDir, sampleB), join(dir, 'x.txt', 'inner.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assert.deepEqual(reports, [])
  assertRead(gazettes, [sampleA, 'x.txt/inner.txt'])
})

test(
  'bad input 8b: an entry written as a block (`name:` then its lines) is reported at the line of its ' +
    'name, not at its first field',
  async (t) => {
    const dir = folderWithSamples(t, 'block-entries')
    writeFileSync(
      join(dir, 'manifest.yaml'),
      ['gazettes:', `  ${sampleA}:`, '    date: 2022-03-05', '    colour: red', ''].join('\n')
    )
    writeFileSync(join(dir, 'corrections.yaml'), ['gone.txt:', '  - {line: 1, title: x}', ''].join('\n'))
    const {reports} = await readFolder(dir)
    const manifest = reportsFor(reports, 'manifest.yaml')
    assert.equal(manifest.length, 1)
    assert.match(must(manifest[0]).message, /colour/u)
    assert.ok(
      must(manifest[0]).line === 2 || must(manifest[0]).line === 4,
      `reported at line ${must(manifest[0]).line}: the entry (2) or its bad key (4), not the good field on line 3`
    )
    assert.deepEqual(reportsFor(reports, 'corrections.yaml').map(shape), [
      {file: 'corrections.yaml', line: 1, ruleId: 'read:corrections', severity: 'error'}
    ])
  }
)

test('read A: a link to a file outside the content folder is left out as read:outside-link, unprinted', async (t) => {
  const dir = folderWithSamples(t, 'outside')
  const outside = tempDir(t, 'outside-target')
  writeFileSync(join(outside, 'secret.txt'), `SECRET-LINE-ONE\n${page}`)
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'passwd.txt'))
  // A relative link climbing out of the folder is outside too.
  symlinkSync(join('..', must(outside.split('/').at(-1)), 'secret.txt'), join(dir, 'relative.txt'))
  const {gazettes, reports} = await readFolder(dir)

  assert.deepEqual(sources(gazettes), [sampleA])
  for (const name of ['passwd.txt', 'relative.txt']) {
    const found = reportsFor(reports, name)
    assert.deepEqual(found.map(shape), [error(name, 'read:outside-link')])
    assert.match(
      must(found[0]).message,
      new RegExp(`${name.replace('.', '\\.')}.*link.*outside the content folder`, 'u')
    )
  }
  assert.doesNotMatch(JSON.stringify(reports), /SECRET|secret\.txt/u, 'neither the target nor its text is printed')
})

test('read A: a link to /dev/zero is left out at once, not read until killed', {timeout: 5000}, async (t) => {
  const dir = folderWithSamples(t, 'dev-zero')
  symlinkSync('/dev/zero', join(dir, 'zero.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assert.deepEqual(sources(gazettes), [sampleA])
  assert.deepEqual(reportsFor(reports, 'zero.txt').map(shape), [error('zero.txt', 'read:outside-link')])
})

test('read A: a FIFO, a socket, a link to a FIFO: not regular files, reported; no hang', {timeout: 5000}, async (t) => {
  const dir = folderWithSamples(t, 'fifo')
  execFileSync('mkfifo', [join(dir, 'x.txt')])
  symlinkSync('x.txt', join(dir, 'to-fifo.txt'))
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.txt'), resolve))
  t.after(() => server.close())
  const {gazettes, reports} = await readFolder(dir)

  assert.deepEqual(sources(gazettes), [sampleA])
  assert.deepEqual(
    reports.map(shape),
    ['socket.txt', 'to-fifo.txt', 'x.txt'].map((file) => error(file, 'read:not-regular'))
  )
  assert.match(must(reportsFor(reports, 'x.txt')[0]).message, /^left out: not a regular file \(a FIFO\)$/u)
  assert.match(must(reportsFor(reports, 'to-fifo.txt')[0]).message, /^left out: not a regular file \(a FIFO\)$/u)
  assert.match(must(reportsFor(reports, 'socket.txt')[0]).message, /^left out: not a regular file \(a socket\)$/u)
})

test('read A: a link inside the folder to another file inside it is still read', async (t) => {
  const dir = folderWithSamples(t, 'inside-link')
  mkdirSync(join(dir, 'pages'))
  writeFileSync(join(dir, 'pages', 'real.txt'), page)
  symlinkSync(join('pages', 'real.txt'), join(dir, 'alias.txt'))
  const {gazettes, reports} = await readFolder(dir)
  assert.deepEqual(reports, [])
  assert.deepEqual(sources(gazettes), [sampleA, 'alias.txt', 'pages/real.txt'])
  assert.equal(must(gazettes[1]).text, page)
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
  const dir = folderWithSamples(t, 'manifest-link')
  const outside = tempDir(t, 'manifest-target')
  writeFileSync(join(outside, 'm.yaml'), 'defaults: {paper: SECRET}\n')
  symlinkSync(join(outside, 'm.yaml'), join(dir, 'manifest.yaml'))
  execFileSync('mkfifo', [join(dir, 'corrections.yaml')])
  const {gazettes, reports} = await readFolder(dir)
  assert.equal(must(gazettes[0]).metadata.paper, null)
  const expected = [error('manifest.yaml', 'read:outside-link'), error('corrections.yaml', 'read:not-regular')]
  assert.deepEqual(reports.map(shape), expected)
  assert.doesNotMatch(JSON.stringify(reports), /SECRET/u)
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
  const link = must(again.gazettes.find((gazette) => gazette.source === 'link.txt'))
  assert.ok('text' in link, 'read again')
  assert.match(link.text, /秋收/u)
  // The target's own change is seen through the link.
  writeFileSync(join(dir, 't2.txt'), page.replace('春耕', '冬训'))
  const third = await readChanged(dir, {}, again.known)
  const changed = must(third.gazettes.find((gazette) => gazette.source === 'link.txt'))
  assert.ok('text' in changed && /冬训/u.test(changed.text))
})

test(
  'readChanged: a file unchanged since the last read comes as its record of then, without text; a ' +
    'touched one, a new manifest or a new size limit read again',
  async (t) => {
    const folder = tempDir(t, 'known')
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
    const touched = join(folder, must(sampleFiles[1]))
    utimesSync(touched, new Date(), new Date(Date.now() + 5000))
    assert.deepEqual(
      (await readChanged(folder, {}, first.known)).gazettes.map((gazette) => 'text' in gazette),
      [false, true, false]
    )
    assert.ok((await readChanged(folder, {maxBytes: 1e6}, first.known)).gazettes.every((gazette) => 'text' in gazette))
    writeFileSync(join(folder, 'manifest.yaml'), 'defaults: {paper: 如东日报}\n')
    const renamed = await readChanged(folder, {}, first.known)
    assert.ok(renamed.gazettes.every((gazette) => 'text' in gazette && gazette.metadata.paper === '如东日报'))
  }
)

test(
  'readChanged: two files claiming one page lose the page number in the build that reads them, not in ' +
    'what is kept for the next',
  async (t) => {
    const folder = tempDir(t, 'known')
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
  }
)

test(
  'corrections: the content folder’s file reaches its gazettes; entries for missing files ' + 'are reported',
  async (t) => {
    const folder = tempDir(t, 'corrections')
    await copyFile(join(samplesDir, '002_e35de4d7f730652c.txt'), join(folder, 'page.txt'))
    await writeFile(
      join(folder, 'corrections.yaml'),
      'page.txt:\n  - {line: 93, starts: article}\ngone.txt:\n  - {line: 1, title: x}\n'
    )
    const {gazettes, reports} = await readFolder(folder)
    assert.deepEqual(must(gazettes[0]).corrections, [{line: 93, starts: 'article', at: 2}])
    assert.deepEqual(
      reports.map((report) => [report.file, severityOf(report), report.message]),
      [['corrections.yaml', 'error', 'entry for gone.txt, which is not in the folder']]
    )
  }
)
