/**
 * Place names by character, to ask quickly whether a stretch of text holds
 * any of them: most clauses of an item hold none, and need not be cut into
 * words (see `findMentions`).
 */
export class NameTrie {
  private readonly root: TrieNode = {next: new Map(), end: false}
  /** Length of the shortest name (UTF-16 units): no shorter word is one. */
  readonly shortest: number = Infinity

  constructor(names: Iterable<string>) {
    for (const name of names) {
      this.shortest = Math.min(this.shortest, name.length)
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
    for (let from = 0; from < text.length; from++) {
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

interface TrieNode {
  /** By UTF-16 code unit. */
  next: Map<number, TrieNode>
  /** A name ends here. */
  end: boolean
}
