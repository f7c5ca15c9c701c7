/**
 * `npm run eval [-- --set samples|heldout|corpus|search] [--verbose] [--corpus DIR [--files a,b]]
 * [--pagefind BINARY]`: score the splitter and the place tagger against the
 * hand-labelled fixtures and, when the shared corpus is beside the
 * repository (../shared/corpus), against its dev and test parts with the
 * corpus's own scorer, and the search against the judged queries
 * (tests/fixtures/search/), and print the figures. Corrections files are
 * ignored: this measures the rules alone. The misses of a test part are
 * never listed. `--corpus DIR` scores another folder laid out like the
 * corpus (gazettes/, truth/) as one part instead.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {toPublicArchive} from '../src/archive/export.js'
import {readGazette} from '../src/read/read-gazette.js'
import {parseArgs} from 'node:util'
import {z} from 'zod'
import {processGazette} from '../src/pipeline/process-gazette.js'
import {loadPlaceNames, type PlaceNames} from '../src/tag/mentions.js'
import {readFolder} from '../src/read/read-folder.js'
import type {Gazette} from '../src/model/types.js'
import {archiveEngine, inScratch, judgedArchive, pagefindEngine, scoreEngine} from './lib/search-eval.js'
import {fields, prf, scorePlaces, scoreSplit, type Counts, type PlaceFixture, type SplitFixture} from './lib/score.js'

let names: PlaceNames | undefined
/** The gazetteer and segmenter, loaded on first need: the search set alone needs them in its own call. */
const placeNames = () => (names ??= loadPlaceNames())

const root = join(import.meta.dirname, '..')

/** Each set: a folder of gazettes and the folders of their fixtures. */
const sets = {
  samples: {
    gazettes: join(root, 'content/gazettes'),
    split: join(root, 'tests/fixtures/split'),
    places: join(root, 'tests/fixtures/places')
  },
  heldout: {
    gazettes: join(root, 'tests/fixtures/heldout'),
    split: join(root, 'tests/fixtures/heldout/split'),
    places: join(root, 'tests/fixtures/heldout/places')
  }
}

const {values} = parseArgs({
  options: {
    set: {type: 'string', multiple: true},
    verbose: {type: 'boolean', short: 'v'},
    // Another folder laid out like the corpus (gazettes/, truth/), scored as one part, e.g. pages for measuring only.
    corpus: {type: 'string'},
    files: {type: 'string'},
    // Pagefind's binary: the judged search queries are run on it too.
    pagefind: {type: 'string'}
  }
})
const isSet = (name: string): name is keyof typeof sets => Object.hasOwn(sets, name)
const chosen = (values.set ?? [...Object.keys(sets), 'corpus'])
  .filter((name) => name !== 'corpus' && name !== 'search')
  .map((name) => {
    if (!isSet(name)) throw new Error(`--set ${name}: not one of ${[...Object.keys(sets), 'corpus', 'search']}`)
    return name
  })
const corpusChosen = values.set === undefined || values.set.includes('corpus')
const searchChosen = values.set === undefined || values.set.includes('search')

function readFixtures<T>(folder: string): T[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as T)
}

const share = (part: number, whole: number) => (whole === 0 ? '  —  ' : (part / whole).toFixed(3))
const line = (label: string, counts: Counts) => {
  const {precision, recall, f1} = prf(counts)
  const figures = `P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`
  return `  ${label.padEnd(9)} ${figures}   (${counts.tp} right, ${counts.fp} wrong, ${counts.fn} missed)`
}

for (const name of chosen) {
  const set = sets[name]
  if (!set) throw new Error(`unknown set ${name}: expected ${Object.keys(sets).join(' or ')}`)
  if (!existsSync(set.gazettes)) continue
  const {gazettes: sources} = await readFolder(set.gazettes)
  const gazettes = new Map<string, Gazette>(
    sources.map((source) => [source.source, processGazette({...source, corrections: []}, placeNames())])
  )
  const pair = <T extends {source: string}>(fixtures: T[]) =>
    fixtures.flatMap((fixture) => {
      const gazette = gazettes.get(fixture.source)
      if (!gazette) console.warn(`${name}: fixture for ${fixture.source}, which is not in ${set.gazettes}`)
      return gazette ? [{fixture, gazette}] : []
    })

  const splitPairs = pair(readFixtures<SplitFixture>(set.split))
  if (splitPairs.length > 0) {
    const score = scoreSplit(splitPairs)
    console.log(`split — ${name}: ${splitPairs.length} files, ${score.expected} items expected, ${score.found} found`)
    console.log(line('items', {tp: score.matched, fp: score.found - score.matched, fn: score.expected - score.matched}))
    console.log(`  exactly right, of ${score.matched} matched items:`)
    console.log(fields.map((field) => `    ${field.padEnd(10)} ${share(score.right[field], score.matched)}`).join('\n'))
    const {duplicates} = score
    console.log(
      line('duplicates', {
        tp: duplicates.matched,
        fp: duplicates.found - duplicates.matched,
        fn: duplicates.expected - duplicates.matched
      })
    )
    if (values.verbose) {
      for (const miss of score.mismatches)
        console.log(
          `    ${miss.source}:${miss.line} ${miss.field}:` +
            ` expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`
        )
    }
  }

  const placePairs = pair(readFixtures<PlaceFixture>(set.places))
  if (placePairs.length > 0) {
    const score = scorePlaces(placePairs)
    console.log(`places — ${name}: ${placePairs.length} files`)
    console.log(line('district', score.district))
    console.log(line('town', score.town))
    if (values.verbose) {
      for (const miss of score.mismatches)
        console.log(
          `    ${miss.source}:${miss.line} missing [${miss.missing.join(', ')}] extra [${miss.extra.join(', ')}]`
        )
    }
  }
}

