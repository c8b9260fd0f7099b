/**
 * `title` → `<p class="title"><docTitle>…</docTitle></p>`; the family word of
 * the title (`联合公报`, the tree's `docTypeLabel`) is `<docType>` inside it.
 */
import type {Title} from '../../../tree/types.js'
import type {Handler} from '../state.js'

export const title: Handler<Title> = (node, parent, state) => {
  const p = state.append(parent, 'p', [['class', 'title']])
  const docTitle = state.append(p, 'docTitle')
  const label = state.tree.meta.docTypeLabel
  // The last text leaf that holds the family word: the word printed last names the document.
  let index = -1
  if (label) {
    for (let i = node.children.length - 1; i >= 0 && index === -1; i--) {
      const child = node.children[i]!
      if (child.type === 'text' && child.value.includes(label)) index = i
    }
  }
  node.children.forEach((child, i) => {
    if (i !== index || child.type !== 'text' || !label) {
      state.handle(child, docTitle)
      return
    }
    const at = child.value.lastIndexOf(label)
    if (at > 0) docTitle.appendChild(state.text(child.value.slice(0, at)))
    state.append(docTitle, 'docType').appendChild(state.text(label))
    const rest = child.value.slice(at + label.length)
    if (rest !== '') docTitle.appendChild(state.text(rest))
  })
}
