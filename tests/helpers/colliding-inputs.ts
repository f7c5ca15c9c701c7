import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {writeFiles} from './files.js'

/*
 * Inputs that would give two pages one URL (ids that slug alike, person
 * names that slug alike) or a path segment too long for a file system (a
 * long file name in Han characters).
 */

export const page = (title: string) => `${title}\n\n本报讯 日前，通州区石港镇召开会议，部署${title}工作。\n`
export const frontMatter = (fields: string) => `---\n${fields}\n---\n`
/** 63 Han characters: 189 bytes of UTF-8, a legal file name; in pinyin about 300 characters. */
export const longName = '江苏省南通市通州区石港镇人民政府关于进一步加强农村人居环境整治工作的实施意见及配套措施'
  .repeat(2)
  .slice(0, 63)

/** The content folder: every kind of collision, and the long names. */
export function collidingInputs(folder: string): void {
  writeFiles(folder, {
    // Both slug to `a`.
    'a.txt': page('春耕'),
    'a.md': page('秋收'),
    // Undated, its id its path; the other dated 2022-02-15, page 2, no paper: both `2022-02-15-p2`.
    '2022-02-15-p2.txt': page('植树'),
    'x/dated.txt': frontMatter('date: 2022-02-15\npage: 2') + page('防汛'),
    // Papers that slug alike (tong-zhou-ri-bao) on one date and page.
    'tz/a.txt': frontMatter('paper: 通州日报\ndate: 2022-03-01\npage: 1') + page('抗旱'),
    'tz/b.txt': frontMatter('paper: 通州 日报\ndate: 2022-03-01\npage: 1') + page('秋播'),
    // Long names: two that differ only after the part a slug keeps, and a long paper.
    [`${longName}.txt`]: page('夏收'),
    [`${longName.slice(0, -1)}乙.txt`]: page('夏种'),
    'long-paper.txt': frontMatter(`paper: ${longName}\ndate: 2022-04-01\npage: 3`) + page('冬修')
  })
  // People whose names slug alike: `zhang san`, `张三` (both zhang-san) and `zhang-san-2`, the number a second one got.
  const bylines: Array<[string, number, string]> = [
    ['a.txt', 1, 'zhang san'],
    ['a.md', 1, 'zhang-san-2'],
    ['2022-02-15-p2.txt', 1, '张三'],
    ['x/dated.txt', 5, longName.repeat(2)]
  ]
  const corrections = bylines.map(([file, line, name]) => `${file}:\n  - {line: ${line}, bylines: ["${name}"]}\n`)
  writeFileSync(join(folder, 'corrections.yaml'), corrections.join(''))
}
