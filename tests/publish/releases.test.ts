import assert from 'node:assert/strict'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {markerName, Output, storeOf} from '../../src/publish/releases.js'
import {filesBelow, writeFiles} from '../helpers/files.js'
import {tempDir} from '../helpers/temp-dir.js'
import {publish} from '../helpers/publish.js'
import {must} from '../helpers/must.js'

/** A site's files and their text. */
function contents(site: string): Record<string, string> {
  return Object.fromEntries(filesBelow(site).map((name) => [name, readFileSync(join(site, name), 'utf8')]))
}

async function update(
  site: string,
  changes: {replace?: string[]; remove?: string[]},
  files: Record<string, string>
): Promise<void> {
  const output = await Output.open(site)
  try {
    await output.publishUpdate({replace: changes.replace ?? [], remove: changes.remove ?? []}, async (folder) =>
      writeFiles(folder, files)
    )
  } finally {
    output.close()
  }
}

test(
  'publish: a full build is a link to a release with a marker, readable by others (0755 under ' + 'umask 022)',
  async (t) => {
    const work = tempDir(t, 'publish-full')
    const site = join(work, 'site')
    const umask = process.umask(0o022)
    t.after(() => process.umask(umask))
    await publish(site, {'index.html': 'home', 'items/a/index.html': 'a'})
    assert.ok(lstatSync(site).isSymbolicLink())
    assert.deepEqual(contents(site), {
      [markerName]: contents(site)[markerName],
      'index.html': 'home',
      'items/a/index.html': 'a'
    })
    assert.equal(statSync(site).mode & 0o777, 0o755)
    assert.equal(statSync(storeOf(site)).mode & 0o777, 0o755)
    assert.equal(
      readFileSync(join(storeOf(site), '.gitignore'), 'utf8'),
      '*\n',
      'the releases stay out of a repository'
    )

    await publish(site, {'index.html': 'second'})
    assert.deepEqual(Object.keys(contents(site)).sort(), [markerName, 'index.html'])
    assert.deepEqual(
      readdirSync(storeOf(site)).filter((name) => name.startsWith('r-')).length,
      1,
      'the old release is deleted'
    )
    assert.deepEqual(readdirSync(work), ['.site.gazette', 'site'])
  }
)

test('publish: a failed build leaves the published site and no folder behind', async (t) => {
  const site = join(tempDir(t, 'publish-fail'), 'site')
  await publish(site, {'index.html': 'home'})
  const output = await Output.open(site)
  await assert.rejects(
    output.publishFull(async (folder) => {
      writeFiles(folder, {'index.html': 'half'})
      throw new Error('boom')
    }),
    /boom/u
  )
  await assert.rejects(
    output.publishUpdate({replace: [], remove: ['index.html']}, async () => {
      throw new Error('boom')
    }),
    /boom/u
  )
  output.close()
  assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), 'home')
  assert.deepEqual(
    readdirSync(storeOf(site)).filter((name) => name.startsWith('building-')),
    []
  )
})

test(
  'publish: updates move new files in, replace whole folders, delete removed pages, and keep the ' + 'twin in step',
  async (t) => {
    const site = join(tempDir(t, 'publish-update'), 'site')
    await publish(site, {
      'index.html': 'v1',
      'items/a/index.html': 'a1',
      'items/b/index.html': 'b1',
      'search/2024/old.json': 'x'
    })
    await update(
      site,
      {replace: ['search/2024'], remove: ['items/b/index.html']},
      {'index.html': 'v2', 'search/2024/new.json': 'y'}
    )
    const v2 = {'index.html': 'v2', 'items/a/index.html': 'a1', 'search/2024/new.json': 'y'}
    const withoutMarker = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([name]) => name !== markerName))
    assert.deepEqual(withoutMarker(contents(site)), v2)
    assert.ok(!existsSync(join(site, 'items/b')), 'a removed page goes with its folder')
    // The next updates write into the twin, which must first catch up with v2.
    await update(site, {}, {'items/c/index.html': 'c3'})
    assert.deepEqual(withoutMarker(contents(site)), {...v2, 'items/c/index.html': 'c3'})
    await update(site, {remove: ['items/a/index.html']}, {'index.html': 'v4'})
    assert.deepEqual(withoutMarker(contents(site)), {
      'index.html': 'v4',
      'search/2024/new.json': 'y',
      'items/c/index.html': 'c3'
    })
    const releases = readdirSync(storeOf(site)).filter((name) => name.startsWith('r-'))
    assert.equal(releases.length, 2, 'the published release and its twin')
    // Unchanged files are shared, not copied.
    const [one, two] = releases.map((name) => statSync(join(storeOf(site), name, 'search/2024/new.json')).ino)
    assert.equal(one, two)
  }
)

test('publish: the next build clears what a killed one left, and puts back a site moved aside', async (t) => {
  const work = tempDir(t, 'publish-recover')
  const site = join(work, 'site')
  await publish(site, {'index.html': 'home'})
  const store = storeOf(site)
  mkdirSync(join(store, 'building-killed'))
  mkdirSync(join(store, 'r-orphan'))
  writeFileSync(join(store, 'r-orphan', markerName), '')
  symlinkSync('nowhere', join(store, 'link-killed'))
  mkdirSync(join(work, '.site.building-old'))
  const output = await Output.open(site)
  output.close()
  assert.deepEqual(readdirSync(store).sort(), ['.gitignore', must(output.published)])
  assert.deepEqual(readdirSync(work).sort(), ['.site.gazette', 'site'])

  // Killed between the two renames of an older version's swap: the site only survives as .site.previous-PID.
  const old = join(work, 'old')
  const previous = join(work, '.old.previous-123')
  writeFiles(previous, {'index.html': 'old site'})
  ;(await Output.open(old)).close()
  assert.equal(readFileSync(join(old, 'index.html'), 'utf8'), 'old site')
  assert.ok(!existsSync(previous))
})

test('publish: a journal naming paths outside the site is ignored; nothing outside is deleted', async (t) => {
  const work = tempDir(t, 'publish-journal')
  const site = join(work, 'site')
  writeFileSync(join(work, 'victim.txt'), 'mine')
  await publish(site, {'index.html': 'v1'})
  await update(site, {}, {'index.html': 'v2'})
  const journal = join(storeOf(site), 'twin.json')
  const value = JSON.parse(readFileSync(journal, 'utf8')) as {paths: string[]}
  writeFileSync(journal, JSON.stringify({...value, paths: [...value.paths, '../../victim.txt']}))
  await update(site, {}, {'index.html': 'v3'})
  assert.equal(readFileSync(join(work, 'victim.txt'), 'utf8'), 'mine')
  assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), 'v3')
  const output = await Output.open(site)
  await assert.rejects(
    output.publishUpdate({replace: [], remove: ['../victim.txt']}, async () => undefined),
    /outside the site/u
  )
  output.close()
  assert.equal(readFileSync(join(work, 'victim.txt'), 'utf8'), 'mine')
})
