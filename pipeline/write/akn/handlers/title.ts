/** `title` → `<p class="title"><docTitle>…</docTitle></p>`. */
import type {Title} from '../../../tree/types.js'
import type {Handler} from '../state.js'

export const title: Handler<Title> = (node, parent, state) => {
  const p = state.append(parent, 'p', [['class', 'title']])
  const docTitle = state.append(p, 'docTitle')
  state.all(node.children, docTitle)
}
