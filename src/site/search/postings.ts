/**
 * The items a token occurs in, gathered while indexing: ascending item
 * numbers as variable-length gaps in a byte array that grows, about a
 * byte an item. An archive of 100,000 items has some 60 million such
 * postings: as arrays of numbers they would take 0.5 GB.
 */
export class Postings {
  private bytes = new Uint8Array(4)
  private length = 0
  private last = -1
  count = 0

  /** Add item `number`, above every number added before. */
  add(number: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    let gap = number - this.last - 1
    this.last = number
    while (gap >= 128) {
      this.bytes[this.length++] = 128 | (gap & 127)
      gap = Math.floor(gap / 128)
    }
    this.bytes[this.length++] = gap
    this.count++
  }

  /** The numbers added, ascending. */
  numbers(): number[] {
    const numbers: number[] = []
    let previous = -1
    let gap = 0
    let scale = 1
    for (let index = 0; index < this.length; index++) {
      const byte = this.bytes[index]!
      gap += (byte & 127) * scale
      if (byte >= 128) {
        scale *= 128
        continue
      }
      previous += gap + 1
      numbers.push(previous)
      gap = 0
      scale = 1
    }
    return numbers
  }
}
