import assert from 'node:assert/strict'
import {test} from 'node:test'
import {siteSettings} from '../../src/cli/build-command.js'

/** The error `siteSettings` gives `options`, failing the test if it gives settings. */
function settingsError(options: Parameters<typeof siteSettings>[0]): string {
  const result = siteSettings(options)
  assert.ok('error' in result, `an error for ${JSON.stringify(options)}`)
  return result.error
}

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
  assert.match(settingsError({siteUrl: 'ex.com', basePath: '/'}), /not an absolute URL/u)
  assert.match(settingsError({siteUrl: 'ftp://ex.com/', basePath: '/'}), /http or https/u)
  assert.match(settingsError({siteUrl: 'https://ex.com/a/', basePath: '/b/'}), /differ/u)
})
