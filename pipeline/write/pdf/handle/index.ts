/**
 * The handler registry: one handler per block node type of the tree, each
 * turning its node into flow nodes (structure groups and blocks). Inline nodes
 * (`text`, `num`, `date`, person/role/organisation/location marks,
 * `citation`) are set as the concatenation of their leaf values (`toText`);
 * `signature` and `signing` are set by the `signatures` handler as one block.
 */
import type {Division, Document, Paragraph, Section, Signatures, Title} from '../../../tree/types.js'
import {group, paragraph as block, type FlowGroup, type FlowNode} from '../flow.js'
import {signatures} from '../signatures.js'
import {division} from './division.js'
import {paragraph} from './paragraph.js'
import {body, conclusions, preamble, preface} from './sections.js'
import {title} from './title.js'

export type BlockNode = Section | Title | Paragraph | Division | Signatures

type Handlers = {[Type in BlockNode['type']]: (node: Extract<BlockNode, {type: Type}>) => FlowNode[]}

export const handlers: Handlers = {
  preface,
  preamble,
  body,
  conclusions,
  title: (node) => title(node),
  paragraph: (node) => paragraph(node),
  article: division,
  point: division,
  chapter: division,
  signatures
}

/** Flow of one block node, by its type. */
export function handle(node: BlockNode): FlowNode[] {
  const handler = handlers[node.type] as (node: BlockNode) => FlowNode[]
  return handler(node)
}

/** Flow of a list of block nodes, in order. */
export function all(nodes: readonly BlockNode[]): FlowNode[] {
  return nodes.flatMap((node) => handle(node))
}

/** Bookmark labels of the sections, per language (the handlers write the Chinese ones). */
const OUTLINE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: {序言: 'Preamble', 签署: 'Signatures'}
}

/** What the first page says of a truncated document (the page the text was taken from breaks off). */
export const TRUNCATION_NOTE: Readonly<Record<string, string>> = {
  zh: '（本文不完整：所据网页在文末之前中断。）',
  en: '[Incomplete text: the source page breaks off before the end of this document.]'
}

/** The flow of `doc`: a `Document` group of its sections in tree order. */
export function buildFlow(doc: Document, language = 'zh'): FlowGroup {
  const children = all(doc.children)
  // A tree without a title node still gets its title, from the metadata.
  const titled = doc.children.some((section) => section.type === 'preface' && section.children.some((child) => child.type === 'title'))
  if (!titled && doc.meta.title !== '') {
    children.unshift(...title({type: 'title', children: [], position: doc.position}, doc.meta.title))
  }
  const primary = language.toLowerCase().split('-')[0] ?? 'zh'
  if (doc.meta.truncated === true) {
    // Under the title when there is one, so that the first page says it.
    const note = block(TRUNCATION_NOTE[primary] ?? TRUNCATION_NOTE['zh']!, {indent: 0, spaceAfter: 1})
    const first = children[0]
    children.splice(first && first.kind === 'text' && first.tag === 'H1' ? 1 : 0, 0, note)
  }
  const labels = OUTLINE_LABELS[primary]
  if (labels) localiseOutlines(children, labels)
  return group('Document', children)
}

function localiseOutlines(nodes: FlowNode[], labels: Readonly<Record<string, string>>): void {
  const stack = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.kind !== 'group') continue
    if (node.outline !== undefined) node.outline = labels[node.outline] ?? node.outline
    stack.push(...node.children)
  }
}
