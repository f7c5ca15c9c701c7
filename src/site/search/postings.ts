import {decodeSet, encodeSet, listText, writeGap} from './format.js'

/**
 * The items a token occurs in, gathered while indexing: ascending item
 * numbers written as the index writes a list (`encodeSet`), in a byte
 * array that grows, about a byte an item. An archive of 100,000 items has
 * some 50 million such postings: as arrays of numbers they would take
 * 0.4 GB.
 */
export class Postings {
  private codes = new Uint8Array(8)
  private length = 0
  private last = -1

  /** Add item `number`, above every number added before. */
  add(number: number): void {
    if (this.length + 7 > this.codes.length) {
      const grown = new Uint8Array(this.codes.length * 2)
      grown.set(this.codes)
      this.codes = grown
    }
    this.length = writeGap(this.codes, this.length, number - this.last - 1)
    this.last = number
  }

  /** The set as the index writes it, for an index of `total` items: the list, or a bitmap when that is shorter. */
  encode(total: number): string {
    const list = listText(this.codes, this.length)
    return list.length > Math.ceil(total / 6) ? encodeSet(decodeSet(list), total) : list
  }
}
