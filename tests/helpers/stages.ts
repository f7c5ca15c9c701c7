import {Pool} from '../../src/pipeline/pool.js'
import {loadPlaceNames, type PlaceNames} from '../../src/tag/mentions.js'
import {Segmenter} from '../../src/text/segmenter.js'

let loaded: PlaceNames | undefined

/** The gazetteer and a segmenter taught its names: loaded once per test file (a second), shared by its tests. */
export function names(): PlaceNames {
  loaded ??= loadPlaceNames()
  return loaded
}

/** A segmenter with its dictionary only, as the splitter uses it without a gazetteer. */
export const segmenter = new Segmenter()

let shared: Pool | undefined

/** A pool for a test file's whole-folder builds: in this thread, with `names()`, not a second second of loading. */
export function pool(): Pool {
  shared ??= new Pool({names: names()})
  return shared
}
