import {readFile, readdir, stat} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import pMap from 'p-map'
import type {Report, SourceGazette} from '../types.js'
import {correctionsName, parseCorrections} from './corrections.js'
import {manifestName, parseManifest} from './manifest.js'
import {readGazette} from './read-gazette.js'
import {defaultMaxBytes, isBlank, whyNotText} from './sniff.js'

/** File names read as gazettes. */
export const gazetteExtensions = /\.(?:txt|md)$/iu

export interface FolderContents {
  gazettes: SourceGazette[]
  /** Problems with the folder itself: the manifest, files left out. */
  reports: Report[]
}

export interface FolderOptions {
  /** Files larger than this are left out (a gazette page is 5–50 KB). */
  maxBytes?: number
}

/** Every gazette file below `folder`, in path order. */
export async function listGazetteFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries
    // Links are listed too: a dangling one is then reported as unreadable, not skipped in silence.
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && gazetteExtensions.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/**
 * Read the manifest, the corrections and every gazette of a content folder.
 * A file that cannot be a gazette page (unreadable, empty, binary, too
 * large) is reported and left out; the rest are read.
 */
export async function readFolder(folder: string, options: FolderOptions = {}): Promise<FolderContents> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const reports: Report[] = []
  const report = (file: string, line: number | null, ruleId: string, severity: Report['severity'], message: string) =>
    reports.push({file, line, column: null, ruleId, severity, message})
  const manifest = parseManifest(await readOptional(join(folder, manifestName)))
  const corrections = parseCorrections(await readOptional(join(folder, correctionsName)))
  reports.push(...manifest.reports, ...corrections.reports)

  const files = await listGazetteFiles(folder)
  const known = new Set(files)
  for (const [file, lines] of [[manifestName, manifest.lines], [correctionsName, corrections.lines]] as const) {
    for (const [name, line] of lines) {
      if (!known.has(name)) report(file, line, `read:${file.replace(/\.yaml$/u, '')}`, 'error', `entry for ${name}, which is not in the folder`)
    }
  }
  const gazettes: SourceGazette[] = []
  // A few files in flight at once (the disk answers them in parallel), kept in path order.
  const read = await pMap(files, (file) => readBytes(join(folder, file), maxBytes), {concurrency: 16})
  for (const [index, file] of files.entries()) {
    const result = read[index]!
    if ('error' in result) {
      report(file, null, 'read:unreadable', 'error', `left out: cannot read: ${result.error.message}`)
      continue
    }
    if ('size' in result) {
      report(file, null, 'read:too-large', 'error', `left out: ${megabytes(result.size)} is more than the ${megabytes(maxBytes)} a gazette page may be (--max-file-size)`)
      continue
    }
    const notText = whyNotText(result.bytes)
    if (notText) {
      report(file, null, 'read:not-text', notText === 'empty file' ? 'warning' : 'error', `left out: ${notText}`)
      continue
    }
    const source = readGazette(file, result.bytes, {defaults: manifest.defaults, entry: manifest.entries.get(file), corrections: corrections.entries.get(file)})
    if (isBlank(source.text)) {
      report(file, null, 'read:not-text', 'warning', 'left out: no text (only white space or front matter)')
      continue
    }
    gazettes.push(source)
  }
  reports.push(...samePage(gazettes))
  return {gazettes, reports}
}

/**
 * Two files that claim the same paper, date and page cannot both be that
 * page: the later one (in path order) keeps its text but loses its page
 * number, so it is built under its file name and nothing is lost.
 */
function samePage(gazettes: SourceGazette[]): Report[] {
  const reports: Report[] = []
  const claimed = new Map<string, string>()
  for (const gazette of gazettes) {
    const {paper, date, page} = gazette.metadata
    if (date === null || page === null) continue
    const key = `${paper ?? ''}|${date}|${page}`
    const first = claimed.get(key)
    if (first === undefined) {
      claimed.set(key, gazette.source)
      continue
    }
    gazette.metadata = {...gazette.metadata, page: null}
    reports.push({
      file: gazette.source,
      line: null,
      column: null,
      ruleId: 'read:same-page',
      severity: 'error',
      message: `claims the same page as ${first} (${paper ?? 'no paper'}, ${date}, page ${page}): built without a page number`
    })
  }
  return reports
}

/** A file's bytes; only its size when it is larger than `maxBytes`. */
async function readBytes(path: string, maxBytes: number): Promise<{size: number} | {bytes: Buffer} | {error: Error}> {
  try {
    const {size} = await stat(path)
    return size > maxBytes ? {size} : {bytes: await readFile(path)}
  } catch (error) {
    return {error: error as Error}
  }
}

function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024
  return value >= 0.1 ? `${value.toFixed(1)} MB` : `${bytes} bytes`
}

/** A file's text, or empty when it does not exist. */
async function readOptional(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '')
}
