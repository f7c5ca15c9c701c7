import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify)

/**
 * The archivist's Markdown (the about page, the footer) as HTML. Raw HTML in
 * it is dropped, as remark-rehype does by default: the configuration is
 * text, not a way to put scripts on every page.
 */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown))
}
