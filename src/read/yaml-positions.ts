import type {Document} from 'yaml'

/** 1-based line of a character offset in `text`, or null. */
export function lineAt(text: string, offset: number | undefined): number | null {
  if (offset === undefined) return null
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}

/** Offset where the node at `path` starts, so a report can point at it. */
export function offsetOf(document: Document, path: Array<string | number>): number | undefined {
  const node = document.getIn(path, true) as {range?: [number, number, number]} | undefined
  return node?.range?.[0]
}
