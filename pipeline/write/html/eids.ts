/**
 * Element ids of the HTML page are the Akoma Ntoso eIds of the same units, so
 * one anchor (`#art_3__para_2`) addresses the same text in both formats.
 *
 * Rather than restating the eId rules, this builds the AKN body with the AKN
 * writer's own handlers and runs its own post-pass (`akn/eid.ts`), recording
 * which element each tree node's handler made. A node's id is that element's
 * eId, except for a `p` that is the content or lead-in of an AKN `paragraph`:
 * the unit is the `paragraph` (`art_1__para_1`, not `art_1__para_1__p_1`).
 */
import type {AnyNode, Document} from '../../tree/types.js'
import {assignEids, childElements} from '../akn/eid.js'
import type {XmlElement} from '../akn/element.js'
import {handlers} from '../akn/handlers/index.js'
import {createState, type Handler, type Handlers} from '../akn/state.js'

export type EidMap = ReadonlyMap<AnyNode, string>

/** The eId of every tree node of `doc` that has one in the Akoma Ntoso output. */
export function eidsOf(doc: Document): EidMap {
  const made = new Map<AnyNode, XmlElement>()
  const recording: Record<string, Handler> = {}
  for (const [type, handler] of Object.entries(handlers) as Array<[string, Handler]>) {
    recording[type] = (node, parent, state) => {
      const before = parent.children.length
      handler(node, parent, state)
      for (let i = before; i < parent.children.length; i++) {
        const el = parent.children[i]!
        if (typeof el !== 'string') {
          made.set(node, el)
          break
        }
      }
    }
  }
  const state = createState(doc, recording as Handlers, null)
  state.handle(doc, state.root)
  for (const statement of childElements(state.root)) assignEids(statement)

  const eids = new Map<AnyNode, string>()
  for (const [node, el] of made) {
    const eId = unitOf(el)?.getAttribute('eId')
    if (eId) eids.set(node, eId)
  }
  return eids
}

/** The element that names the unit: a paragraph's container when `el` is its content or lead-in. */
function unitOf(el: XmlElement): XmlElement | null {
  const holder = el.parent
  const container = holder?.parent ?? null
  if (el.localName === 'p' && holder && container && (holder.localName === 'content' || holder.localName === 'intro') && container.localName === 'paragraph') {
    return container
  }
  return el
}
