import assert from 'node:assert/strict'
import {test} from 'node:test'
import {aboutPlaces} from '../src/tag/about.js'
import type {PlaceTag} from '../src/types.js'

const place = (code: string, mentions: number, prominent: boolean): PlaceTag => ({
  code,
  name: code,
  level: code.length === 9 ? 'town' : 'district',
  path: [code],
  mentions,
  prominent
})

test('about: a county named once in passing beside the subject county is dropped, with its towns', () => {
  const places = [place('410581', 5, true), place('410581115', 3, true), place('130426', 1, false)]
  assert.deepEqual(
    aboutPlaces(places).map((each) => each.code),
    ['410581', '410581115']
  )
  const withTown = [place('411726', 6, true), place('411330', 1, false), place('411330102', 1, false)]
  assert.deepEqual(
    aboutPlaces(withTown).map((each) => each.code),
    ['411726']
  )
})

test('about: counties listed once each, with no subject county, are all kept', () => {
  const list = [place('450324', 1, false), place('450325', 1, true), place('450327', 1, false)]
  assert.equal(aboutPlaces(list).length, 3)
  const twice = [place('410581', 4, true), place('130426', 2, false)]
  assert.equal(aboutPlaces(twice).length, 2, 'named twice is more than in passing')
})
