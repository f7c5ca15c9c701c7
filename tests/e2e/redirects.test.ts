import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {compiledCli as cli} from '../helpers/paths.js'
import {tempDir} from '../helpers/temp-dir.js'

test('redirects: after a page number is corrected, the old item URLs send readers to the new ones', (t) => {
  const dir = tempDir(t, 'redirects')
  const input = join(dir, 'gazettes')
  mkdirSync(input)
  writeFileSync(
    join(input, 'a.txt'),
    '---\npaper: 某某日报\ndate: 2022-02-15\npage: 1\n---\n春耕正忙\n\n本报讯 日前，某地召开会议。\n'
  )
  const build = () =>
    execFileSync(
      process.execPath,
      [cli, 'build', '-i', input, '-o', join(dir, '_site'), '--cache', join(dir, 'cache')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
  build()
  const old = join(dir, '_site', 'items', 'mou-mou-ri-bao-2022-02-15-p1-01', 'index.html')
  assert.ok(existsSync(old))
  writeFileSync(join(input, 'manifest.yaml'), 'gazettes:\n  a.txt: {page: 2}\n')
  writeFileSync(join(input, 'a.txt'), readFileSync(join(input, 'a.txt'), 'utf8').replace('page: 1\n', ''))
  build()
  assert.ok(existsSync(join(dir, '_site', 'items', 'mou-mou-ri-bao-2022-02-15-p2-01', 'index.html')))
  const redirect = readFileSync(old, 'utf8')
  assert.match(redirect, /<meta http-equiv="refresh" content="0; url=\/items\/mou-mou-ri-bao-2022-02-15-p2-01\/">/u)
  assert.match(redirect, /<link rel="canonical" href="\/items\/mou-mou-ri-bao-2022-02-15-p2-01\/">/u)
  assert.match(
    readFileSync(join(dir, '_site', 'pages', 'mou-mou-ri-bao-2022-02-15-p1', 'index.html'), 'utf8'),
    /url=\/pages\/mou-mou-ri-bao-2022-02-15-p2\//u
  )
})
