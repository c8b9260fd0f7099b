/**
 * Markdown writer: the document as an mdast tree (YAML front matter for the
 * metadata, the title as H1, paragraphs as printed), serialised by remark. No
 * Markdown is assembled from strings; escaping is remark's, with handlers
 * that skip its work where it would change nothing (`shortcut-handlers.ts`).
 * The front matter is YAML in the bytes the `yaml` package writes
 * (`front-matter.ts`).
 */
import {unified} from 'unified'
import remarkStringify from 'remark-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import type {Root as MdastRoot} from 'mdast'
import type {Document} from '../../tree/types.js'
import type {Writer} from '../types.js'
import {all} from './handlers.js'
import {paragraph, root, text} from './shortcut-handlers.js'
import {frontMatterYaml} from './front-matter.js'
import {boundDepth} from '../bounded-depth.js'
import {utf8} from '../utf8.js'

export {frontMatter} from './front-matter.js'

const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true, handlers: {root, paragraph, text}})
  .freeze()

/** Markdown file names by Work URI, once per batch (the first document with a URI wins, as a search would find it). */
const hrefs = new WeakMap<readonly Document[], {size: number; byId: Map<string, string>}>()

function hrefsOf(batch: readonly Document[]): Map<string, string> {
  let known = hrefs.get(batch)
  if (!known || known.size !== batch.length) {
    const byId = new Map<string, string>()
    for (const doc of batch) if (!byId.has(doc.meta.id)) byId.set(doc.meta.id, `${doc.meta.slug}.md`)
    hrefs.set(batch, (known = {size: batch.length, byId}))
  }
  return known.byId
}

export function toMdast(doc: Document, batch: readonly Document[]): MdastRoot {
  const known = hrefsOf(batch)
  const state = {
    hrefOf: (workUri: string): string | null => known.get(workUri) ?? null
  }
  return {
    type: 'root',
    children: [{type: 'yaml', value: frontMatterYaml(doc)}, ...all(doc.children, state)]
  }
}

export const markdownWriter: Writer = {
  name: 'md',
  directory: 'md',
  extension: '.md',
  mediaType: 'text/markdown',
  write(doc, context) {
    return utf8(processor.stringify(toMdast(boundDepth(doc, context), context.batch)))
  }
}
