import assert from 'node:assert/strict'
import {test} from 'node:test'
import {heapLimit} from '../../src/cli/build-thread.js'

test('cli: the default heap limit grows with the content: 512 MB, and 4 MB more per MB of gazette files', () => {
  assert.equal(heapLimit(0), 512)
  assert.equal(heapLimit(94 * 1024 * 1024), 888)
  assert.ok(heapLimit(250 * 1024 * 1024) > heapLimit(94 * 1024 * 1024))
})
