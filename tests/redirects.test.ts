import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import type {Archive} from '../src/archive/model.js'
import {redirectsFrom} from '../src/site/redirects.js'
import type {SiteState} from '../src/incremental/site-state.js'

const archiveOf = (pages: Record<string, string[]>): Archive =>
  ({
    gazettes: Object.entries(pages).map(([source, [url, ...items]]) => ({source, url, itemIds: items})),
    items: Object.values(pages).flatMap(([, ...items]) => items.map((url) => ({id: url, url})))
  }) as unknown as Archive

const state = (urls: Record<string, string[]>, moved: Record<string, string> = {}) =>
  ({version: 'v', pages: {}, bundles: {}, data: {}, urls, moved}) as SiteState

test('redirects: moved URLs by source and order, chains followed, live and dead ends dropped', () => {
  const before = state({
    'a.txt': ['/pages/p1/', '/items/p1-01/', '/items/p1-02/'],
    'b.txt': ['/pages/b/', '/items/b-01/']
  })
  const after = archiveOf({'a.txt': ['/pages/p2/', '/items/p2-01/'], 'b.txt': ['/pages/b/', '/items/b-01/']})
  assert.deepEqual(redirectsFrom(before, after), [
    {from: '/items/p1-01/', to: '/items/p2-01/'},
    {from: '/items/p1-02/', to: '/pages/p2/'},
    {from: '/pages/p1/', to: '/pages/p2/'}
  ])
  const again = state({'a.txt': ['/pages/p2/', '/items/p2-01/']}, {'/items/p1-01/': '/items/p2-01/'})
  const moved = archiveOf({'a.txt': ['/pages/p3/', '/items/p3-01/']})
  assert.deepEqual(
    redirectsFrom(again, moved).find((redirect) => redirect.from === '/items/p1-01/'),
    {from: '/items/p1-01/', to: '/items/p3-01/'},
    'an old redirect follows the page on'
  )
  const back = archiveOf({'a.txt': ['/pages/p1/', '/items/p1-01/', '/items/p1-02/']})
  assert.deepEqual(
    redirectsFrom(state({'a.txt': ['/pages/p2/', '/items/p2-01/']}, {'/pages/p1/': '/pages/p2/'}), back),
    [
      {from: '/items/p2-01/', to: '/items/p1-01/'},
      {from: '/pages/p2/', to: '/pages/p1/'}
    ],
    'a URL that is a page again is no redirect'
  )
  assert.deepEqual(redirectsFrom(undefined, back), [])
})

test('redirects: after a page number is corrected, the old item URLs send readers to the new ones', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-redirects-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  const input = join(dir, 'gazettes')
  mkdirSync(input)
  writeFileSync(
    join(input, 'a.txt'),
    '---\npaper: 某某日报\ndate: 2022-02-15\npage: 1\n---\n春耕正忙\n\n本报讯 日前，某地召开会议。\n'
  )
  const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')
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
