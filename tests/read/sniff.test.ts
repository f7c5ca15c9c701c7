import assert from 'node:assert/strict'
import {test} from 'node:test'
import {readGazette} from '../../src/read/read-gazette.js'
import {whyNotText} from '../../src/read/sniff.js'
import {problemRows} from '../helpers/messages.js'
import {utf8} from '../helpers/bytes.js'
import {shortPage as page} from '../helpers/samples.js'
import {must} from '../helpers/must.js'

test('read G: stray NULs, early or past 64 KB, are removed with a warning at line:column; binary is binary', () => {
  const early = readGazette('a.txt', utf8(`标题\0\n\n${page}`))
  assert.deepEqual(problemRows(early.reports), [[1, 'read:decode', 'warning', 'control character U+0000 removed']])
  assert.equal(must(early.reports[0]).column, 3)
  assert.equal(whyNotText(utf8(`标题\0\n\n${page}`)), undefined)
  const long = `${'本报讯 日前，通州区石港镇召开会议。\n'.repeat(2000)}尾\0巴\n`
  assert.ok(utf8(long).length > 65536)
  assert.equal(whyNotText(utf8(long)), undefined)
  assert.deepEqual(
    problemRows(readGazette('b.txt', utf8(long)).reports).map((each) => each[0]),
    [2001]
  )

  const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]
  const png = new Uint8Array([...header, ...new Array<number>(64).fill(0)])
  assert.equal(whyNotText(png), 'binary file, not text (NUL byte at offset 8)')
  // Compressed data (a PDF's streams, a .docx) has few NULs but many control bytes.
  const random = Uint8Array.from({length: 4096}, (_, index) => (index * 2654435761) >>> 24)
  assert.match(whyNotText(random) ?? '', /^binary file/u)
})
