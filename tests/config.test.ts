import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {readConfig, withConfig} from '../src/config/config.js'
import {samplesDir} from './helpers.js'

// Compiled (npm test compiles first): run from another folder, `--import tsx` would not resolve.
const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')
const folder = (t: {after: (fn: () => void) => void}) => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-config-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

test('config: keys read, paths against the file’s folder, each bad key reported at its line', (t) => {
  const dir = folder(t)
  const file = join(dir, 'gazette.config.yaml')
  writeFileSync(
    file,
    [
      'title: 某某日报档案',
      'content: pages',
      'language: 中文',
      'colour: red',
      'defaults: {paper: 某某日报, page: none}',
      'fileNames: "(?<year>\\\\d{4})("',
      ''
    ].join('\n')
  )
  const {config, problems} = readConfig(file)
  assert.equal(config.title, '某某日报档案')
  assert.equal(config.content, join(dir, 'pages'))
  assert.deepEqual(config.defaults, {paper: '某某日报'})
  assert.deepEqual(
    problems.map((problem) => [problem.line, problem.message.split(':')[0]]),
    [
      [3, 'language'],
      [
        4,
        'unknown key `colour` (expected one of title, description, language, url, basePath, content, output, about, logo, footer, defaults, fileNames, templates)'
      ],
      [5, 'defaults'],
      [6, 'fileNames']
    ]
  )
})

test('config: the command line wins over the file, the file over the defaults', (t) => {
  const dir = folder(t)
  writeFileSync(join(dir, 'gazette.config.yaml'), 'content: pages\noutput: public\nurl: https://example.org/a/\n')
  const options = {input: 'content/gazettes', output: '_site', basePath: '/', siteUrl: ''}
  const named = join(dir, 'gazette.config.yaml')
  const fromFile = withConfig(options, named, () => false).options
  assert.deepEqual(
    [fromFile.input, fromFile.output, fromFile.siteUrl],
    [join(dir, 'pages'), join(dir, 'public'), 'https://example.org/a/']
  )
  const fromCli = withConfig({...options, output: 'mine'}, named, (option) => option === 'output').options
  assert.equal(fromCli.output, 'mine')
  assert.equal(withConfig(options, join(dir, 'missing.yaml'), () => false).problems[0]!.message, 'no such file')
})

test('config: a built site has the configured title, language, about page, footer; own templates override', (t) => {
  const dir = folder(t)
  mkdirSync(join(dir, 'gazettes'))
  copyFileSync(join(samplesDir, '000_da22e97339b67c99.txt'), join(dir, 'gazettes', '2021-03-05_p2.txt'))
  writeFileSync(
    join(dir, 'gazette.config.yaml'),
    'title: 某某日报数字档案\nlanguage: zh-Hans\ncontent: gazettes\nabout: "## 说明\\n\\n收录**某某日报**。"\nfooter: 某某日报社\n' +
      'defaults: {paper: 某某日报}\ntemplates: own\n'
  )
  mkdirSync(join(dir, 'own', '_includes', 'partials'), {recursive: true})
  const style = readFileSync(join(import.meta.dirname, '..', 'templates', '_includes', 'partials', 'style.css'), 'utf8')
  writeFileSync(join(dir, 'own', '_includes', 'partials', 'style.css'), `${style}\n.own-style{color:red}\n`)
  const result = spawnSync(process.execPath, [cli, 'build', '--no-cache'], {cwd: dir, encoding: 'utf8'})
  assert.equal(result.status, 0, result.stderr)
  const home = readFileSync(join(dir, '_site', 'index.html'), 'utf8')
  assert.match(home, /<title>某某日报数字档案<\/title>/u)
  assert.match(home, /<html lang="zh-Hans">/u)
  assert.match(home, /某某日报社/u)
  assert.match(home, /\.own-style\{color:red\}/u, 'the archivist’s partial replaced the tool’s')
  assert.match(readFileSync(join(dir, '_site', 'about', 'index.html'), 'utf8'), /<strong>某某日报<\/strong>/u)
  const data = JSON.parse(readFileSync(join(dir, '_site', 'data', '2021.json'), 'utf8')) as {
    gazettes: Array<{metadata: {date: string; page: number; paper: string}}>
  }
  assert.deepEqual(data.gazettes[0]!.metadata, {
    ...data.gazettes[0]!.metadata,
    date: '2021-03-05',
    page: 2,
    paper: '某某日报'
  })
})

test('config: a configuration with errors builds nothing', (t) => {
  const dir = folder(t)
  writeFileSync(join(dir, 'gazette.config.yaml'), 'titel: x\n')
  const result = spawnSync(process.execPath, [cli, 'build'], {cwd: dir, encoding: 'utf8'})
  assert.equal(result.status, 1)
  assert.match(result.stderr, /gazette\.config\.yaml/u)
  assert.match(result.stderr, /1:1\s+error\s+unknown key `titel`/u)
})
