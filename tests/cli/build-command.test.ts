import assert from 'node:assert/strict'
import {test} from 'node:test'
import {siteSettings} from '../../src/cli/build-command.js'

test('output safety: --site-url must be an absolute http(s) URL, and its path is the base path', () => {
  assert.deepEqual(siteSettings({siteUrl: 'https://ex.com/archive/', basePath: '/'}), {
    siteUrl: 'https://ex.com/',
    basePath: '/archive/'
  })
  assert.deepEqual(siteSettings({siteUrl: 'https://ex.com', basePath: '/a'}), {
    siteUrl: 'https://ex.com/',
    basePath: '/a/'
  })
  assert.deepEqual(siteSettings({siteUrl: '', basePath: '/'}), {siteUrl: '', basePath: '/'})
  assert.match((siteSettings({siteUrl: 'ex.com', basePath: '/'}) as {error: string}).error, /not an absolute URL/u)
  assert.match((siteSettings({siteUrl: 'ftp://ex.com/', basePath: '/'}) as {error: string}).error, /http or https/u)
  assert.match((siteSettings({siteUrl: 'https://ex.com/a/', basePath: '/b/'}) as {error: string}).error, /differ/u)
})
