import {createHash} from 'node:crypto'
import {constants, lstatSync, realpathSync, statSync, type Stats} from 'node:fs'
import {open, readdir, realpath, type FileHandle} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import pMap from 'p-map'
import type {VFileMessage} from 'vfile-message'
import {message, restore, store, type Severity, type Stored} from '../model/messages.js'
import type {ReadRecord, SourceGazette} from '../model/types.js'
import {correctionsName, parseCorrections} from './corrections.js'
import {manifestName, parseManifest} from './manifest.js'
import {readGazette} from './read-gazette.js'
import {metadataFromName} from './file-name.js'
import type {MetadataInput} from './metadata-schema.js'
import {defaultMaxBytes, isBlank, whyNotText} from './sniff.js'

/** File names read as gazettes. */
export const gazetteExtensions = /\.(?:txt|md)$/iu

export interface FolderContents {
  gazettes: SourceGazette[]
  /** Problems with the folder itself: the manifest, files left out. */
  reports: VFileMessage[]
}

export interface FolderOptions {
  /** Files larger than this are left out (a gazette page is 5–50 KB). */
  maxBytes?: number
  /** Metadata every gazette has unless the manifest or the file says otherwise (the configuration's `defaults`). */
  defaults?: MetadataInput
  /** How file names give date and page (`metadataFromName`): the configuration's `fileNames`. */
  fileNames?: RegExp
}

/**
 * What a read of a content folder found, kept for the next read of it: a
 * file of the same size and modification time, read under the same
 * manifest, corrections and size limit, gives the same record.
 */
export interface KnownFiles {
  /** A hash of the manifest, the corrections and the size limit: when it changes, any record may. */
  context: string
  /**
   * By path: the file's size and modification time when it was read (of its
   * target, for a link, and the target's path in the folder), and its record.
   */
  files: Record<string, {size: number; mtimeMs: number; target?: string; record: Stored<ReadRecord>}>
}

/** Largest manifest or corrections file read (thousands of entries are a few hundred KB). */
const maxYamlBytes = 64 * 1024 * 1024

/**
 * Every gazette file below `folder`, in path order: every name that is not
 * a folder, so that a link, a FIFO or a socket named `.txt` is reported
 * when read, not skipped in silence.
 */
export async function listGazetteFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => !entry.isDirectory() && gazetteExtensions.test(entry.name))
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
  // With nothing known, every file was read: every gazette has its text, and the filter keeps them all.
  return {gazettes: gazettes.filter((gazette) => 'text' in gazette), reports}
}

/**
 * `readFolder`, reading only the files changed since `previous`: an unchanged
 * file gives its record of then, without text. Also what is known now.
 */
