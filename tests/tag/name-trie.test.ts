import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {NameTrie} from '../../src/tag/name-trie.js'

test(
  'name trie: says whether a name stands anywhere in a text, also at its very end, and with names of ' +
    'one character',
  () => {
    const trie = new NameTrie(['石港镇', '石港', '通州区'])
    assert.equal(trie.shortest, 2)
    assert.equal(trie.occursIn('在石港召开'), true)
    assert.equal(trie.occursIn('地处通州区'), true)
    assert.equal(trie.occursIn('石港'), true)
    assert.equal(trie.occursIn('港石'), false)
    assert.equal(trie.occursIn('石'), false)
    assert.equal(trie.occursIn(''), false)
    assert.equal(trie.occursIn('今天通州天气好'), false)
    const single = new NameTrie(['港', '通州区'])
    assert.equal(single.occursIn('海港'), true)
    assert.equal(single.occursIn('海'), false)
  }
)

test('name trie: agrees with looking for every name in the text', () => {
  const alphabet = fc.constantFrom('石', '港', '镇', '通', '州', '区', 'a')
  const word = fc.array(alphabet, {minLength: 1, maxLength: 4}).map((chars) => chars.join(''))
  fc.assert(
    fc.property(fc.array(word, {minLength: 1, maxLength: 6}), fc.array(alphabet, {maxLength: 12}), (names, chars) => {
      const text = chars.join('')
      assert.equal(
        new NameTrie(names).occursIn(text),
        names.some((name) => text.includes(name))
      )
    })
  )
})
