/**
 * `paragraph` → `<p>` (its container, `<paragraph><content>` in the body, is
 * made by `hierarchy.ts`).
 * - In the preamble the enacting formula (`双方声明如下：`) is
 *   `<formula name="enactingFormula"><p>…</p></formula>` holding the formula
 *   only: the sentences before it in the same paragraph stay a `p` of their own.
 * - A line under the title that is only a date (`（1994年3月7日）`) carries it as
 *   `<docDate>`, whether the tree put it in the preface or at the head of the preamble.
 */
import type {Inline, Paragraph, Text} from '../../../tree/types.js'
import type {Handler, State} from '../state.js'
import type {XmlElement} from '../element.js'

/** Brackets, punctuation and spaces that may surround the date of a date line. */
const DATE_LINE_FILLER = /^[\s（）()〔〕【】[\]，,。.：:]*$/u
/** Where a sentence ends before the formula. */
const SENTENCE_END = /[。；;！!？?]/gu

export const paragraph: Handler<Paragraph> = (node, parent, state) => {
  if (node.role === 'enactingFormula' && state.inside('preamble')) {
    const [before, formula] = splitBeforeFormula(node.children)
    if (before.length > 0) writeP(before, state.append(parent, 'p'), state)
    const container = state.append(parent, 'formula', [['name', 'enactingFormula']])
    writeP(formula, state.append(container, 'p'), state)
    return
  }
  const p = state.append(parent, 'p', [['class', node.role]])
  const dateLine = isDateLine(node) && (state.inside('preface') || (state.inside('preamble') && isFirstOfPreamble(node, state)))
  const exit = dateLine ? state.enter('dateLine') : null
  try {
    writeP(node.children, p, state)
  } finally {
    exit?.()
  }
}

function writeP(children: readonly Inline[], p: XmlElement, state: State): void {
  state.all(children, p)
}

function isFirstOfPreamble(node: Paragraph, state: State): boolean {
  const preamble = state.tree.children.find((section) => section.type === 'preamble')
  const preface = state.tree.children.find((section) => section.type === 'preface')
  return preamble?.children[0] === node && preface !== undefined
}

function isDateLine(node: Paragraph): boolean {
  let dates = 0
  for (const child of node.children) {
    if (child.type === 'date') dates++
    else if (child.type !== 'text' || !DATE_LINE_FILLER.test(child.value)) return false
  }
  return dates === 1
}

/**
 * Splits an enacting-formula paragraph after its last sentence end: the formula is the last
 * sentence. The cut falls inside a text leaf (split in two) or between leaves, never inside a mark.
 */
export function splitBeforeFormula(children: readonly Inline[]): [Inline[], Inline[]] {
  const text = children.map(leafText).join('')
  let cut = -1
  for (const match of text.trimEnd().matchAll(SENTENCE_END)) if (match.index + 1 < text.trimEnd().length) cut = match.index + 1
  if (cut <= 0) return [[], [...children]]
  const before: Inline[] = []
  const after: Inline[] = []
  let offset = 0
  for (const child of children) {
    const length = leafText(child).length
    if (offset + length <= cut) before.push(child)
    else if (offset >= cut) after.push(child)
    else if (child.type === 'text') {
      const at = cut - offset
      before.push(textPart(child, 0, at))
      after.push(textPart(child, at, child.value.length))
    } else return [[], [...children]]
    offset += length
  }
  return [before, after]
}

function textPart(node: Text, from: number, to: number): Text {
  return {type: 'text', value: node.value.slice(from, to), position: node.position}
}

function leafText(node: Inline): string {
  return node.type === 'text' ? node.value : node.children.map((child) => child.value).join('')
}