export async function readChanged(
  folder: string,
  options: FolderOptions,
  previous?: KnownFiles
): Promise<{gazettes: Array<SourceGazette | ReadRecord>; reports: VFileMessage[]; known: KnownFiles}> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const reports: VFileMessage[] = []
  const report = (file: string, line: number | null, ruleId: string, severity: Severity, reason: string) =>
    reports.push(message(file, 'read', ruleId, reason, {line, severity}))
  const files = await listGazetteFiles(folder)
  const root = await realpath(folder)
  const manifestText = await readOptional(folder, root, manifestName, reports)
  const correctionsText = await readOptional(folder, root, correctionsName, reports)
  const manifest = parseManifest(manifestText)
  const corrections = parseCorrections(correctionsText)
  reports.push(...manifest.reports, ...corrections.reports)
  const now: KnownFiles = {
    context: createHash('sha1')
      .update(JSON.stringify([manifestText, correctionsText, maxBytes, options.defaults, options.fileNames?.source]))
      .digest('base64url'),
    files: {}
  }
  const unchanged = previous?.context === now.context ? previous.files : {}

  const known = new Set(files)
  for (const [file, lines] of [
    [manifestName, manifest.lines],
    [correctionsName, corrections.lines]
  ] as const) {
    for (const [name, line] of lines) {
      if (!known.has(name))
        report(file, line, file.replace(/\.yaml$/u, ''), 'error', `entry for ${name}, which is not in the folder`)
    }
  }
  const gazettes: Array<SourceGazette | ReadRecord> = []
  // A few files in flight at once (the disk answers them in parallel), kept in path order.
  const readOne = async (file: string) => ({
    file,
    result: await readBytes(join(folder, file), root, maxBytes, unchanged[file])
  })
  for (const {file, result} of await pMap(files, readOne, {concurrency: 16})) {
    if ('known' in result) {
      now.files[file] = result.known
      // A copy: samePage may take its page number.
      gazettes.push(restore(result.known.record))
      continue
    }
    const refused = whyRefused(file, result, maxBytes)
    if (refused) {
      reports.push(refused)
      continue
    }
    if (!('bytes' in result)) continue
    const notText = whyNotText(result.bytes)
    if (notText) {
      report(file, null, 'not-text', notText === 'empty file' ? 'warning' : 'error', `left out: ${notText}`)
      continue
    }
    const named = metadataFromName(file, options.fileNames)
    const source = readGazette(file, result.bytes, {
      defaults: {...options.defaults, ...manifest.defaults},
      named: named.metadata,
      entry: manifest.entries.get(file),
      corrections: corrections.entries.get(file)
    })
    if (named.problem) source.reports.push(message(file, 'read', 'file-name', named.problem, {severity: 'warning'}))
    if (isBlank(source.text)) {
      report(file, null, 'not-text', 'warning', 'left out: no text (only white space or front matter)')
      continue
    }
    gazettes.push(source)
    const {text, ...record} = source
    const {size, mtimeMs, target} = result
    now.files[file] = {size, mtimeMs, ...(target === undefined ? {} : {target}), record: store(record)}
  }
  reports.push(...samePage(gazettes))
  return {gazettes, reports, known: now}
}

/**
 * Two files that claim the same paper, date and page cannot both be that
 * page: the later one (in path order) keeps its text but loses its page
 * number, so it is built under its file name and nothing is lost.
 */
function samePage(gazettes: ReadRecord[]): VFileMessage[] {
  const reports: VFileMessage[] = []
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
    const page_ = `${paper ?? 'no paper'}, ${date}, page ${page}`
    reports.push(
      message(
        gazette.source,
        'read',
        'same-page',
        `claims the same page as ${first} (${page_}): built without a page number`
      )
    )
  }
  return reports
}

type Known = KnownFiles['files'][string]

/** What reading one file gave: its bytes, or why it gave none. */
type ReadResult =
  | {known: Known}
  | {bytes: Buffer; size: number; mtimeMs: number; target?: string}
  | {tooLarge: number | null}
  | {refused: 'outside-link' | 'not-regular'; kind?: string}
  | {error: Error}

