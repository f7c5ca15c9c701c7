import {randomBytes} from 'node:crypto'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {z} from 'zod'
import {failpoint} from './failpoint.js'
import {acquireLock, type LockOptions} from './lock.js'
import {checkedInsidePath, inside, isInsidePath} from '../util/inside-path.js'
import {cloneTree, filesBelow, moveInto, removePath, syncPath} from './tree.js'

/*
 * A site is published as a link: `_site` points to a release folder in
 * `._site.gazette/` beside it, and a build swaps the link for one to its new
 * release with a single rename, which is atomic. Whenever a process is
 * killed, the output path holds the old site or the new one, whole.
 *
 * A rebuild that changes a few pages writes them into the *twin*: a second
 * release whose files are hard links to the published one's, kept one build
 * behind it. The journal (`twin.json`) lists the paths where the twin
 * differs from the published release; a rebuild first makes the twin equal
 * at those paths (linking the published files), then moves its own files
 * in, then swaps the link. Its cost follows the change, not the site; the
 * twin costs no disk but its folders. Only the first rebuild after a full
 * build makes it, by linking every file.
 */

/** What a rebuild changes in a built site besides the files it writes. */
export interface Changes {
  /** Folders the rebuild writes whole: the old ones are replaced, not merged. */
  replace: string[]
  /** Files and folders to delete (pages that no longer exist). */
  remove: string[]
}

/** The file every release holds: what tells a folder a build wrote from any other. */
export const markerName = '.gazette-site'
const markerText = 'A site written by `gazette build` (gazette-archive). A build may replace this folder.\n'

/** The twin: a release that equals the published one (`base`) but at `paths`. */
interface Journal {
  twin: string
  base: string
  paths: string[]
}

/** The folder beside `output` that holds its releases, lock and journal. */
export function storeOf(output: string): string {
  const target = resolve(output)
  return join(dirname(target), `.${basename(target)}.gazette`)
}

/** Whether `folder` holds a release's marker. */
export function hasMarker(folder: string): boolean {
  return existsSync(join(folder, markerName))
}

/**
 * The output of one build: opened with its lock held, and cleared of
 * whatever a killed build left behind.
 */
export class Output {
  readonly #target: string
  readonly #store: string
  readonly #unlock: () => void
  /** The release the output path links to, if any. */
  #published: string | undefined
  #twin: Journal | undefined

  private constructor(target: string, store: string, unlock: () => void) {
    this.#target = target
    this.#store = store
    this.#unlock = unlock
  }

  /** Lock the output (waiting for a build that holds it) and recover from a killed build. */
  static async open(output: string, options: LockOptions = {}): Promise<Output> {
    const target = resolve(output)
    const store = storeOf(target)
    // Not mkdtemp: its 0700 would keep a web server running as another user out; the umask applies.
    mkdirSync(store, {recursive: true})
    // Beside the user's files: kept out of their repository.
    if (!existsSync(join(store, '.gitignore'))) writeFileSync(join(store, '.gitignore'), '*\n')
    const unlock = await acquireLock(join(store, 'lock'), options)
    const opened = new Output(target, store, unlock)
    try {
      opened.#recover()
    } catch (error) {
      unlock()
      throw error
    }
    return opened
  }

  /** The name of the published release (changes with every build that writes), or undefined. */
  get published(): string | undefined {
    return this.#published
  }

  /** The published release's folder. */
  get folder(): string | undefined {
    return this.#published && join(this.#store, this.#published)
  }

  /** Give the lock back. */
  close(): void {
    this.#unlock()
  }

