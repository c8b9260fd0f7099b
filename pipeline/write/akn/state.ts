/**
 * The state threaded through the handlers (cf. mdast-util-to-markdown's
 * `state`): the element tree being built, the handler registry, the node types
 * being written (`state.inside('signature')`), the references registry and the
 * events referred to.
 */
import type {AnyNode, Document} from '../../tree/types.js'
import type {WriteContext} from '../types.js'
import {XmlElement} from './element.js'
import {TlcRegistry} from './tlc.js'
import {AKN_NAMESPACE} from './vocabulary.js'
import {attributeData, escapeAttribute, textData} from './xml-chars.js'

/** Writes `node` as children of `parent`. */
export type Handler<N extends AnyNode = AnyNode> = (node: N, parent: XmlElement, state: State) => void

export type Handlers = {
  [T in AnyNode['type']]?: Handler<Extract<AnyNode, {type: T}>>
}

/** Attribute values in the order they are written; `undefined`/`null` values are left out. */
export type Attributes = ReadonlyArray<readonly [string, string | null | undefined]>

export interface State {
  /** `<akomaNtoso>`, the document element. */
  readonly root: XmlElement
  readonly tree: Document
  readonly context: WriteContext | null
  readonly tlc: TlcRegistry
  /** TLCEvent eIds referred to from the text or the lifecycle (`signing`). */
  readonly events: Set<string>
  /** The eId of the role of the signature being written, for `person/@as`. */
  signatureRole: string | null
  /** Creates an AKN element with attributes in the given order. */
  element(name: string, attributes?: Attributes): XmlElement
  /** Creates an element of another namespace (`diptext:source`), attribute values escaped but otherwise as given. */
  foreign(namespace: string, name: string, attributes: ReadonlyArray<readonly [string, string]>): XmlElement
  /** Creates an AKN element, appends it to `parent` and returns it. */
  append(parent: XmlElement, name: string, attributes?: Attributes): XmlElement
  /** Text as written in the XML: characters XML cannot carry replaced, `< & >` escaped. */
  text(value: string): string
  /** Runs the handler for `node`. */
  handle(node: AnyNode, parent: XmlElement): void
  /** Runs the handlers for `nodes` in order. */
  all(nodes: readonly AnyNode[], parent: XmlElement): void
  /** Pushes a name on the stack; call the returned function to pop it. */
  enter(name: string): () => void
  inside(name: string): boolean
}

export function createState(tree: Document, handlers: Handlers, context: WriteContext | null): State {
  // The node types being written; its depth is bounded by `boundDepth`.
  const stack: string[] = []

  const state: State = {
    root: new XmlElement('akomaNtoso', AKN_NAMESPACE),
    tree,
    context,
    tlc: new TlcRegistry(),
    events: new Set(),
    signatureRole: null,
    element(name, attributes = []) {
      const written: string[] = []
      for (const [key, value] of attributes) {
        if (value === undefined || value === null) continue
        written.push(key, attributeData(value))
      }
      return new XmlElement(name, AKN_NAMESPACE, written)
    },
    foreign(namespace, name, attributes) {
      const written: string[] = []
      for (const [key, value] of attributes) written.push(key, escapeAttribute(value))
      return new XmlElement(name, namespace, written)
    },
    append(parent, name, attributes) {
      return parent.appendChild(state.element(name, attributes))
    },
    text(value) {
      return textData(value)
    },
    handle(node, parent) {
      const handler = handlers[node.type] as Handler | undefined
      if (!handler) throw new Error(`Cannot write \`${node.type}\` node as Akoma Ntoso: no handler`)
      stack.push(node.type)
      try {
        handler(node, parent, state)
      } finally {
        stack.pop()
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
