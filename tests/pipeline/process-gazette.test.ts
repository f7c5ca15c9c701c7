import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {scorePlaces, scoreSplit, type PlaceFixture, type SplitFixture} from '../../scripts/lib/score.js'
import {processGazette} from '../../src/pipeline/process-gazette.js'
import {readFolder} from '../../src/read/read-folder.js'
import {processSample, sampleFiles} from '../helpers/samples.js'
import {fixturesDir} from '../helpers/paths.js'
import {names} from '../helpers/stages.js'

const fixture = <T>(kind: string, name: string) =>
  JSON.parse(readFileSync(join(fixturesDir, kind, name.replace(/\.txt$/u, '.json')), 'utf8')) as T

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

// Pages of five other Jiangsu papers, labelled by someone who had not read
// the splitter (tests/fixtures/heldout/): the rules must hold there too.
const heldout = join(fixturesDir, 'heldout')
const {gazettes: heldoutSources} = await readFolder(heldout)
for (const source of heldoutSources) {
  const gazette = processGazette(source, names())
  test(`fixtures: held-out ${source.source} splits and tags as labelled`, () => {
    const load = <T>(kind: string) =>
      JSON.parse(readFileSync(join(heldout, kind, source.source.replace(/\.txt$/u, '.json')), 'utf8')) as T
    assert.deepEqual(scoreSplit([{fixture: load<SplitFixture>('split'), gazette}]).mismatches, [])
    assert.deepEqual(scorePlaces([{fixture: load<PlaceFixture>('places'), gazette}]).mismatches, [])
  })
}
