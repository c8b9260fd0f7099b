/**
 * One handler per node type; this registry maps a section type to its handler
 * and builds the flow of a whole document.
 */
import type {Document, Section} from '../../../tree/types.js'
import {group, type FlowGroup, type FlowNode} from '../flow.js'
import {body, conclusions, preamble, preface} from './sections.js'
import {title} from './title.js'

type Handlers = {[Type in Section['type']]: (node: Extract<Section, {type: Type}>) => FlowNode[]}

export const handlers: Handlers = {preface, preamble, body, conclusions}

function handle<S extends Section>(node: S): FlowNode[] {
  const handler = handlers[node.type] as (node: S) => FlowNode[]
  return handler(node)
}

/** The flow of `doc`: a `Document` group of sections in tree order. */
export function buildFlow(doc: Document): FlowGroup {
  const children = doc.children.flatMap((section) => handle(section))
  // A tree without a title node still gets its title, from the metadata.
  const titled = doc.children.some((section) => section.type === 'preface' && section.children.some((child) => child.type === 'title'))
  if (!titled && doc.meta.title !== '') {
    children.unshift(...title({type: 'title', children: [], position: doc.position}, doc.meta.title))
  }
  return group('Document', children)
}
