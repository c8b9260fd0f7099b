/** `conclusions` → `<conclusions>`: closing paragraphs as `p`, the signature block (`signatures.ts`). */
import type {Conclusions} from '../../../tree/types.js'
import type {Handler} from '../state.js'
import {sectionAttributes} from './lang.js'

export const conclusions: Handler<Conclusions> = (node, parent, state) => {
  if (node.children.length === 0) return
  const el = state.append(parent, 'conclusions', sectionAttributes(state))
  state.all(node.children, el)
}
