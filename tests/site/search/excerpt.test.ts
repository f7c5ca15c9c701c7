import assert from 'node:assert/strict'
import {test} from 'node:test'
import {excerpt} from '../../../src/site/search/excerpt.js'
import {must} from '../../helpers/must.js'

test('search excerpt: the text around the first word found, every word marked, cuts shown', () => {
  const text = `${'前'.repeat(50)}网格员到石港镇。${'后'.repeat(200)}`
  const pieces = excerpt(text, ['网格', '石港'], 40)
  assert.equal(must(pieces[0]).text, '…')
  assert.deepEqual(
    pieces.filter((piece) => piece.marked).map((piece) => piece.text),
    ['网格', '石港']
  )
  assert.equal(must(pieces.at(-1)).text, '…')
  assert.equal(pieces.map((piece) => piece.text).join('').length, 40 + 2)
  assert.deepEqual(excerpt('短文。', ['无']), [{text: '短文。', marked: false}])
  assert.deepEqual(
    excerpt('ＧＤＰ增长', ['gdp']).map((piece) => piece.marked),
    [true, false],
    'full width folded as the index folds it'
  )
})
