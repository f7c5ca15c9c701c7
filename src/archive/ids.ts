import {createHash} from 'node:crypto'
import type {SourceGazette} from '../model/types.js'
import {pinyin} from 'pinyin-pro'

/**
 * Most characters of a slug before its hash: ids and slugs are path
 * segments of the site, and a file system takes 255 bytes a name (a file
 * name of 63 Han characters is 300 characters of pinyin).
 */
const slugLimit = 80

/**
 * A gazette's id, stable across rebuilds and unique in the archive:
 * `<date>-p<page>` when the metadata gives both (plus the paper's slug, so
 * two papers of one day do not collide), else the file path made ASCII.
 * Two files can still get one id (`a.txt`, `a.md`): the archive, which sees
 * them all, tells them apart (`distinctIds`).
 */
export function gazetteId(source: Pick<SourceGazette, 'source' | 'metadata'>): string {
  const {paper, date, page} = source.metadata
  if (date && page !== null) return [paper ? slugify(paper) : null, date, `p${page}`].filter(Boolean).join('-')
  const path = source.source.replace(/\.[^./]+$/u, '')
  const slug = asciiSlug(path)
  // `a b.txt`, `a-b.txt` and `a/b.txt` all slug to `a-b`: unless the slug is
  // the path itself, a hash of the path keeps ids apart (and stable).
  return slug === path && slug.length <= slugLimit ? slug : `${cut(slug)}-${shortHash(source.source)}`
}

/** ASCII slug of any text: Chinese as pinyin without tones; a long one cut, with a hash of the whole text. */
export function slugify(text: string): string {
  const slug = asciiSlug(text)
  return slug.length <= slugLimit ? slug : `${cut(slug)}-${shortHash(text)}`
}

/** Six hex digits of the SHA-256 of `text` (more when asked): what keeps slugs apart that would be alike. */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

function asciiSlug(text: string): string {
  const latin = pinyin(text, {toneType: 'none', type: 'array', nonZh: 'consecutive'}).join('-')
  return (
    latin
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'x'
  )
}

function cut(slug: string): string {
  return slug.slice(0, slugLimit).replace(/-+$/u, '')
}
