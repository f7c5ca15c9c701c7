import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {samplesDir} from './helpers.js'

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts')
const run = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', cli, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

test('cli: gazette split --json prints the public data format and nothing else', () => {
  const output = run('split', join(samplesDir, '000_da22e97339b67c99.txt'), '--json')
  const data = JSON.parse(output) as {gazettes: Array<{items: Array<{kind: string; title: string | null; places: Array<{code: string}>}>}>}
  assert.equal(data.gazettes.length, 1)
  assert.equal(data.gazettes[0]!.items.length, 10)
  assert.equal(data.gazettes[0]!.items[1]!.title, '白甸镇：178条河道 发包养鱼虾')
})

test('cli: gazette split lists items, and --report prints decisions with file and line', () => {
  const result = execFileSync(process.execPath, ['--import', 'tsx', cli, 'split', join(samplesDir, '004_189048a86de1eba6.txt'), '--report'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  assert.match(result, /〔太仓市〕 精准监督严守耕地红线/u)
  const both = execFileSync('sh', ['-c', `"${process.execPath}" --import tsx "${cli}" split "${join(samplesDir, '004_189048a86de1eba6.txt')}" --report 2>&1 >/dev/null`], {encoding: 'utf8'})
  assert.match(both, /77:1.*removed paragraph repeating line 73/u)
})

test('cli: gazette build works from any folder, paths taken against it', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'gazette-cwd-'))
  t.after(() => rmSync(folder, {recursive: true, force: true}))
  const compiled = join(import.meta.dirname, '..', 'dist', 'cli.js')
  const output = execFileSync(process.execPath, [compiled, 'build', '-i', samplesDir, '-o', 'site', '--cache', 'cache', '-q'], {cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  assert.match(output, /^built site\//u)
  assert.ok(existsSync(join(folder, 'site', 'index.html')) && existsSync(join(folder, 'site', 'search-index', 'bundles.json')))
})