// O_NONBLOCK: opening a FIFO that got past the checks cannot block the build.
// O_NOFOLLOW: a file swapped for a link since it was checked is not followed.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/**
 * A file's bytes; only its size when it is larger than `maxBytes`; what was
 * `known` of it when it has not changed since. Only a regular file is read,
 * and a link only when its real path is inside `root` (the content
 * folder's real path): a link to `/etc/passwd` or `/dev/zero` is refused.
 * Its size and time are taken synchronously: a rebuild only takes them of
 * thousands of files, and `fs/promises` took three times as long for that.
 */
async function readBytes(path: string, root: string, maxBytes: number, known: Known | undefined): Promise<ReadResult> {
  try {
    const entry = lstatSync(path)
    // realpath only for links: it costs a call per path segment.
    const real = entry.isSymbolicLink() ? realpathSync.native(path) : undefined
    if (real !== undefined && !isInside(real, root)) return {refused: 'outside-link'}
    const stats = real === undefined ? entry : statSync(real)
    if (!stats.isFile()) return {refused: 'not-regular', kind: fileKind(stats)}
    const target = real === undefined ? undefined : relative(root, real)
    if (known?.size === stats.size && known.mtimeMs === stats.mtimeMs && known.target === target) return {known}
    if (stats.size > maxBytes) return {tooLarge: stats.size}
    return await readRegular(real ?? path, maxBytes, target)
  } catch (error) {
    return {error: error as Error}
  }
}

/** Open, check again through the handle (the file may have been swapped), read at most `maxBytes`. */
async function readRegular(path: string, maxBytes: number, target: string | undefined): Promise<ReadResult> {
  const handle = await open(path, openFlags)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return {refused: 'not-regular', kind: fileKind(stats)}
    if (stats.size > maxBytes) return {tooLarge: stats.size}
    const bytes = await readAtMost(handle, stats.size, maxBytes)
    if (bytes === null) return {tooLarge: null}
    return {bytes, size: stats.size, mtimeMs: stats.mtimeMs, ...(target === undefined ? {} : {target})}
  } finally {
    await handle.close()
  }
}

/**
 * The bytes of an open file, or null when more than `maxBytes` arrive: the
 * size it said it had (`sizeHint`) may be wrong (a file still growing, a
 * file of /proc), so the bound holds while reading.
 */
export async function readAtMost(handle: FileHandle, sizeHint: number, maxBytes: number): Promise<Buffer | null> {
  // Room for one byte more than allowed: when it arrives, the file is too large.
  let buffer = Buffer.allocUnsafe(Math.min(sizeHint, maxBytes) + 1)
  let length = 0
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return null
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1))
      buffer.copy(larger, 0, 0, length)
      buffer = larger
    }
    const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length)
    if (bytesRead === 0) return buffer.subarray(0, length)
    length += bytesRead
  }
}

function isInside(path: string, root: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep)
}

function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isDirectory()) return 'a folder'
  return 'not a file'
}

/** The report for a file that gave no bytes to read, if it gave none. */
function whyRefused(
  file: string,
  result: ReadResult,
  maxBytes: number,
  limit = 'a gazette page may be (--max-file-size)'
): VFileMessage | undefined {
  const report = (ruleId: string, reason: string) => message(file, 'read', ruleId, reason)
  if ('error' in result) return report('unreadable', `left out: cannot read: ${result.error.message}`)
  if ('refused' in result && result.refused === 'outside-link') {
    // The target is not named: the report is published with the build's output.
    return report('outside-link', `left out: ${file} is a link that leads outside the content folder`)
  }
  if ('refused' in result) {
    return report('not-regular', `left out: not a regular file (${result.kind ?? 'not a file'})`)
  }
  if ('tooLarge' in result) {
    const size = result.tooLarge === null ? 'more' : `${megabytes(result.tooLarge)} is more`
    return report('too-large', `left out: ${size} than the ${megabytes(maxBytes)} ${limit}`)
  }
  return undefined
}

function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024
  return value >= 0.1 ? `${value.toFixed(1)} MB` : `${bytes} bytes`
}

/**
 * The text of the manifest or the corrections, or empty when there is none.
 * Read as a gazette is: a link outside the folder or a FIFO is reported.
 */
async function readOptional(folder: string, root: string, name: string, reports: VFileMessage[]): Promise<string> {
  const result = await readBytes(join(folder, name), root, maxYamlBytes, undefined)
  if ('bytes' in result) return new TextDecoder().decode(result.bytes)
  // Not there (a dangling link is there, and is reported).
  const error = 'error' in result ? (result.error as NodeJS.ErrnoException) : undefined
  if (error?.syscall === 'lstat' && error.code === 'ENOENT') return ''
  const refused = whyRefused(name, result, maxYamlBytes, 'a YAML file may be')
  if (refused) reports.push(refused)
  return ''
}
