/**
 * `paragraph` → `<p>` (its container, `<paragraph><content>` in the body, is
 * made by `hierarchy.ts`). In the preamble the enacting formula (`双方声明如下：`)
 * is `<formula name="enactingFormula"><p>…</p></formula>`; in the preface a
 * line that is only a date (`（1994年3月7日）`) carries it as `<docDate>`.
 */
import type {Paragraph} from '../../../tree/types.js'
import type {Handler} from '../state.js'

/** Brackets, punctuation and spaces that may surround the date of a date line. */
const DATE_LINE_FILLER = /^[\s（）()〔〕【】[\]，,。.：:]*$/u

export const paragraph: Handler<Paragraph> = (node, parent, state) => {
  let container = parent
  if (node.role === 'enactingFormula' && state.inside('preamble')) {
    container = state.append(parent, 'formula', [['name', 'enactingFormula']])
  }
  const p = state.append(container, 'p', [['class', container === parent ? node.role : undefined]])
  const exit = state.inside('preface') && isDateLine(node) ? state.enter('dateLine') : null
  try {
    state.all(node.children, p)
  } finally {
    exit?.()
  }
}

function isDateLine(node: Paragraph): boolean {
  let dates = 0
  for (const child of node.children) {
    if (child.type === 'date') dates++
    else if (child.type !== 'text' || !DATE_LINE_FILLER.test(child.value)) return false
  }
  return dates === 1
}
