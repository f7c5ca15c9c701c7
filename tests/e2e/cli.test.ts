import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {samplesDir} from '../helpers/samples.js'
import {compiledCli, sourceCli as cli} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })

test('cli: gazette split --json prints the public data format and nothing else', () => {
  const output = run('split', join(samplesDir, '000_da22e97339b67c99.txt'), '--json')
  const data = JSON.parse(output) as {
    gazettes: Array<{items: Array<{kind: string; title: string | null; places: Array<{code: string}>}>}>
  }
  assert.equal(data.gazettes.length, 1)
  assert.equal(must(data.gazettes[0]).items.length, 10)
  assert.equal(must(must(data.gazettes[0]).items[1]).title, '白甸镇：178条河道 发包养鱼虾')
})

test('cli: gazette split lists items, and --report prints decisions with file and line', () => {
  const result = execFileSync(
    process.execPath,
    ['--import', 'tsx', cli, 'split', join(samplesDir, '004_189048a86de1eba6.txt'), '--report'],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
  )
  assert.match(result, /〔太仓市〕 精准监督严守耕地红线/u)
  const both = execFileSync(
    'sh',
    [
      '-c',
      `"${process.execPath}" --import tsx "${cli}" split "${join(samplesDir, '004_189048a86de1eba6.txt')}"` +
        ' --report 2>&1 >/dev/null'
    ],
    {encoding: 'utf8'}
  )
  assert.match(both, /77:1.*removed paragraph repeating line 73/u)
})

test('cli: gazette build works from any folder, paths taken against it', (t) => {
  const folder = tempDir(t, 'cwd')
  const output = execFileSync(
    process.execPath,
    [compiledCli, 'build', '-i', samplesDir, '-o', 'site', '--cache', 'cache', '-q'],
    {cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
  )
  assert.match(output, /^built site\//u)
  assert.ok(
    existsSync(join(folder, 'site', 'index.html')) && existsSync(join(folder, 'site', 'search-index', 'meta.json'))
  )
})

test('cli: gazette build without a content folder says so and fails, writing nothing', (t) => {
  const folder = tempDir(t, 'none')
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      'build',
      '-i',
      join(folder, 'missing'),
      '-o',
      join(folder, 'site'),
      '--cache',
      join(folder, 'cache')
    ],
    {encoding: 'utf8'}
  )
  assert.equal(result.status, 1)
  assert.match(result.stderr, /no content folder at .*missing \(-i, --input\)/u)
  assert.equal(existsSync(join(folder, 'site')), false)
})

test(
  'cli: the build runs with a bounded heap: too small a --max-heap ends it with a message naming the ' +
    'option, the output left as it was',
  (t) => {
    const folder = tempDir(t, 'heap')
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, 'build', '-i', samplesDir, '-o', join(folder, 'site'), '--no-cache', '--max-heap', '16'],
      {encoding: 'utf8'}
    )
    assert.equal(result.status, 1)
    assert.match(result.stderr, /out of memory: the build may take 16 MB of heap; give it more with --max-heap/u)
    assert.equal(existsSync(join(folder, 'site')), false)
  }
)
