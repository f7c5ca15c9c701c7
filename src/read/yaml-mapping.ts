import {isMap, isScalar, parseDocument, type Document} from 'yaml'

/** 1-based line of a character offset in `text`, or null. */
export function lineAt(text: string, offset: number | undefined): number | null {
  if (offset === undefined) return null
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}

/**
 * Offset where the entry at `path` starts, so that a report can point at
 * it: the key of a mapping entry (a block entry's value starts a line
 * later), the item itself in a list.
 */
export function offsetOf(document: Document, path: Array<string | number>): number | undefined {
  const last = path.at(-1)
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents
  if (typeof last === 'string' && isMap(parent)) {
    const pair = parent.items.find((each) => isScalar(each.key) && String(each.key.value) === last)
    if (pair && isScalar(pair.key)) return pair.key.range?.[0]
  }
  const node = document.getIn(path, true) as {range?: [number, number, number]} | undefined
  return node?.range?.[0]
}

/**
 * Parse a YAML file whose top level must be a mapping (the manifest, the
 * corrections). Syntax errors and a top level of another kind go to
 * `report` with their offset; then there is nothing to read.
 */
export function parseMapping(
  text: string,
  report: (offset: number | undefined, message: string) => void,
  expected: string
): {document: Document; root: Record<string, unknown>} | undefined {
  const document = parseDocument(text)
  for (const error of document.errors) report(error.pos[0], error.message.split('\n')[0]!)
  if (document.errors.length > 0) return undefined
  const root: unknown = document.toJS()
  if (root === null || root === undefined) return undefined
  if (typeof root !== 'object' || Array.isArray(root)) {
    report(0, expected)
    return undefined
  }
  return {document, root: root as Record<string, unknown>}
}
