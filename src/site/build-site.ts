import {mkdir, writeFile, copyFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import Eleventy from '@11ty/eleventy'
import type {Archive} from '../archive/model.js'
import {toCsv, toPublicArchive} from '../archive/export.js'
import type {Gazette} from '../types.js'
import {configureSite, type EleventyConfig} from './eleventy-config.js'

/** The package root: templates, .eleventy.js and schema/ live there. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface SiteOptions {
  output: string
  basePath: string
  siteUrl: string
}

/** Render the archive with Eleventy, then write the bulk data files. */
export async function buildSite(archive: Archive, gazettes: Gazette[], options: SiteOptions): Promise<{pages: number}> {
  const basePath = normaliseBasePath(options.basePath)
  const elev = new Eleventy(join(packageRoot, 'templates'), options.output, {
    configPath: join(packageRoot, '.eleventy.js'),
    pathPrefix: basePath,
    quietMode: true,
    config: (eleventyConfig: EleventyConfig) => configureSite(eleventyConfig, archive, {url: options.siteUrl, basePath})
  })
  const results = (await elev.write()) as unknown as [unknown[], unknown[]] | unknown[]
  const pages = Array.isArray(results[1]) ? results[1].length : results.length
  await writeData(gazettes, options.output)
  return {pages}
}

async function writeData(gazettes: Gazette[], output: string): Promise<void> {
  const folder = join(output, 'data')
  await mkdir(folder, {recursive: true})
  await writeFile(join(folder, 'archive.json'), JSON.stringify(toPublicArchive(gazettes)))
  await writeFile(join(folder, 'items.csv'), '\uFEFF' + toCsv(gazettes))
  await copyFile(join(packageRoot, 'schema', 'gazette-archive.schema.json'), join(folder, 'gazette-archive.schema.json'))
}

/** `gazettes` → `/gazettes/`. */
export function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/gu, '')
  return trimmed ? `/${trimmed}/` : '/'
}
