import assert from 'node:assert/strict'
import {test} from 'node:test'
import {systemError} from '../../src/util/system-error.js'

test('output safety: a full disk is told in one line, found through Eleventy’s wrapping errors', () => {
  const disk = Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    path: '/site/items/a/index.html'
  })
  const wrapped = Object.assign(new Error('Having trouble writing to "items/a/index.html"'), {originalError: disk})
  const all = new AggregateError([new Error('other'), wrapped], 'render failed')
  assert.deepEqual(systemError(new Error('outer', {cause: all})), {
    code: 'ENOSPC',
    path: '/site/items/a/index.html',
    text: 'no space left on the device (ENOSPC) at /site/items/a/index.html'
  })
  assert.equal(systemError(new Error('plain')), undefined)
})
