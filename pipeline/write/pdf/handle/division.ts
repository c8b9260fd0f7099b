/**
 * `article` / `point` / `chapter` → a `Sect` with one bookmark. The printed
 * number (`一、`) opens the first paragraph, on the same line; a number with no
 * paragraph after it is a paragraph of its own that keeps with the next.
 */
import type {Division, Paragraph} from '../../../tree/types.js'
import {group, paragraph as block, type FlowNode} from '../flow.js'
import {handle} from './index.js'
import {paragraph} from './paragraph.js'
import {toText as textOf} from '../../../tree/text.js'
import {numberSeparator} from '../../number-separator.js'

/** Bookmark title of an article: its number and the start of its text. */
export function outlineTitle(node: Division, length = 24): string {
  const text = textOf(node).replace(/\s+/gu, '')
  const chars = Array.from(text)
  return chars.length > length ? chars.slice(0, length).join('') + '…' : text
}

export function division(node: Division): FlowNode[] {
  const [num, ...rest] = node.children
  const children: FlowNode[] = []
  let prefix = num.value + numberSeparator(node)
  for (const child of rest) {
    if (child.type === 'paragraph') {
      children.push(...paragraph(child as Paragraph, prefix))
    } else {
      if (prefix !== '') children.push(block(prefix, {keepWithNext: true}))
      children.push(...handle(child))
    }
    prefix = ''
  }
  if (prefix !== '') children.push(block(prefix))
  return [group('Sect', children, node.type === 'article' || node.type === 'chapter' ? outlineTitle(node) : undefined)]
}
