import assert from 'node:assert/strict'
import {test} from 'node:test'
import {formatReports} from '../../src/cli/report.js'
import {message} from '../../src/model/messages.js'

test('read G: a file name or message with a newline or other control character is printed as one report line', () => {
  const forged = 'a.txt\n  9:9  error  forged  read:x'
  const output = formatReports([
    message(forged, 'read', 'decode', 'one\ntwo\u001b[31m', {line: 2, column: 1, severity: 'warning'}),
    message('b.txt', 'read', 'not-text', 'left out', {severity: 'warning'})
  ])
  assert.doesNotMatch(output, /^\s*9:9\s+error\s+forged/mu)
  assert.ok(output.includes('a.txt\\n  9:9  error  forged  read:x'), output)
  assert.ok(output.includes('one\\ntwo\\x1B[31m'), output)
  assert.equal(output.split('\n').filter((line) => /one/u.test(line)).length, 1)
})
