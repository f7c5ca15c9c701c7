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
  {name: '楚州区', code: '320803', note: '楚州区 became 淮安区 in 2012'}
]
