/**
 * The handler registry: one handler per block node type of the tree, each
 * turning its node into flow nodes (structure groups and blocks). Inline nodes
 * (`text`, `num`, `date`, person/role/organisation/location marks,
 * `citation`) are set as the concatenation of their leaf values (`toText`);
 * `signature` and `signing` are set by the `signatures` handler as one block.
 */
import type {Division, Document, Paragraph, Section, Signatures, Title} from '../../../tree/types.js'
import {group, type FlowGroup, type FlowNode} from '../flow.js'
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

/** The flow of `doc`: a `Document` group of its sections in tree order. */
export function buildFlow(doc: Document): FlowGroup {
  const children = all(doc.children)
  // A tree without a title node still gets its title, from the metadata.
  const titled = doc.children.some((section) => section.type === 'preface' && section.children.some((child) => child.type === 'title'))
  if (!titled && doc.meta.title !== '') {
    children.unshift(...title({type: 'title', children: [], position: doc.position}, doc.meta.title))
  }
  return group('Document', children)
}
