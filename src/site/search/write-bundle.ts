import {createHash, type Hash} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {dictionaryWords} from '../../text/segmenter.js'
import {IndexBuilder, type SearchDoc} from './build-index.js'
import {fragmentsPerFile} from './format.js'

/**
 * What the indexer is told, in order: its words and the folder to write a
 * segment in, then every bundle of it, then to finish.
 */
export type IndexJob =
  | {kind: 'start'; places: string[]; folder: string; segment: 'b' | 'd'}
  | {kind: 'bundle'; name: string; docs: SearchDoc[]}
  | {kind: 'finish'}

/** A segment written: its folder's name and its number of token shards. */
export interface Written {
  folder: string
  shards: number
}

/**
 * The indexer, in a thread or not: it takes the jobs of `IndexJob` in
 * order, writes each bundle's fragments, and at `finish` the token shards;
 * it answers `finish` with the segment written. Its folder is named for
 * what it holds (`b-<hash>`, `d-<hash>`), so that a CDN that kept an older
 * segment's files never serves them for this one, and two builds of the
 * same items write the same. Synchronous: in the indexer's thread, the
 * next bundle's message then stays serialised (compact) until this one is
 * done.
 */
export function indexer(): (job: IndexJob) => Written | undefined {
  let segment: {builder: IndexBuilder; places: string[]; parent: string; kind: 'b' | 'd'; hash: Hash} | undefined
  const building = (parent: string) => join(parent, '.segment')
  return (job) => {
    if (job.kind === 'start') {
      segment = {builder: new IndexBuilder(), places: job.places, parent: job.folder, kind: job.segment, hash: sha1()}
      return undefined
    }
    if (!segment) throw new Error('the indexer was not started')
    const {builder, parent, hash} = segment
    const write = (path: string, value: unknown) => {
      const text = JSON.stringify(value)
      hash.update(`${path}\n${text}\n`)
      writeTextSync(join(building(parent), path), text)
    }
    if (job.kind === 'bundle') {
      for (const doc of job.docs) builder.add(doc)
      for (let start = 0; start < job.docs.length; start += fragmentsPerFile) {
        const fragments = job.docs.slice(start, start + fragmentsPerFile).map((doc) => doc.fragment)
        write(`${job.name}/${start / fragmentsPerFile}.json`, fragments)
      }
      return undefined
    }
    const shards = builder.shards([...dictionaryWords(), ...segment.places])
    shards.forEach((shard, number) => write(`t/${number}.json`, shard))
    const folder = `${segment.kind}-${hash.digest('hex').slice(0, 12)}`
    rmSync(join(parent, folder), {recursive: true, force: true})
    renameSync(building(parent), join(parent, folder))
    segment = undefined
    return {folder, shards: shards.length}
  }
}

const sha1 = () => createHash('sha1')

/** Not atomic like the cache's `writeJson`: the output folder is a staging folder until the build succeeds. */
export function writeJsonSync(file: string, value: unknown): void {
  writeTextSync(file, JSON.stringify(value))
}

function writeTextSync(file: string, text: string): void {
  mkdirSync(dirname(file), {recursive: true})
  writeFileSync(file, text)
}
