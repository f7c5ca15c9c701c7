import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {Postings} from '../../../src/site/search/postings.js'
import {encodeSet} from '../../../src/site/search/format.js'

test('search postings: what the indexer gathers is written as the set of the same numbers', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat({max: 3000})), fc.nat({max: 3000}), (numbers, extra) => {
      const sorted = numbers.sort((a, b) => a - b)
      const total = (sorted.at(-1) ?? 0) + 1 + extra
      const postings = new Postings()
      for (const number of sorted) postings.add(number)
      assert.equal(postings.encode(total), encodeSet(sorted, total))
    })
  )
})
