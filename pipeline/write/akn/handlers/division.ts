/**
 * `article` / `point` / `chapter` → the element of that name: `<num>` as
 * printed, then (for a chapter) its heading, then the children
 * (`hierarchy.ts`). The Arabic `ordinal` is handed to the eId post-pass.
 */
import type {Division} from '../../../tree/types.js'
import type {Handler} from '../state.js'
import {hierarchy} from './hierarchy.js'

export const division: Handler<Division> = (node, parent, state) => {
  const el = state.append(parent, node.type)
  el.ordinal = node.ordinal
  const [num, ...rest] = node.children
  state.handle(num, el)
  const [first, second] = rest
  if (node.type === 'chapter' && first?.type === 'paragraph' && (second === undefined || second.type !== 'paragraph')) {
    const heading = state.append(el, 'heading')
    state.all(first.children, heading)
    rest.shift()
  }
  hierarchy(rest, el, state, node.type)
}
