import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {scorePlaces, scoreSplit, type PlaceFixture, type SplitFixture} from '../scripts/lib/score.js'
import {processSample, sampleFiles} from './helpers.js'

const fixture = <T>(kind: string, name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', kind, name.replace(/\.txt$/u, '.json')), 'utf8')) as T

// The hand-labelled items and places of each sample (tests/fixtures/), as
// `npm run eval` scores them: here every field of every item must agree.
for (const name of sampleFiles) {
  const gazette = processSample(name)

  test(`fixtures: ${name} splits into the items an editor would list`, () => {
    const score = scoreSplit([{fixture: fixture<SplitFixture>('split', name), gazette}])
    assert.deepEqual(score.mismatches, [])
    assert.equal(score.duplicates.matched, score.duplicates.expected)
    assert.equal(score.duplicates.found, score.duplicates.expected)
  })

  test(`fixtures: ${name} is tagged with the labelled districts and towns`, () => {
    assert.deepEqual(scorePlaces([{fixture: fixture<PlaceFixture>('places', name), gazette}]).mismatches, [])
  })
}
