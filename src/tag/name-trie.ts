/**
 * Place names by character, to ask quickly whether a stretch of text holds
 * any of them: most clauses of an item hold none, and need not be cut into
 * words (see `findMentions`).
 */
export class NameTrie {
  private readonly root: TrieNode = {next: new Map(), end: false}
  /**
   * Which pairs of first two characters some name starts with, by a hash
   * of the pair (`pairSlot`): most places in a text start no name, and one
   * look in an array says so where the trie took two lookups in maps (a
   * tenth of the time split + tag takes). A slot two pairs share only
   * sends the other to the trie.
   */
  private readonly starts = new Uint8Array(pairSlots)
  /** Length of the shortest name (UTF-16 units): no shorter word is one. */
  readonly shortest: number = Infinity

  constructor(names: Iterable<string, unknown, undefined>) {
    for (const name of names) {
      this.shortest = Math.min(this.shortest, name.length)
      if (name.length >= 2) this.starts[pairSlot(name.charCodeAt(0), name.charCodeAt(1))] = 1
      let node = this.root
      for (let index = 0; index < name.length; index++) {
        const code = name.charCodeAt(index)
        let next = node.next.get(code)
        if (!next) {
          next = {next: new Map(), end: false}
          node.next.set(code, next)
        }
        node = next
      }
      node.end = true
    }
  }

  /** True when some name stands in `text`. */
  occursIn(text: string): boolean {
    // With a name of one character, any character may start one.
    const filtered = this.shortest >= 2
    for (let from = 0; from < text.length; from++) {
      if (
        filtered &&
        (from + 1 === text.length || this.starts[pairSlot(text.charCodeAt(from), text.charCodeAt(from + 1))] === 0)
      )
        continue
      let node: TrieNode | undefined = this.root
      for (let index = from; index < text.length; index++) {
        node = node.next.get(text.charCodeAt(index))
        if (!node) break
        if (node.end) return true
      }
    }
    return false
  }
}

/** Slots of the pair filter: a megabyte, which 60,000 names fill to a twentieth. */
const pairSlots = 1 << 20

function pairSlot(first: number, second: number): number {
  return (Math.imul(first, 40_503) + second) & (pairSlots - 1)
}

interface TrieNode {
  /** By UTF-16 code unit. */
  next: Map<number, TrieNode>
  /** A name ends here. */
  end: boolean
}
