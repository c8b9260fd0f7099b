/** Plain text of a tree node: the concatenation of its leaf values, in order. */
import type {AnyNode} from '../../../tree/types.js'

export function textOf(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'num') return node.value
  if ('children' in node) {
    let result = ''
    for (const child of node.children as AnyNode[]) result += textOf(child)
    return result
  }
  return ''
}
