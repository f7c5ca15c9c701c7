import assert from 'node:assert/strict'
import {test} from 'node:test'
import {countTokens, tokenText, type TokenKey} from '../../../src/site/search/tokens.js'

function tokens(text: string): Record<string, number> {
  const counts = new Map<TokenKey, number>()
  countTokens(text, counts)
  return Object.fromEntries([...counts].map(([key, count]) => [tokenText(key), count]))
}

test('search tokens: Han runs as characters and pairs, other runs as lower-case words and their starts', () => {
  assert.deepEqual(tokens('石港镇，网'), {石: 1, 港: 1, 镇: 1, 石港: 1, 港镇: 1, 网: 1})
  assert.deepEqual(tokens('ＧＤＰ增长５G'), {gdp: 1, gd: 1, 增: 1, 长: 1, 增长: 1, '5g': 1})
  assert.deepEqual(tokens('2021'), {'2021': 1}, 'a number has no starts of its own')
  assert.deepEqual(tokens('网格网格'), {网: 2, 格: 2, 网格: 2, 格网: 1})
  // A character outside the Basic Multilingual Plane is one character, not two halves.
  assert.deepEqual(tokens('𠀀港'), {'𠀀': 1, 港: 1, '𠀀港': 1})
})
