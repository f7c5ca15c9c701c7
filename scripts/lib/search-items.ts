import {join} from 'node:path'
import type {Archive, ArchiveItem} from '../../src/archive/model.js'
import {itemUrl} from '../../src/archive/urls.js'
import {buildArchiveFromFolder} from '../../src/pipeline/build.js'
import {required} from '../../src/util/required.js'

const root = join(import.meta.dirname, '..', '..')

/** The archives of the samples and the heldout pages. */
export async function templates(): Promise<[samples: Archive, heldout: Archive]> {
  const archive = async (input: string) => (await buildArchiveFromFolder({input})).archive
  return Promise.all([archive(join(root, 'content/gazettes')), archive(join(root, 'tests/fixtures/heldout'))])
}

const papers = ['通州日报', '海门日报', '如东日报']

/** `count` items made from `base`: numbers redrawn, one a day or more over 30 years, three papers. */
export function generated(base: readonly ArchiveItem[], count: number): ArchiveItem[] {
  let seed = 1
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  const redraw = (text: string) => text.replace(/\d+/gu, (digits) => String(Math.floor(next() * 10 ** digits.length)))
  const start = Date.UTC(1995, 0, 1)
  const days = 30 * 365
  return Array.from({length: count}, (_, index) => {
    const item = required(base[index % base.length], 'a base item')
    const date = new Date(start + Math.floor((index * days) / count) * 86_400_000).toISOString().slice(0, 10)
    const id = `bench-${index}`
    return {
      ...item,
      id,
      url: itemUrl(id),
      metadata: {...item.metadata, date, paper: required(papers[index % papers.length], 'a paper')},
      body: item.body.map((block) => ({...block, text: redraw(block.text)})),
      continuedBy: null,
      continues: null
    }
  })
}
