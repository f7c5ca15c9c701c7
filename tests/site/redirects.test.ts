import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Archive} from '../../src/archive/model.js'
import {redirectsFrom} from '../../src/site/redirects.js'
import type {SiteState} from '../../src/incremental/site-state.js'
import {archiveGazette, archiveItem, archiveOf as archive} from '../helpers/archive-fixtures.js'

const archiveOf = (pages: Record<string, string[]>): Archive =>
  archive({
    gazettes: Object.entries(pages).map(([source, [url, ...items]]) => archiveGazette({source, url, itemIds: items})),
    items: Object.values(pages).flatMap(([, ...items]) => items.map((url) => archiveItem({id: url, url})))
  })

const state = (urls: Record<string, string[]>, moved: Record<string, string> = {}): SiteState => ({
  version: 'v',
  pages: {},
  bundles: {},
  data: {},
  urls,
  moved
})

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
