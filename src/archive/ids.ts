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
  return slugify(source.source.replace(/\.[^./]+$/u, ''))
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