/** The shared corpus: its parts, scored by its own score.mjs. */
const shared = join(root, '..', 'shared', 'corpus')
const corpus = values.corpus ?? shared
const parts: Record<string, string[]> = values.corpus
  ? {
      [values.corpus]: (values.files?.split(',') ?? readdirSync(join(corpus, 'truth')))
        .map((name) => name.replace(/\.json$/u, ''))
        .sort()
    }
  : {
      test: ['a-03', 'b-04', 'c-02'],
      dev: ['a-01', 'a-02', 'a-04', 'b-01', 'b-02', 'b-03', 'c-01', 'c-03', 'c-04']
    }
/** What the corpus's scorer (score.mjs) prints: figures for items and places, a share per field. */
const corpusFields = ['title', 'kicker', 'subtitle', 'bylines', 'paragraphs', 'kind'] as const
const prfFigures = z.object({precision: z.number(), recall: z.number(), f1: z.number()})
const corpusScore = z.object({
  items: prfFigures,
  district: prfFigures,
  town: prfFigures,
  title: z.number(),
  kicker: z.number(),
  subtitle: z.number(),
  bylines: z.number(),
  paragraphs: z.number(),
  kind: z.number()
})
if (corpusChosen && !existsSync(join(shared, 'score.mjs'))) {
  console.log(`corpus: ${corpus} is absent (only CI and the project's own machines have ../shared); skipped`)
} else if (corpusChosen) {
  const scratch = mkdtempSync(join(tmpdir(), 'gazette-eval-'))
  try {
    for (const [part, names] of Object.entries(parts)) {
      const gazettes = names.map((name) => {
        const file = join(corpus, 'gazettes', `${name}.txt`)
        return processGazette(readGazette(file, readFileSync(file), {}), placeNames())
      })
      const truth = names.map(
        (name) => JSON.parse(readFileSync(join(corpus, 'truth', `${name}.json`), 'utf8')) as unknown
      )
      writeFileSync(join(scratch, 'truth.json'), JSON.stringify(truth))
      writeFileSync(join(scratch, 'pred.json'), JSON.stringify(toPublicArchive(gazettes)))
      // Misses are not listed for the test part: it is for measuring.
      const verbose = values.verbose && part !== 'test' ? {SCORE_VERBOSE: '1'} : {}
      const output = execFileSync(
        process.execPath,
        [join(shared, 'score.mjs'), join(scratch, 'truth.json'), join(scratch, 'pred.json')],
        {
          encoding: 'utf8',
          env: {...process.env, ...verbose, SCORE_VERBOSE: verbose.SCORE_VERBOSE ?? ''},
          stdio: ['ignore', 'pipe', 'inherit']
        }
      )
      const score = corpusScore.parse(JSON.parse(output))
      const figure = (field: (typeof corpusFields)[number]) => `${field} ${score[field].toFixed(3)}`
      console.log(`split — corpus ${part} part (${names.join(' ')}):`)
      const {precision, recall, f1} = score.items
      console.log(`  items     P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`)
      console.log(`  ${corpusFields.map(figure).join('  ')}`)
      console.log(`places — corpus ${part} part (no region given):`)
      for (const level of ['district', 'town'] as const) {
        const {precision, recall, f1} = score[level]
        console.log(`  ${level.padEnd(9)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`)
      }
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}

/**
 * Search: the judged queries over the samples, the heldout pages and the
 * corpus (when it is there); with `--pagefind BINARY`, Pagefind too.
 */
if (searchChosen) {
  const folders = {samples: sets.samples.gazettes, heldout: sets.heldout.gazettes, corpus: join(shared, 'gazettes')}
  const judgedArchiveOf = await judgedArchive(folders)
  await inScratch(async (work) => {
    const engines = [['this archive', await archiveEngine(judgedArchiveOf.archive, join(work, 'archive'))] as const]
    const pagefind = values.pagefind
      ? await pagefindEngine(judgedArchiveOf.archive, join(work, 'pagefind'), values.pagefind)
      : undefined
    try {
      for (const [engine, run] of pagefind ? [...engines, ['Pagefind', pagefind] as const] : engines) {
        for (const part of ['dev', 'test']) {
          const judged = join(root, 'tests/fixtures/search', `${part}.json`)
          if (!existsSync(judged)) continue
          const score = await scoreEngine(judged, judgedArchiveOf, run)
          const figures = (row: {recall: number; precisionAt10: number; mrr: number}) =>
            `recall ${row.recall.toFixed(3)}  P@10 ${row.precisionAt10.toFixed(3)}  MRR ${row.mrr.toFixed(3)}`
          console.log(`search — ${engine}, ${part} queries: ${score.queries}`)
          console.log(`  ${figures(score)}  with no result: ${score.empty.length}`)
          for (const [kind, row] of score.byKind) {
            console.log(`    ${kind.padEnd(16)} ${String(row.queries).padStart(3)}  ${figures(row)}`)
          }
          // The test part is for measuring: its queries and misses are not printed.
          if (part !== 'dev') continue
          if (score.empty.length > 0) console.log(`  no result: ${score.empty.join('  ')}`)
          if (values.verbose) console.log(score.misses.join('\n'))
        }
      }
    } finally {
      await pagefind?.close()
    }
  })
}
