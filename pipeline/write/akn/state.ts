/**
 * The state threaded through the handlers (cf. mdast-util-to-markdown's
 * `state`): the DOM being built, the handler registry, a stack of the node
 * types being written (`state.inside('signature')`), the references registry
 * and the ordinals of numbered elements for the eId post-pass.
 */
import {DOMImplementation} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element, Text as XmlText} from '@xmldom/xmldom'
import type {AnyNode, Document} from '../../tree/types.js'
import type {WriteContext} from '../types.js'
import {TlcRegistry} from './tlc.js'
import {AKN_NAMESPACE, XML_NAMESPACE} from './vocabulary.js'
import {xmlSafe} from './xml-chars.js'

/** Writes `node` as children of `parent`. */
export type Handler<N extends AnyNode = AnyNode> = (node: N, parent: Element, state: State) => void

export type Handlers = {
  [T in AnyNode['type']]?: Handler<Extract<AnyNode, {type: T}>>
}

/** Attribute values in the order they are written; `undefined`/`null` values are left out. */
export type Attributes = ReadonlyArray<readonly [string, string | null | undefined]>

export interface State {
  readonly xml: XmlDocument
  readonly tree: Document
  readonly context: WriteContext | null
  readonly tlc: TlcRegistry
  /** Arabic numbers of numbered elements (`article`, `point`, `chapter`), for `eid.ts`. */
  readonly ordinals: Map<Element, number>
  /** TLCEvent eIds referred to from the text or the lifecycle (`signing`). */
  readonly events: Set<string>
  /** The eId of the role of the signature being written, for `person/@as`. */
  signatureRole: string | null
  /** Creates an AKN element with attributes in the given order. */
  element(name: string, attributes?: Attributes): Element
  /** Creates an AKN element, appends it to `parent` and returns it. */
  append(parent: Element, name: string, attributes?: Attributes): Element
  text(value: string): XmlText
  /** Runs the handler for `node`. */
  handle(node: AnyNode, parent: Element): void
  /** Runs the handlers for `nodes` in order. */
  all(nodes: readonly AnyNode[], parent: Element): void
  /** Pushes a name on the stack; call the returned function to pop it. */
  enter(name: string): () => void
  inside(name: string): boolean
}

export function createState(tree: Document, handlers: Handlers, context: WriteContext | null): State {
  const xml = new DOMImplementation().createDocument(AKN_NAMESPACE, 'akomaNtoso', null)
  const stack: string[] = []

  const state: State = {
    xml,
    tree,
    context,
    tlc: new TlcRegistry(),
    ordinals: new Map(),
    events: new Set(),
    signatureRole: null,
    element(name, attributes = []) {
      const el = xml.createElementNS(AKN_NAMESPACE, name)
      for (const [key, value] of attributes) {
        if (value === undefined || value === null) continue
        if (key.startsWith('xml:')) el.setAttributeNS(XML_NAMESPACE, key, xmlSafe(value))
        else el.setAttribute(key, xmlSafe(value))
      }
      return el
    },
    append(parent, name, attributes) {
      const el = state.element(name, attributes)
      parent.appendChild(el)
      return el
    },
    text(value) {
      return xml.createTextNode(xmlSafe(value))
    },
    handle(node, parent) {
      const handler = handlers[node.type] as Handler | undefined
      if (!handler) throw new Error(`Cannot write \`${node.type}\` node as Akoma Ntoso: no handler`)
      const exit = state.enter(node.type)
      try {
        handler(node, parent, state)
      } finally {
        exit()
      }
    },
    all(nodes, parent) {
      for (const node of nodes) state.handle(node, parent)
    },
    enter(name) {
      stack.push(name)
      return () => {
        stack.pop()
      }
    },
    inside(name) {
      return stack.includes(name)
    }
  }
  return state
}
