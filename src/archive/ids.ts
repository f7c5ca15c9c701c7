import {createHash} from 'node:crypto'
import type {SourceGazette} from '../types.js'
import {pinyin} from 'pinyin-pro'

/**
 * A gazette's id, stable across rebuilds and unique in the archive:
 * `<date>-p<page>` when the metadata gives both (plus the paper's slug, so
 * two papers of one day do not collide), else the file path made ASCII.
 */
export function gazetteId(source: Pick<SourceGazette, 'source' | 'metadata'>): string {
  const {paper, date, page} = source.metadata
  if (date && page !== null) return [paper ? slugify(paper) : null, date, `p${page}`].filter(Boolean).join('-')
  const path = source.source.replace(/\.[^./]+$/u, '')
  const slug = slugify(path)
  // `a b.txt`, `a-b.txt` and `a/b.txt` all slug to `a-b`: unless the slug is
  // the path itself, a hash of the path keeps ids apart (and stable).
  return slug === path ? slug : `${slug}-${createHash('sha256').update(source.source).digest('hex').slice(0, 6)}`
}

/** ASCII slug of any text: Chinese as pinyin without tones. */
export function slugify(text: string): string {
  const latin = pinyin(text, {toneType: 'none', type: 'array', nonZh: 'consecutive'}).join('-')
  return (
    latin
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'x'
  )
}
