/** `preamble` → `<preamble>` of `p`s; the enacting formula becomes `<formula>` (`paragraph.ts`). */
import type {Preamble} from '../../../tree/types.js'
import type {Handler} from '../state.js'
import {sectionAttributes} from './lang.js'

export const preamble: Handler<Preamble> = (node, parent, state) => {
  if (node.children.length === 0) return
  const el = state.append(parent, 'preamble', sectionAttributes(state))
  state.all(node.children, el)
}
