/** `title` → a centred bold `H1` (2号 小标宋 stand-in), a blank line under it. */
import type {Title} from '../../../tree/types.js'
import {geometry} from '../layout.js'
import {paragraph, type FlowNode} from '../flow.js'
import {toText as textOf} from '../../../tree/text.js'

export function title(node: Title, fallback = ''): FlowNode[] {
  const text = textOf(node) || fallback
  if (text === '') return []
  return [
    paragraph(text, {
      tag: 'H1',
      font: 'bold',
      size: geometry.titleSize,
      align: 'center',
      indent: 0,
      spaceAfter: 1,
      keepWithNext: true
    })
  ]
}
