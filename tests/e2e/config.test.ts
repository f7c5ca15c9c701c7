import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {samplesDir} from '../helpers/samples.js'
import {gunzipped} from '../helpers/files.js'
import {compiledCli as cli, root} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'
import {must} from '../helpers/must.js'

test('config: a built site has the configured title, language, about page, footer; own templates override', (t) => {
  const dir = tempDir(t, 'config')
  mkdirSync(join(dir, 'gazettes'))
  copyFileSync(join(samplesDir, '000_da22e97339b67c99.txt'), join(dir, 'gazettes', '2021-03-05_p2.txt'))
  writeFileSync(
    join(dir, 'gazette.config.yaml'),
    'title: 某某日报数字档案\nlanguage: zh-Hans\ncontent: gazettes\nabout: "## 说明\\n\\n收录**某某日报**。"\nfooter: 某某日报社\n' +
      'defaults: {paper: 某某日报}\ntemplates: own\n'
  )
  mkdirSync(join(dir, 'own', '_includes', 'partials'), {recursive: true})
  const style = readFileSync(join(root, 'templates', '_includes', 'partials', 'style.css'), 'utf8')
  writeFileSync(join(dir, 'own', '_includes', 'partials', 'style.css'), `${style}\n.own-style{color:red}\n`)
  const result = spawnSync(process.execPath, [cli, 'build', '--no-cache'], {cwd: dir, encoding: 'utf8'})
  assert.equal(result.status, 0, result.stderr)
  const home = readFileSync(join(dir, '_site', 'index.html'), 'utf8')
  assert.match(home, /<title>某某日报数字档案<\/title>/u)
  assert.match(home, /<html lang="zh-Hans">/u)
  assert.match(home, /某某日报社/u)
  const stylesheet = must(/<link rel="stylesheet" href="\/assets\/style\.css\?v=([0-9a-f]+)">/u.exec(home))
  const css = readFileSync(join(dir, '_site', 'assets', 'style.css'), 'utf8')
  assert.match(css, /\.own-style\{color:red\}/u, 'the archivist’s partial replaced the tool’s')
  const toolVersion = createHash('sha256').update(style).digest('hex').slice(0, 10)
  assert.notEqual(stylesheet[1], toolVersion, 'a changed stylesheet has a new URL, which no browser has cached')
  assert.match(readFileSync(join(dir, '_site', 'about', 'index.html'), 'utf8'), /<strong>某某日报<\/strong>/u)
  const data = JSON.parse(gunzipped(join(dir, '_site', 'data', '2021.json.gz'))) as {
    gazettes: Array<{metadata: {date: string; page: number; paper: string}}>
  }
  assert.deepEqual(must(data.gazettes[0]).metadata, {
    ...must(data.gazettes[0]).metadata,
    date: '2021-03-05',
    page: 2,
    paper: '某某日报'
  })
})

test('config: a configuration with errors builds nothing', (t) => {
  const dir = tempDir(t, 'config')
  writeFileSync(join(dir, 'gazette.config.yaml'), 'titel: x\n')
  const result = spawnSync(process.execPath, [cli, 'build'], {cwd: dir, encoding: 'utf8'})
  assert.equal(result.status, 1)
  assert.match(result.stderr, /gazette\.config\.yaml/u)
  assert.match(result.stderr, /1:1\s+error\s+unknown key `titel`/u)
})
