import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {indexBundle, type SearchDoc} from './index-bundle.js'

/** A bundle to index, and the folder its files go into. */
export interface BundleJob {
  folder: string
  docs: SearchDoc[]
}

/**
 * Index a bundle and write its files; its number of shards. Synchronous:
 * in the indexer's thread, the next bundle's message then stays serialised
 * (compact) until this one is done.
 */
export function writeBundle({folder, docs}: BundleJob): number {
  const {shards, files} = indexBundle(docs)
  for (const [path, value] of files) writeJsonSync(join(folder, path), value)
  return shards
}

/** Not atomic like the cache's `writeJson`: the output folder is a staging folder until the build succeeds. */
export function writeJsonSync(file: string, value: unknown): void {
  mkdirSync(dirname(file), {recursive: true})
  writeFileSync(file, JSON.stringify(value))
}
