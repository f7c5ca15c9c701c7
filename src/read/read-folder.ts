import {readFile, readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import type {Report, SourceGazette} from '../types.js'
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
  const manifestText = await readFile(join(folder, manifestName), 'utf8').catch(() => undefined)
  const manifest = parseManifest(manifestText ?? '')
  reports.push(...manifest.reports)

  const files = await listGazetteFiles(folder)
  for (const name of manifest.entries.keys()) {
    if (!files.includes(name)) reports.push({file: manifestName, line: null, column: null, ruleId: 'read:manifest', severity: 'warning', message: `entry for ${name}, which is not in the folder`})
  }
  const gazettes: SourceGazette[] = []
  for (const file of files) {
    try {
      const bytes = await readFile(join(folder, file))
      gazettes.push(readGazette(file, bytes, {defaults: manifest.defaults, entry: manifest.entries.get(file)}))
    } catch (error) {
      reports.push({file, line: null, column: null, ruleId: 'read:unreadable', severity: 'error', message: `cannot read: ${(error as Error).message}`})
    }
  }
  return {gazettes, reports}
}
