import {readFile, readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import type {Report, SourceGazette} from '../types.js'
import {correctionsName, parseCorrections} from './corrections.js'
import {manifestName, parseManifest} from './manifest.js'
import {readGazette} from './read-gazette.js'

/** File names read as gazettes. */
export const gazetteExtensions = /\.(?:txt|md)$/iu

export interface FolderContents {
  gazettes: SourceGazette[]
  /** Problems with the folder itself: the manifest, unreadable files. */
  reports: Report[]
}

/** Every gazette file below `folder`, in path order. */
export async function listGazetteFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile() && gazetteExtensions.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** Read the manifest and every gazette of a content folder. */
export async function readFolder(folder: string): Promise<FolderContents> {
  const reports: Report[] = []
  const manifest = parseManifest(await readOptional(join(folder, manifestName)))
  const corrections = parseCorrections(await readOptional(join(folder, correctionsName)))
  reports.push(...manifest.reports, ...corrections.reports)

  const files = await listGazetteFiles(folder)
  const known = new Set(files)
  for (const [file, keys] of [[manifestName, manifest.entries.keys()], [correctionsName, corrections.entries.keys()]] as const) {
    for (const name of keys) {
      if (!known.has(name)) reports.push({file, line: null, column: null, ruleId: `read:${file.replace(/\.yaml$/u, '')}`, severity: 'warning', message: `entry for ${name}, which is not in the folder`})
    }
  }
  const gazettes: SourceGazette[] = []
  for (const file of files) {
    try {
      const bytes = await readFile(join(folder, file))
      gazettes.push(readGazette(file, bytes, {defaults: manifest.defaults, entry: manifest.entries.get(file), corrections: corrections.entries.get(file)}))
    } catch (error) {
      reports.push({file, line: null, column: null, ruleId: 'read:unreadable', severity: 'error', message: `cannot read: ${(error as Error).message}`})
    }
  }
  return {gazettes, reports}
}

/** A file's text, or empty when it does not exist. */
async function readOptional(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '')
}
