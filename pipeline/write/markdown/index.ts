/**
 * Markdown writer: the document as an mdast tree (YAML front matter for the
 * metadata, the title as H1, paragraphs as printed), serialised by remark. No
 * Markdown is assembled from strings; escaping is remark's.
 */
import {unified} from 'unified'
import remarkStringify from 'remark-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import {Scalar, stringify as yaml} from 'yaml'
import type {Root as MdastRoot} from 'mdast'
import type {Document} from '../../tree/types.js'
import type {Writer} from '../types.js'
import {all} from './handlers.js'
import {boundDepth} from '../bounded-depth.js'
import {generator} from '../../version.js'

const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true})
  .freeze()

/**
 * A date as a double-quoted string: YAML 1.1 parsers (PyYAML, Ruby) read a plain
 * `1994-03-07` as a timestamp, YAML 1.2 ones as a string; quoted, all read the same string.
 */
function quotedDate(value: string | null | undefined): Scalar | null {
  if (value === null || value === undefined) return null
  const scalar = new Scalar(value)
  scalar.type = Scalar.QUOTE_DOUBLE
  return scalar
}

export function frontMatter(doc: Document): Record<string, unknown> {
  const {meta} = doc
  return {
    id: meta.id,
    type: meta.docType,
    title: meta.title,
    language: meta.language,
    signed: quotedDate(meta.dates.signed?.value),
    signedSource: meta.dates.signed?.source ?? null,
    published: quotedDate(meta.dates.published?.value),
    effective: quotedDate(meta.dates.effective?.value),
    work: quotedDate(meta.dates.work?.value),
    workSource: meta.dates.work?.source ?? null,
    truncated: meta.truncated === true,
    place: meta.place,
    parties: meta.parties.map((p) => ({name: p.name, code: p.code})),
    source: {file: meta.source.file, sha256: meta.source.sha256, start: meta.source.start, end: meta.source.end},
    generator
  }
}

export function toMdast(doc: Document, batch: readonly Document[]): MdastRoot {
  const state = {
    hrefOf(workUri: string): string | null {
      const target = batch.find((d) => d.meta.id === workUri)
      return target ? `${target.meta.slug}.md` : null
    }
  }
  return {
    type: 'root',
    children: [{type: 'yaml', value: yaml(frontMatter(doc), {lineWidth: 0}).trimEnd()}, ...all(doc.children, state)]
  }
}

export const markdownWriter: Writer = {
  name: 'md',
  directory: 'md',
  extension: '.md',
  mediaType: 'text/markdown',
  write(doc, context) {
    return new TextEncoder().encode(processor.stringify(toMdast(boundDepth(doc, context), context.batch)))
  }
}
