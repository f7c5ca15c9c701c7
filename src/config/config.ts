import {existsSync, readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {z} from 'zod'
import {readMetadata, type MetadataInput} from '../read/metadata-schema.js'
import {lineAt, offsetOf, parseMapping} from '../read/yaml-mapping.js'
import type {VFileMessage} from 'vfile-message'
import {message} from '../model/messages.js'

/** The file `gazette build` and `gazette serve` read in the working folder, unless `--config` names another. */
export const configName = 'gazette.config.yaml'

/** An archive's own settings, as `gazette.config.yaml` gives them; paths resolved against its folder. */
export interface ArchiveConfig {
  /** The site's name, in every page's title and header. */
  title?: string
  description?: string
  /** BCP 47 tag of the pages' language (`zh-CN`, `zh-TW`). */
  language?: string
  /** Absolute URL of the published site; its path is the base path. */
  url?: string
  basePath?: string
  /** The folder of gazette files. */
  content?: string
  output?: string
  /** Markdown: the about page (`/about/`). */
  about?: string
  /** An image file, copied to the site and shown in the header. */
  logo?: string
  /** Markdown, in every page's footer. */
  footer?: string
  /** Metadata of every gazette unless the manifest or the file says otherwise (`paper`, `region`…). */
  defaults?: MetadataInput
  /** How file names give date and page: a regular expression with groups `year`, `month`, `day`, `page`. */
  fileNames?: RegExp
  /** A folder of templates laid over the tool's, file by file. */
  templates?: string
}

const text = z.string().trim().min(1)
const keys = {
  title: text,
  description: text,
  language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u, 'expected a language tag such as zh-CN'),
  url: text,
  basePath: text,
  content: text,
  output: text,
  about: text,
  logo: text,
  footer: text,
  defaults: z.unknown(),
  fileNames: text,
  templates: text
} as const
type Key = keyof typeof keys
const paths = new Set<Key>(['content', 'output', 'logo', 'templates'])
const isKey = (key: string): key is Key => Object.hasOwn(keys, key)

/**
 * Read a configuration file. Each key is checked on its own and a bad one
 * is reported at its line; the build refuses to run with any (the caller
 * decides). A key the file does not give is left to the command line and
 * the defaults.
 */
export function readConfig(file: string): {config: ArchiveConfig; problems: VFileMessage[]} {
  const source = readFileSync(file, 'utf8')
  const problems: VFileMessage[] = []
  const report = (offset: number | undefined, reason: string) =>
    problems.push(message(file, 'config', 'setting', reason, {line: lineAt(source, offset)}))
  const config: ArchiveConfig = {}
  const parsed = parseMapping(source, report, 'expected a mapping of settings such as `title: …`')
  if (!parsed) return {config, problems}
  const {document, root} = parsed
  const folder = dirname(file)
  for (const [key, value] of Object.entries(root)) {
    const at = offsetOf(document, [key])
    if (!isKey(key)) {
      report(at, `unknown key \`${key}\` (expected one of ${Object.keys(keys).join(', ')})`)
      continue
    }
    if (value === null) continue
    // `defaults` takes any value here (`z.unknown()`): readMetadata checks it.
    if (key === 'defaults') {
      const {metadata, problems: bad} = readMetadata(value)
      for (const problem of bad)
        report(problem.key ? offsetOf(document, ['defaults', problem.key]) : at, `defaults: ${problem.message}`)
      config.defaults = metadata
      continue
    }
    const checked = keys[key].safeParse(value)
    if (!checked.success) {
      report(at, `${key}: ${checked.error.issues[0]?.message ?? 'not valid'} (got ${JSON.stringify(value)})`)
      continue
    }
    if (key === 'fileNames') {
      try {
        config.fileNames = new RegExp(checked.data, 'u')
      } catch (error) {
        report(at, `fileNames: not a regular expression: ${(error as Error).message}`)
      }
    } else {
      const given = checked.data
      Object.assign(config, {[key]: paths.has(key) ? resolve(folder, given) : given})
    }
  }
  if (config.logo && !existsSync(config.logo)) report(offsetOf(document, ['logo']), `logo: no file at ${config.logo}`)
  return {config, problems}
}

/** The configuration file to read: the one named, else `gazette.config.yaml` in `cwd` if there is one. */
export function configFile(named: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (named) return resolve(cwd, named)
  const found = resolve(cwd, configName)
  return existsSync(found) ? found : undefined
}

/** The build's options that the configuration may set. */
interface Configurable {
  input: string
  output: string
  basePath: string
  siteUrl: string
}

/**
 * Options with the configuration applied: what the command line gives
 * explicitly (`given`) wins, then the configuration, then the defaults.
 * Problems in the file are returned as reports: the caller refuses to build.
 */
export function withConfig<T extends Configurable>(
  options: T,
  named: string | undefined,
  given: (option: keyof Configurable) => boolean
): {options: T & ConfiguredOptions; problems: VFileMessage[]} {
  const file = configFile(named)
  if (file === undefined) return {options, problems: []}
  if (!existsSync(file)) {
    return {options, problems: [message(file, 'config', 'setting', 'no such file')]}
  }
  const {config, problems} = readConfig(file)
  const pick = <K extends keyof Configurable>(option: K, value: string | undefined) =>
    given(option) || value === undefined ? options[option] : value
  const {title, description, language, about, footer, logo} = config
  const text = Object.fromEntries(
    Object.entries({title, description, language, about, footer, logo}).filter(([, value]) => value !== undefined)
  )
  return {
    options: {
      ...options,
      input: pick('input', config.content),
      output: pick('output', config.output),
      basePath: pick('basePath', config.basePath),
      siteUrl: pick('siteUrl', config.url),
      text,
      ...(config.defaults ? {defaults: config.defaults} : {}),
      ...(config.fileNames ? {fileNames: config.fileNames} : {}),
      ...(config.templates ? {templates: config.templates} : {})
    },
    problems
  }
}

/** What the configuration adds to the build's options. */
export interface ConfiguredOptions {
  text?: Pick<ArchiveConfig, 'title' | 'description' | 'language' | 'about' | 'footer' | 'logo'>
  defaults?: MetadataInput
  fileNames?: RegExp
  templates?: string
}
