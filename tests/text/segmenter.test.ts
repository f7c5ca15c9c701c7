import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {clausesOf, Segmenter} from '../../src/text/segmenter.js'
import {names} from '../helpers/stages.js'

test('segmenter: clauses cut apart give the words of the whole text; separators are words of their own', () => {
  const {segmenter} = names() // taught the place names
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
      const words = segmenter.cut(text)
      assert.ok(
        words.every((word) => separator.test(word) || !/[ \t\n，。]/u.test(word)),
        'a separator stands alone'
      )
      const clauses = clausesOf(text)
      assert.deepEqual(
        segmenter.cutClauses(clauses).flat(),
        words.filter((word) => !separator.test(word))
      )
      assert.deepEqual(
        segmenter.cutClauses(clauses),
        clauses.map((clause) => segmenter.cut(clause))
      )
    }),
    {numRuns: 500, seed: 3}
  )
})

test('segmenter: words of one character are looked up in the dictionary too', () => {
  const segmenter = new Segmenter()
  segmenter.addWords(['淼', '淼淼湖'])
  assert.deepEqual(segmenter.dictionaryEntry('淼'), {frequency: 147, tag: 'nrfg'})
  const entry = segmenter.dictionaryEntry('淼淼湖')
  assert.equal(entry, undefined, 'a word the dictionary lacks is added, with no entry of its own')
  assert.deepEqual(segmenter.cut('淼淼湖'), ['淼淼湖'])
})
