/** `preface` → `<preface>`: the title (`title.ts`) and the date line (`<docDate>`, `paragraph.ts`). */
import type {Preface} from '../../../tree/types.js'
import type {Handler} from '../state.js'
import {sectionAttributes} from './lang.js'

export const preface: Handler<Preface> = (node, parent, state) => {
  if (node.children.length === 0) return
  const el = state.append(parent, 'preface', sectionAttributes(state))
  state.all(node.children, el)
}