  /** Publish a whole new site, written by `write` into an empty folder. */
  async publishFull<T>(write: (folder: string) => Promise<T>): Promise<T> {
    const id = newId()
    const {result, folder} = await this.#build(id, write)
    writeFileSync(join(folder, markerName), markerText)
    const release = `r-${id}`
    renameSync(folder, join(this.#store, release))
    failpoint('full:built')
    const old = [this.#published, this.#twin?.twin]
    this.#switchTo(release)
    this.#twin = undefined
    rmSync(this.#journalPath, {force: true})
    for (const name of old)
      if (name && name !== release) rmSync(join(this.#store, name), {recursive: true, force: true})
    return result
  }

  /**
   * Publish the published site with some pages changed: `write` writes them
   * into an empty folder, and is told the published release's folder, which
   * holds the rest; `changes` says what else goes.
   */
  async publishUpdate<T>(changes: Changes, write: (folder: string, published: string) => Promise<T>): Promise<T> {
    const base = this.#published
    if (!base) throw new Error('no published site to update')
    const twin = this.#twin ?? this.#makeTwin(base)
    const id = newId()
    const published = join(this.#store, base)
    const {result, folder} = await this.#build(id, (building) => write(building, published))
    const replaced = changes.replace.map(checkedInsidePath)
    const within = (file: string) => replaced.some((path) => file === path || file.startsWith(`${path}/`))
    const files = filesBelow(folder).filter((file) => !within(file))
    const removed = changes.remove.map(checkedInsidePath)
    const changed = [...new Set([...replaced, ...files, ...removed])]
    // Written before the twin is touched: a kill from here on is undone from it.
    this.#writeJournal({twin: twin.twin, base, paths: [...new Set([...twin.paths, ...changed])]})
    failpoint('update:journal')
    const [from, to] = [join(this.#store, base), join(this.#store, twin.twin)]
    for (const path of twin.paths) syncPath(from, to, path)
    failpoint('update:synced')
    for (const path of replaced) {
      if (existsSync(join(folder, path))) moveInto(join(folder, path), inside(to, path))
      else removePath(to, path)
    }
    for (const file of files) moveInto(join(folder, file), inside(to, file))
    for (const path of removed) removePath(to, path)
    failpoint('update:applied')
    this.#switchTo(twin.twin)
    this.#writeJournal({twin: base, base: twin.twin, paths: changed})
    rmSync(folder, {recursive: true, force: true})
    return result
  }

  async #build<T>(id: string, write: (folder: string) => Promise<T>): Promise<{result: T; folder: string}> {
    const folder = join(this.#store, `building-${id}`)
    mkdirSync(folder)
    try {
      return {result: await write(folder), folder}
    } catch (error) {
      rmSync(folder, {recursive: true, force: true})
      throw error
    }
  }

  /** A twin of the published release, every file linked (made under a building name: a kill leaves no half twin). */
  #makeTwin(base: string): Journal {
    const id = newId()
    const building = join(this.#store, `building-${id}`)
    cloneTree(join(this.#store, base), building)
    renameSync(building, join(this.#store, `r-${id}`))
    const journal = {twin: `r-${id}`, base, paths: []}
    this.#writeJournal(journal)
    failpoint('update:twin')
    return journal
  }

  /** Point the output path at `release`: one rename of a new link over the old one. */
  #switchTo(release: string): void {
    const id = newId()
    const link = join(this.#store, `link-${id}`)
    if (process.platform === 'win32') symlinkSync(join(this.#store, release), link, 'junction')
    else symlinkSync(`${basename(this.#store)}/${release}`, link)
    const existing = lstatSync(this.#target, {throwIfNoEntry: false})
    if (existing?.isDirectory()) {
      // A folder (a site of an older version, or one replaced with --force): moved aside, then the link moved in.
      const aside = join(this.#store, `aside-${id}`)
      renameSync(this.#target, aside)
      failpoint('switch:aside')
      renameSync(link, this.#target)
      rmSync(aside, {recursive: true, force: true})
    } else {
      renameSync(link, this.#target)
    }
    this.#published = release
    failpoint('switch:done')
  }

  get #journalPath(): string {
    return join(this.#store, 'twin.json')
  }

  #writeJournal(journal: Journal): void {
    const temporary = `${this.#journalPath}.tmp`
    writeFileSync(temporary, JSON.stringify(journal))
    renameSync(temporary, this.#journalPath)
    this.#twin = journal
  }

  /**
   * Clear what a killed build left: its building folders and links, releases
   * nothing links to; put back a folder moved aside.
   */
  #recover(): void {
    const entries = readdirSync(this.#store)
    const parent = dirname(this.#target)
    const name = basename(this.#target)
    const present = () => lstatSync(this.#target, {throwIfNoEntry: false}) !== undefined
    for (const entry of entries) {
      if (entry.startsWith('building-') || entry.startsWith('link-'))
        rmSync(join(this.#store, entry), {recursive: true, force: true})
      if (entry.startsWith('aside-')) {
        if (present()) rmSync(join(this.#store, entry), {recursive: true, force: true})
        else renameSync(join(this.#store, entry), this.#target)
      }
    }
    // Left by versions that swapped folders with two renames.
    for (const entry of readdirSync(parent)) {
      if (entry.startsWith(`.${name}.building-`)) rmSync(join(parent, entry), {recursive: true, force: true})
      if (entry.startsWith(`.${name}.previous-`)) {
        if (present()) rmSync(join(parent, entry), {recursive: true, force: true})
        else renameSync(join(parent, entry), this.#target)
      }
    }
    this.#published = this.#linkedRelease()
    this.#twin = this.#readJournal()
    for (const entry of readdirSync(this.#store)) {
      if (entry.startsWith('r-') && entry !== this.#published && entry !== this.#twin?.twin) {
        rmSync(join(this.#store, entry), {recursive: true, force: true})
      }
    }
  }

  /** The release the output path links to, if it is a link to one of this store's. */
  #linkedRelease(): string | undefined {
    if (!lstatSync(this.#target, {throwIfNoEntry: false})?.isSymbolicLink()) return undefined
    const release = basename(readlinkSync(this.#target))
    const folder = join(this.#store, release)
    return release.startsWith('r-') &&
      resolve(dirname(this.#target), readlinkSync(this.#target)) === folder &&
      hasMarker(folder)
      ? release
      : undefined
  }

  /** The journal, if it is sound and describes a twin of the published release. */
  #readJournal(): Journal | undefined {
    let journal: Journal | undefined
    try {
      const release = z.string().refine((name) => /^r-[a-z0-9-]+$/u.test(name) && hasMarker(join(this.#store, name)))
      const schema = z.object({twin: release, base: release, paths: z.array(z.string().refine(isInsidePath))})
      const read = schema.safeParse(JSON.parse(readFileSync(this.#journalPath, 'utf8')))
      if (read.success) journal = read.data
    } catch {
      // Missing or unreadable: no twin; the next rebuild makes one.
    }
    const published = this.#published
    if (!journal || !published || journal.twin === journal.base) return undefined
    if (journal.base === published) return journal
    // Killed right after the swap: the twin is the release published before, differing at the same paths.
    if (journal.twin === published) return {twin: journal.base, base: published, paths: journal.paths}
    return undefined
  }
}

function newId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
}
