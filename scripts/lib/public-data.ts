import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'

/** What the benchmark's comparisons read of an item in the public data format (schema/). */
export interface PublicItem {
  id: string
  kicker: string | null
  title: string | null
  subtitle: string | null
  bylines: Array<{name: string; role: string | null}>
  body: Array<{type: string; text: string}>
  places: Array<{code: string; name: string}>
}

export interface PublicGazette {
  metadata: {paper: string | null; date: string | null; page: number | null}
  items: PublicItem[]
}

/** The gazettes of a built site's data parts (`data/<year>.json.gz`), part by part. */
export function* publicGazettes(site: string): Generator<PublicGazette[]> {
  const parts = readdirSync(join(site, 'data')).filter((name) => /^(?:\d{4}|undated)\.json\.gz$/u.test(name))
  for (const part of parts) {
    const text = gunzipSync(readFileSync(join(site, 'data', part))).toString('utf8')
    yield (JSON.parse(text) as {gazettes: PublicGazette[]}).gazettes
  }
}
