/** Text helpers shared by the writers: what a node reads as, leaves in order. */
import type {Division, Paragraph} from './types.js'

interface AnyNode {
  type: string
  value?: string
  children?: AnyNode[]
}

/** The text of a node: its leaves' values in tree order. */
export function toText(node: AnyNode): string {
  if (typeof node.value === 'string') return node.value
  let text = ''
  for (const child of node.children ?? []) text += toText(child)
  return text
}

/** A division's own paragraphs (not its points'). */
export function paragraphsOf(division: Division): Paragraph[] {
  return division.children.filter((c): c is Paragraph => c.type === 'paragraph')
}

export function divisionsOf(division: Division): Division[] {
  return division.children.filter((c): c is Division => c.type === 'article' || c.type === 'point' || c.type === 'chapter')
}
