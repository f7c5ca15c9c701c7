import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {addWords, clausesOf, cut, cutClauses, dictionaryEntry} from '../../src/text/segmenter.js'
import {isPlaceName} from '../../src/tag/tag.js'
import {loadGazetteer} from '../../src/tag/gazetteer.js'

test('segmenter: clauses cut apart give the words of the whole text; separators are words of their own', () => {
  isPlaceName('通州', loadGazetteer()) // teaches the segmenter the place names
  const separator = /^[ \t\n，。]$/u
  const piece = fc.constantFrom(
    ...'通州区石港镇南通人民西路海门街道社区建设推进长江大桥',
    ' ',
    '\t',
    '\n',
    '，',
    '。',
    '、',
    'a1',
    '\u3000'
  )
  fc.assert(
    fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
      const text = pieces.join('')
      const words = cut(text)
      assert.ok(
        words.every((word) => separator.test(word) || !/[ \t\n，。]/u.test(word)),
        'a separator stands alone'
      )
      const clauses = clausesOf(text)
      assert.deepEqual(
        cutClauses(clauses).flat(),
        words.filter((word) => !separator.test(word))
      )
      assert.deepEqual(
        cutClauses(clauses),
        clauses.map((clause) => cut(clause))
      )
    }),
    {numRuns: 500, seed: 3}
  )
})

// Last in this file: it adds words to the segmenter the tests above share.

// Last in this file: it adds words to the segmenter the tests above share.
test('segmenter: words of one character are looked up in the dictionary too', () => {
  addWords(['淼', '淼淼湖'])
  assert.deepEqual(dictionaryEntry('淼'), {frequency: 147, tag: 'nrfg'})
  assert.equal(dictionaryEntry('淼淼湖'), undefined, 'a word the dictionary lacks is added, with no entry of its own')
  assert.deepEqual(cut('淼淼湖'), ['淼淼湖'])
})
