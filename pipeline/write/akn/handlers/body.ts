/** `body` → `<mainBody>`: articles, chapters, and unnumbered paragraphs as `<paragraph>`. */
import type {Body} from '../../../tree/types.js'
import type {Handler} from '../state.js'
import {hierarchy} from './hierarchy.js'
import {sectionAttributes} from './lang.js'

export const body: Handler<Body> = (node, parent, state) => {
  const el = state.append(parent, 'mainBody', sectionAttributes(state))
  // The XSD requires at least one child; an empty body is an empty `p`, as bluebell writes it.
  if (node.children.length === 0) state.append(el, 'p')
  else hierarchy(node.children, el, state, 'body')
}
