import {mkdir, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {indexBundle, type SearchDoc} from './index-bundle.js'

/** A bundle to index, and the folder its files go into. */
export interface BundleJob {
  folder: string
  docs: SearchDoc[]
}

/** Index bundles and write their files, one after the other; their numbers of shards. */
export async function inTurn(jobs: readonly BundleJob[]): Promise<number[]> {
  const shards: number[] = []
  for (const {folder, docs} of jobs) {
    const {shards: count, files} = indexBundle(docs)
    for (const [path, value] of files) await writeJson(join(folder, path), value)
    shards.push(count)
  }
  return shards
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), {recursive: true})
  await writeFile(file, JSON.stringify(value))
}
