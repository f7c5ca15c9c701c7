import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {decode} from '../../src/read/decode.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {split} from '../../src/split/split.js'
import {findLoss} from '../../src/split/invariant.js'
import {parseLines} from '../../src/split/parse.js'
import type {VFileMessage} from 'vfile-message'
import {rule, severityOf} from '../helpers/messages.js'
import {segmenter} from '../helpers/stages.js'
import {must} from '../helpers/must.js'

// Pieces gazettes are made of, so that generated pages exercise every rule.
const han = fc.constantFrom(...'通州区石港镇党建群众工作会议召开推进网格治理服务社区志愿活动开展')
const phrase = fc.array(han, {minLength: 2, maxLength: 12}).map((chars) => chars.join(''))
const sentence = fc
  .tuple(fc.array(phrase, {minLength: 1, maxLength: 4}), fc.constantFrom('。', '！', '', '，', '”'))
  .map(([parts, end]) => parts.join('，') + end)
const line = fc.oneof(
  {weight: 5, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 6}).map((parts) => parts.join(''))},
  {weight: 2, arbitrary: phrase},
  {weight: 1, arbitrary: phrase.map((text) => `${text}——`)},
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '·夏凡 张顺燕·',
      '本报通讯员 成晓丹',
      '康传广 陆虞飞摄',
      '潘雪芹',
      '图①:崇川区绿地',
      '(上接1版)'
    )
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('# ', '## ', '### ', '* ', '1. ', '> ', '    ', '---', '<b>', '{{ x }}')
      .chain((prefix) => phrase.map((text) => prefix + text))
  }
)
const page = fc
  .array(fc.tuple(line, fc.integer({min: 0, max: 4})), {minLength: 0, maxLength: 40})
  .map((lines) => lines.map(([text, blanks]) => text + '\n'.repeat(blanks + 1)).join(''))

/**
 * The errors split reports. Text lost or changed is one (the invariant's, split:invariant), and of a page
 * without corrections the only one: looking for errors, not for the rule's id, a loss is seen whatever the
 * rule is called.
 */
const errors = (reports: VFileMessage[]) => reports.filter((report) => severityOf(report) === 'error')

test('property: what split reports as an error is seen by the check (a correction pointing nowhere)', () => {
  const {reports} = split(
    {source: 'x.txt', text: '标题\n\n正文。\n'},
    {segmenter, corrections: [{line: 999, at: 1, title: '无'}]}
  )
  assert.deepEqual(
    errors(reports).map((report) => rule(report)),
    ['split:correction']
  )
})

test('property: on generated gazettes the splitter never crashes and loses nothing', () => {
  fc.assert(
    fc.property(page, (text) => {
      const {reports} = split({source: 'generated.txt', text}, {segmenter})
      assert.deepEqual(errors(reports), [])
    }),
    {numRuns: 300, seed: 20261123}
  )
})

test('property: random text never crashes the reader or the splitter, and loses nothing', () => {
  fc.assert(
    fc.property(fc.string({unit: 'grapheme', maxLength: 400}), (text) => {
      const {reports} = split({source: 'random.txt', text: decode(new TextEncoder().encode(text)).text}, {segmenter})
      assert.deepEqual(errors(reports), [])
    }),
    {numRuns: 300, seed: 7}
  )
})

test('property: random bytes are decoded and split without a crash', () => {
  fc.assert(
    fc.property(fc.uint8Array({maxLength: 600}), (bytes) => {
      const source = readGazette('bytes.txt', bytes)
      const {reports} = split(source, {segmenter})
      assert.deepEqual(errors(reports), [])
    }),
    {numRuns: 300, seed: 11}
  )
})

test('invariant: a lost or changed character is found', () => {
  const lines = parseLines('标题\n\n正文。\n')
  const item = {
    kind: 'article' as const,
    dateline: null,
    kicker: null,
    title: '标题',
    subtitle: null,
    byline: null,
    bylines: [],
    body: [{type: 'paragraph' as const, text: '正', start: {line: 3, column: 1}}],
    start: {line: 1, column: 1},
    continuedFrom: null,
    continuedTo: null,
    corrections: []
  }
  assert.deepEqual(findLoss(lines, new Set(), [item]), {offset: 3, expected: '文。', actual: ''})
  assert.equal(findLoss(lines, new Set(), [{...item, body: [{...must(item.body[0]), text: '正文。'}]}]), undefined)
})
