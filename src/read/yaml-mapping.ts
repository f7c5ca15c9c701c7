import {isAlias, isMap, isNode, isScalar, parseDocument, visit, type Document, type YAMLMap} from 'yaml'
import {isRecord} from '../util/is-record.js'

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
  const node = document.getIn(path, true)
  return isNode(node) ? node.range?.[0] : undefined
}

/** `syntax`: the text is not YAML; `content`: it is, but says something wrong. */
export type YamlProblem = 'syntax' | 'content'

/**
 * Parse a YAML file whose top level must be a mapping (the manifest, the
 * corrections, a front matter block). Syntax errors and a top level of
 * another kind go to `report` with their offset; then there is nothing to
 * read. A key given twice in one mapping is reported and the first one
 * kept, the rest still read (the parser would reject the whole file).
 */
export function parseMapping(
  text: string,
  report: (offset: number | undefined, message: string, problem: YamlProblem) => void,
  expected: string
): {document: Document; root: Record<string, unknown>} | undefined {
  // The core schema whatever a `%YAML 1.1` directive says: 1.1 timestamps go
  // through JS Date, which makes 2023-02-30 into 2023-03-02. Dates stay as written.
  const document = parseDocument(text, {schema: 'core', uniqueKeys: false})
  for (const error of document.errors) {
    const [firstLine = ''] = error.message.split('\n')
    report(error.pos[0], firstLine, 'syntax')
  }
  if (document.errors.length > 0) return undefined
  dropRepeatedKeys(document, text, (offset, message) => report(offset, message, 'content'))
  const root = toJS(document, text, (offset, message) => report(offset, message, 'content'))
  if (root === null || root === undefined) return undefined
  if (!isRecord(root)) {
    report(0, expected, 'content')
    return undefined
  }
  return {document, root}
}

/** Keep the first of each key of every mapping; report the others at their line. */
type Reporter = (offset: number | undefined, message: string) => void

function dropRepeatedKeys(document: Document, text: string, report: Reporter): void {
  const maps: YAMLMap[] = []
  visit(document, {Map: (_, map) => void maps.push(map)})
  for (const map of maps) {
    const first = new Map<string, number | undefined>()
    map.items = map.items.filter((pair) => {
      if (!isScalar(pair.key)) return true
      const key = String(pair.key.value)
      if (!first.has(key)) {
        first.set(key, pair.key.range?.[0])
        return true
      }
      const line = lineAt(text, first.get(key))
      report(pair.key.range?.[0], `${key} is given again (first at line ${line}): this one is ignored`)
      return false
    })
  }
}

/**
 * The document's value, or undefined (reported) when its aliases cannot be
 * resolved or expand too far. The bound grows with the file, as an alias
 * costs at least two characters: a manifest of thousands of entries sharing
 * one anchor is read, a billion-laughs file is not expanded.
 */
function toJS(document: Document, text: string, report: Reporter): unknown {
  const maxAliasCount = Math.max(100, text.length)
  try {
    return document.toJS({maxAliasCount})
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const excessive = /excessive alias count/iu.test(message)
    const said = excessive ? `aliases expand to more than ${maxAliasCount} values: not read` : message
    report(firstAlias(document, !excessive), said)
    return undefined
  }
}

/**
 * Offset of the first alias (`*name`) in the document, which a report about
 * aliases can point at: with `unresolved`, the first whose anchor is not set before it.
 */
function firstAlias(document: Document, unresolved: boolean): number | undefined {
  const anchors = new Set<string>()
  let offset: number | undefined
  visit(document, (_, node) => {
    if (isAlias(node) && !(unresolved && anchors.has(node.source))) {
      offset = node.range?.[0]
      return visit.BREAK
    }
    if (isNode(node) && node.anchor) anchors.add(node.anchor)
    return undefined
  })
  return offset
}
