import assert from 'node:assert/strict'
import {test} from 'node:test'
import {corrected, itemAt} from '../helpers/samples.js'
import {rule, severityOf} from '../helpers/messages.js'
import {must} from '../helpers/must.js'

const sample = '000_da22e97339b67c99.txt'

test('place corrections: an item lists only the places a correction applied; each rejected one is reported', () => {
  const gazette = corrected(
    sample,
    [
      '  - {line: 21, addPlaces: [不存在镇, 海门区常乐镇], removePlaces: ["999999"]}',
      '  - {line: 29, addPlaces: ["32"]}',
      '  - {line: 39, title: 新标题, removePlaces: [不存在镇]}',
      ''
    ].join('\n')
  )
  const corrections = (line: number) => must(gazette.items.find((item) => item.start.line === line)).corrections
  assert.deepEqual(corrections(21), ['line 21: addPlaces: ["海门区常乐镇"] (corrections.yaml:2)'])
  assert.deepEqual(corrections(29), [], 'a province cannot be added: nothing of the correction applied')
  assert.equal(corrections(39).length, 1)
  assert.match(must(corrections(39)[0]), /^line 39: title: "新标题" \(corrections\.yaml:4\); title was "/u)
  const rejected = gazette.reports.filter((report) => rule(report) === 'tag:correction')
  assert.deepEqual(
    rejected.map((report) => [report.line, severityOf(report), /“(.*)”/u.exec(report.message)?.[1]]),
    [
      [21, 'error', '999999'],
      [21, 'error', '不存在镇'],
      [29, 'error', '32'],
      [39, 'error', '不存在镇']
    ]
  )
})

test('place corrections: an applied correction is listed as written, its rejected places left out', () => {
  const gazette = corrected(
    sample,
    '  - {line: 29, removePlaces: ["320612"]}\n  - {line: 21, addPlaces: [海门区常乐镇]}\n'
  )
  const corrections = (line: number) => must(gazette.items.find((item) => item.start.line === line)).corrections
  assert.deepEqual(corrections(29), ['line 29: removePlaces: ["320612"] (corrections.yaml:2)'])
  assert.deepEqual(corrections(21), ['line 21: addPlaces: ["海门区常乐镇"] (corrections.yaml:3)'])
  assert.deepEqual(
    gazette.reports.filter((report) => rule(report) === 'tag:correction'),
    []
  )
})

test('corrections: places are added (a town brings its district) and removed (a district takes its towns)', () => {
  const gazette = corrected(
    sample,
    '  - {line: 21, addPlaces: [海门区常乐镇]}\n  - {line: 29, removePlaces: ["320612"]}\n' +
      '  - {line: 39, removePlaces: [平潮镇]}\n'
  )
  const codes = (line: number) => must(itemAt(gazette, line)).places.map((place) => place.code)
  assert.deepEqual(codes(21), ['320614', '320614103', '320685', '320685111'])
  assert.deepEqual(codes(29), [])
  assert.equal(must(itemAt(gazette, 29)).primaryPlace, null)
  assert.deepEqual(codes(39), ['320612'], '通州区 is named in its own right (通州区平潮镇), so it stays')
})
