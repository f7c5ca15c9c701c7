import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import fc from 'fast-check'
import {parseLines, parseWithRemark, readSimpleLines} from '../../src/split/parse.js'
import {samplesDir} from '../helpers/samples.js'

test('parse: only ATX headings are syntax; every other markdown construct stays literal text', () => {
  const lines = parseLines('# 标题 *强调*\n\n    四个空格\n> 引用\n1. 列表\n---\n<b>粗</b> &amp; \\*\n\n### 小标题\n')
  assert.deepEqual(
    lines.map((line) => [line.depth, line.text]),
    [
      [1, '标题 *强调*'],
      [0, '四个空格'],
      [0, '> 引用'],
      [0, '1. 列表'],
      [0, '---'],
      [0, '<b>粗</b> &amp; \\*'],
      [3, '小标题']
    ]
  )
  assert.deepEqual(
    lines.map((line) => line.line),
    [1, 3, 4, 5, 6, 7, 9]
  )
})

test('parse: plain lines and canonical headings are read without remark, as remark reads them', () => {
  const text = '## 张三的村子 ##\n\n  第一段。 \n第二段\t\n\n\n### \n# 标题 #号\n\u3000\n###### 六个 # #\n'
  assert.deepEqual(readSimpleLines(text), parseWithRemark(text))
  assert.deepEqual(
    parseLines('# 标题\n\n正文。\n').map((line) => [line.text, line.depth]),
    [
      ['标题', 1],
      ['正文。', 0]
    ]
  )
})

test('parse: what the line reader cannot be sure of goes to remark', () => {
  for (const text of ['  # 缩进的标题', '#标题', '####### 七个', '甲  \n乙', '甲\r\n乙', '甲\u0000乙', '\u3000## 标题'])
    assert.equal(readSimpleLines(text), undefined, JSON.stringify(text))
  // Two trailing spaces join the lines in remark: kept as it was.
  assert.deepEqual(
    parseLines('甲  \n乙').map((line) => line.text),
    ['甲乙']
  )
})

test('parse: the samples are read line by line, as remark reads them', () => {
  const folder = samplesDir
  for (const name of readdirSync(folder).filter((each) => /\.(?:txt|md)$/u.test(each))) {
    const text = readFileSync(join(folder, name), 'utf8')
    assert.deepEqual(readSimpleLines(text), parseWithRemark(text), name)
  }
})

test('parse: on any text the line reader takes, it agrees with remark (property)', () => {
  const piece = fc.constantFrom(
    ...['#', '# ', '## ', '####### ', ' # ', '\n## 甲 #', '\n### #', '\t', ' ', '  ', '\n', '\n\n', '\u3000'],
    ...['甲', 'a', '。', '\\', '*', '-', '>', '=', '`', '1. ', '<b>', '&amp;', '\u00a0', '\ufeff']
  )
  const text = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''))
  fc.assert(
    fc.property(text, (value) => {
      const simple = readSimpleLines(value)
      if (simple) assert.deepEqual(simple, parseWithRemark(value))
    }),
    {numRuns: 3000}
  )
})
