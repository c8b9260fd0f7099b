/**
 * `paragraph` → a justified `P` indented two characters. An enacting formula
 * (`双方声明如下：`) stays on the page of what it introduces.
 */
import type {Paragraph} from '../../../tree/types.js'
import {paragraph as block, type FlowNode} from '../flow.js'
import {toText as textOf} from '../../../tree/text.js'

export function paragraph(node: Paragraph, prefix = ''): FlowNode[] {
  const text = prefix + textOf(node)
  if (text === '') return []
  return [block(text, {keepWithNext: node.role === 'enactingFormula'})]
}
