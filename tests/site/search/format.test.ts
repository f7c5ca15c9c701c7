import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {decodeSet, encodeSet, shardOf} from '../../../src/site/search/format.js'

test('search sets: encoding round-trips ascending numbers, as a list or a bitmap, whichever is shorter', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat({max: 5000})), fc.nat({max: 5000}), (numbers, extra) => {
      const sorted = numbers.sort((a, b) => a - b)
      const total = (sorted.at(-1) ?? 0) + 1 + extra
      const text = encodeSet(sorted, total)
      assert.deepEqual(decodeSet(text), sorted)
      assert.ok(text.length <= Math.ceil(total / 6) + 2, 'never longer than a bitmap')
      assert.match(text, /^~?[\w-]*$/u)
    })
  )
  assert.ok(encodeSet([0, 100_000], 100_001).length < 10, 'a rare token is a short list')
  assert.ok(
    encodeSet(
      Array.from({length: 600}, (_, number) => number),
      1200
    ).startsWith('~'),
    'a common one a bitmap'
  )
  assert.deepEqual(decodeSet(''), [])
})

test('search shards: a token’s shard is in range and the same every time', () => {
  fc.assert(
    fc.property(fc.string({minLength: 1}), fc.integer({min: 1, max: 5000}), (token, shards) => {
      const shard = shardOf(token, shards)
      assert.ok(Number.isInteger(shard) && shard >= 0 && shard < shards)
      assert.equal(shard, shardOf(token, shards))
    })
  )
})
