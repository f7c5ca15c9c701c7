import {createHash} from 'node:crypto'
import {statSync} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import pMap from 'p-map'
import type {ReadRecord, Report, SourceGazette} from '../types.js'
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

/**
 * What a read of a content folder found, kept for the next read of it: a
 * file of the same size and modification time, read under the same
 * manifest, corrections and size limit, gives the same record.
 */
export interface KnownFiles {
  /** A hash of the manifest, the corrections and the size limit: when it changes, any record may. */
  context: string
  /** By path: the file's size and modification time when it was read, and its record. */
  files: Record<string, {size: number; mtimeMs: number; record: ReadRecord}>
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
  const {gazettes, reports} = await readChanged(folder, options)
  // With nothing known, every file was read: every gazette has its text.
  return {gazettes: gazettes as SourceGazette[], reports}
}

/**
 * `readFolder`, reading only the files changed since `previous`: an unchanged
 * file gives its record of then, without text. Also what is known now.
 */
export async function readChanged(folder: string, options: FolderOptions, previous?: KnownFiles): Promise<{gazettes: Array<SourceGazette | ReadRecord>; reports: Report[]; known: KnownFiles}> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const reports: Report[] = []
  const report = (file: string, line: number | null, ruleId: string, severity: Report['severity'], message: string) =>
    reports.push({file, line, column: null, ruleId, severity, message})
  const manifestText = await readOptional(join(folder, manifestName))
  const correctionsText = await readOptional(join(folder, correctionsName))
  const manifest = parseManifest(manifestText)
  const corrections = parseCorrections(correctionsText)
  reports.push(...manifest.reports, ...corrections.reports)
  const now: KnownFiles = {context: createHash('sha1').update(JSON.stringify([manifestText, correctionsText, maxBytes])).digest('base64url'), files: {}}
  const unchanged = previous?.context === now.context ? previous.files : {}

  const files = await listGazetteFiles(folder)
  const known = new Set(files)
  for (const [file, lines] of [[manifestName, manifest.lines], [correctionsName, corrections.lines]] as const) {
    for (const [name, line] of lines) {
      if (!known.has(name)) report(file, line, `read:${file.replace(/\.yaml$/u, '')}`, 'error', `entry for ${name}, which is not in the folder`)
    }
  }
  const gazettes: Array<SourceGazette | ReadRecord> = []
  // A few files in flight at once (the disk answers them in parallel), kept in path order.
  const read = await pMap(files, (file) => readBytes(join(folder, file), maxBytes, unchanged[file]), {concurrency: 16})
  for (const [index, file] of files.entries()) {
    const result = read[index]!
    if ('known' in result) {
      now.files[file] = result.known
      // A copy: samePage may take its page number.
      gazettes.push({...result.known.record})
      continue
    }
    if ('error' in result) {
      report(file, null, 'read:unreadable', 'error', `left out: cannot read: ${result.error.message}`)
      continue
    }
    if ('tooLarge' in result) {
      report(file, null, 'read:too-large', 'error', `left out: ${megabytes(result.tooLarge)} is more than the ${megabytes(maxBytes)} a gazette page may be (--max-file-size)`)
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
    const {text, ...record} = source
    now.files[file] = {size: result.size, mtimeMs: result.mtimeMs, record}
  }
  reports.push(...samePage(gazettes))
  return {gazettes, reports, known: now}
}

/**
 * Two files that claim the same paper, date and page cannot both be that
 * page: the later one (in path order) keeps its text but loses its page
 * number, so it is built under its file name and nothing is lost.
 */
function samePage(gazettes: ReadRecord[]): Report[] {
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

/**
 * A file's bytes; only its size when it is larger than `maxBytes`; what was
 * `known` of it when it has not changed since. Its size and time are taken
 * synchronously: a rebuild only takes them of thousands of files, and
 * `fs/promises` took three times as long for that.
 */
async function readBytes(path: string, maxBytes: number, known: KnownFiles['files'][string] | undefined): Promise<{known: NonNullable<typeof known>} | {tooLarge: number} | {bytes: Buffer; size: number; mtimeMs: number} | {error: Error}> {
  try {
    const {size, mtimeMs} = statSync(path)
    if (known?.size === size && known.mtimeMs === mtimeMs) return {known}
    return size > maxBytes ? {tooLarge: size} : {bytes: await readFile(path), size, mtimeMs}
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
