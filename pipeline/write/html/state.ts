/**
 * The state threaded through the HTML handlers (cf. mdast-util-to-hast's
 * `state`): the handler registry, the eIds of the tree's units, the document's
 * language, and where a cited Work lives in the collection.
 */
import type {ElementContent} from 'hast'
import type {AnyNode, Document} from '../../tree/types.js'
import type {EidMap} from './eids.js'

/** Turns `node` into hast nodes. */
export type Handler<N extends AnyNode = AnyNode> = (node: N, state: State) => ElementContent[]

export type Handlers = {
  [T in AnyNode['type']]?: Handler<Extract<AnyNode, {type: T}>>
}

export interface State {
  readonly doc: Document
  readonly lang: string
  readonly eids: EidMap
  /** Relative link to the page of the document with this Work URI, or null when it is not in the collection. */
  hrefOf(workUri: string): string | null
  /** The eId of `node` as the `id` property, or nothing. */
  idOf(node: AnyNode): {id?: string}
  handle(node: AnyNode): ElementContent[]
  all(nodes: readonly AnyNode[]): ElementContent[]
}

export function createState(doc: Document, handlers: Handlers, eids: EidMap, hrefOf: (workUri: string) => string | null): State {
  const state: State = {
    doc,
    lang: doc.meta.language,
    eids,
    hrefOf,
    idOf(node) {
      const id = eids.get(node)
      return id === undefined ? {} : {id}
    },
    handle(node) {
      const handler = handlers[node.type] as Handler | undefined
      if (!handler) throw new Error(`Cannot write \`${node.type}\` node as HTML: no handler`)
      return handler(node, state)
    },
    all(nodes) {
      const out: ElementContent[] = []
      for (const node of nodes) out.push(...state.handle(node))
      return out
    }
  }
  return state
}
