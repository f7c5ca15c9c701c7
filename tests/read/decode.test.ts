import assert from 'node:assert/strict'
import {test} from 'node:test'
import {decode} from '../../src/read/decode.js'
import {readGazette} from '../../src/read/read-gazette.js'
import {encodeGb18030, utf8} from '../helpers/bytes.js'
import {problemRows, rule, severityOf, shape} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

const text = '通州区石港镇\n\n本报讯 日前，石港镇召开会议。\n'

test('decode: UTF-8 with and without BOM', () => {
  const bytes = new TextEncoder().encode(text)
  assert.equal(decode(bytes).text, text)
  assert.equal(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).text, text)
})

test('decode: GB18030 bytes are detected and decoded', () => {
  // 通州区石港镇 in GB18030 (GBK range).
  const gb = new Uint8Array([0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8, 0xca, 0xaf, 0xb8, 0xdb, 0xd5, 0xf2, 0x0a])
  const decoded = decode(gb)
  assert.equal(decoded.encoding, 'gb18030')
  assert.equal(decoded.text, '通州区石港镇\n')
})

test('decode: UTF-16LE with BOM', () => {
  const units = [...'石港镇'].map((c) => c.charCodeAt(0))
  const bytes = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])])
  assert.equal(decode(bytes).text, '石港镇')
})

test('decode: CRLF and CR become LF, full-width spaces become spaces, controls are reported', () => {
  const decoded = decode(new TextEncoder().encode('一\r\n二\r三\u3000四\u0007五'))
  assert.equal(decoded.text, '一\n二\n三 四五')
  assert.deepEqual(
    decoded.problems.map((p) => [p.line, p.column]),
    [[3, 4]]
  )
})

const utf8Page = Array.from({length: 30}, (_, index) => `第${index + 1}行 通州区石港镇召开会议，部署春耕工作。\n`).join(
  ''
)

test('read C: one 0xFF byte in a UTF-8 page is one U+FFFD, reported at line:column; the rest is UTF-8', () => {
  const bytes = utf8(utf8Page)
  const at = utf8Page.indexOf('\n第3行') + 1
  const offset = utf8(utf8Page.slice(0, at)).length
  // After 第 (three bytes): the byte breaks no character.
  const broken = new Uint8Array([...bytes.subarray(0, offset + 3), 0xff, ...bytes.subarray(offset + 3)])
  const decoded = decode(broken)
  assert.equal(decoded.encoding, 'utf-8')
  const lines = decoded.text.split('\n')
  assert.equal(lines[2], '第\uFFFD3行 通州区石港镇召开会议，部署春耕工作。')
  assert.equal(lines[0], '第1行 通州区石港镇召开会议，部署春耕工作。')
  assert.deepEqual(decoded.problems, [{line: 3, column: 2, message: 'invalid UTF-8 bytes FF replaced with U+FFFD'}])
  const source = readGazette('a.txt', broken)
  assert.deepEqual(source.reports.map(shape), [{file: 'a.txt', line: 3, ruleId: 'read:decode', severity: 'warning'}])
})

test('read C: a CESU-8 surrogate pair in a UTF-8 page is replaced and reported as one run, not read as Big5', () => {
  const bytes = utf8(utf8Page)
  const cesu = [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80]
  const decoded = decode(new Uint8Array([...cesu, ...bytes]))
  assert.equal(decoded.encoding, 'utf-8')
  assert.ok(decoded.text.startsWith('\uFFFD'.repeat(6) + '第1行 通州区'), decoded.text.slice(0, 20))
  const message = 'invalid UTF-8 bytes ED A0 80 ED B0 80 replaced with U+FFFD'
  assert.deepEqual(decoded.problems, [{line: 1, column: 1, message}])
})

test('read C: GB18030 text is still GB18030; an undecodable byte in it stays as U+FFFD, reported', () => {
  const gb = encodeGb18030(utf8Page)
  assert.equal(decode(gb).encoding, 'gb18030')
  assert.deepEqual(decode(gb).problems, [])
  const broken = new Uint8Array([...gb.subarray(0, 2), 0xff, ...gb.subarray(2)])
  const decoded = decode(broken)
  assert.equal(decoded.encoding, 'gb18030')
  assert.ok(decoded.text.startsWith('第\uFFFD1行'), 'kept, not dropped')
  assert.deepEqual(
    decoded.problems.map(({line, column}) => [line, column]),
    [[1, 2]]
  )
})

test('read C: a Big5 page decoded as GB18030 is reported as doubtful', () => {
  // 中國報這個們說為時來, from the Big5 table; each checked against the Big5 decoder.
  const big5: Array<[string, number[]]> = [
    ['中', [0xa4, 0xa4]],
    ['國', [0xb0, 0xea]],
    ['報', [0xb3, 0xf8]],
    ['這', [0xb3, 0x6f]],
    ['個', [0xad, 0xd3]],
    ['們', [0xad, 0xcc]],
    ['說', [0xbb, 0xa1]],
    ['為', [0xac, 0xb0]],
    ['時', [0xae, 0xc9]],
    ['來', [0xa8, 0xd3]]
  ]
  for (const [char, bytes] of big5) assert.equal(new TextDecoder('big5').decode(new Uint8Array(bytes)), char)
  const line = big5.flatMap(([, bytes]) => bytes)
  const bytes = new Uint8Array(Array.from({length: 20}, () => [...line, 0x0a]).flat())
  const source = readGazette('big5.txt', bytes)
  const doubt = source.reports.filter((report) => rule(report) === 'read:encoding' && severityOf(report) === 'warning')
  assert.equal(doubt.length, 1, JSON.stringify(source.reports))
  assert.match(must(doubt[0]).message, /Big5/u)
  // Mainland GB text is not doubtful.
  assert.deepEqual(problemRows(readGazette('gb.txt', encodeGb18030(utf8Page)).reports), [])
})

test('read F: noncharacters, unpaired surrogates, C0 controls leave the text, each reported at line:column', () => {
  const text = '标题\uFFFE一\n二\uFFFF\u0001三\n\uFDD0四\u{1FFFE}五\u{10FFFF}\n六\u0008\u001F'
  const decoded = decode(utf8(text))
  assert.equal(decoded.text, '标题\uFFFD一\n二\uFFFD三\n\uFFFD四\uFFFD五\uFFFD\n六')
  const places = decoded.problems.map(({line, column}) => [line, column])
  assert.deepEqual(places, [
    [1, 3],
    [2, 2],
    [2, 3],
    [3, 1],
    [3, 3],
    [3, 6],
    [4, 2],
    [4, 3]
  ])
  assert.match(must(decoded.problems[0]).message, /U\+FFFE/u)

  // UTF-16 with an unpaired high surrogate: no lone surrogate reaches the text.
  const units = [0xd800, 0x4e00, 0x000a, 0xdc00]
  const utf16 = decode(new Uint8Array([0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])]))
  assert.doesNotMatch(utf16.text, /[\uD800-\uDFFF]/u)
  assert.equal(utf16.problems.length, 2)
  const xmlForbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
  assert.doesNotMatch(decoded.text + utf16.text, xmlForbidden)
})
