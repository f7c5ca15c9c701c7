import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {dictionaryWords} from '../../text/segmenter.js'
import {IndexBuilder, type SearchDoc} from './build-index.js'
import {fragmentsPerFile} from './format.js'

/** What the indexer is told, in order: its words, then every bundle, then where the token shards go. */
export type IndexJob =
  | {kind: 'start'; places: string[]}
  | {kind: 'bundle'; docs: SearchDoc[]; folder: string | null}
  | {kind: 'finish'; folder: string}

/**
 * The indexer, in a thread or not: it takes the jobs of `IndexJob` in
 * order, writes a bundle's fragments when the bundle has a folder (the
 * bundles not re-indexed keep theirs), and at `finish` the token shards;
 * it answers `finish` with their number. Synchronous: in the indexer's
 * thread, the next bundle's message then stays serialised (compact) until
 * this one is done.
 */
export function indexer(): (job: IndexJob) => number | undefined {
  let builder: IndexBuilder | undefined
  let places: string[] = []
  return (job) => {
    if (job.kind === 'start') {
      builder = new IndexBuilder()
      places = job.places
      return undefined
    }
    if (!builder) throw new Error('the indexer was not started')
    if (job.kind === 'bundle') {
      for (const doc of job.docs) builder.add(doc)
      if (!job.folder) return undefined
      for (let start = 0; start < job.docs.length; start += fragmentsPerFile) {
        const fragments = job.docs.slice(start, start + fragmentsPerFile).map((doc) => doc.fragment)
        writeJsonSync(join(job.folder, `${start / fragmentsPerFile}.json`), fragments)
      }
      return undefined
    }
    const shards = builder.shards([...dictionaryWords(), ...places])
    shards.forEach((shard, number) => writeJsonSync(join(job.folder, `${number}.json`), shard))
    return shards.length
  }
}

/** Not atomic like the cache's `writeJson`: the output folder is a staging folder until the build succeeds. */
export function writeJsonSync(file: string, value: unknown): void {
  mkdirSync(dirname(file), {recursive: true})
  writeFileSync(file, JSON.stringify(value))
}
