import type {Root, RootContent} from 'mdast'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import type {BodyBlock} from '../model/types.js'

const processor = unified().use(remarkRehype).use(rehypeStringify)

/**
 * An item's body as HTML: paragraphs and subheadings (`<h2>`, under the
 * page's `<h1>` title). The blocks become an mdast tree of text nodes only,
 * so whatever the text says (`<script>`, `{{ }}`) is escaped, never markup.
 */
export function renderBody(body: BodyBlock[]): string {
  const children: RootContent[] = body.map((block) =>
    block.type === 'subhead'
      ? {type: 'heading', depth: 2, children: [{type: 'text', value: block.text}]}
      : {type: 'paragraph', children: [{type: 'text', value: block.text}]}
  )
  const tree: Root = {type: 'root', children}
  return processor.stringify(processor.runSync(tree))
}
