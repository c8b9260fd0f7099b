/**
 * Characters of a document that no font of the chain has (`fonts.ts`): each is
 * reported with the character, its code point and its place in the input, so
 * that a reader of the warnings knows what the page shows as 〓. The walk is
 * iterative (trees may be deep).
 */
import type {Point} from 'unist'
import type {Document} from '../../tree/types.js'
import {missingCharacters, type FontKey} from './fonts.js'

export interface MissingGlyph {
  char: string
  codePoint: string
  place: Point
}

interface Node {
  type: string
  value?: string
  children?: Node[]
  position?: {start: Point}
}

/** Every missing character of `doc`, in document order (titles are checked in the bold font). */
export function missingGlyphs(doc: Document): MissingGlyph[] {
  const found: MissingGlyph[] = []
  const stack: Array<{node: Node; font: FontKey}> = [{node: doc as unknown as Node, font: 'regular'}]
  while (stack.length > 0) {
    const {node, font} = stack.pop()!
    if (typeof node.value === 'string') {
      const missing = new Set(missingCharacters(font, node.value))
      if (missing.size === 0) continue
      const start = node.position?.start
      let index = 0
      for (const char of node.value) {
        if (missing.has(char) && start) {
          // The leaf's value is the source slice but for closed-up layout, so the offset is exact or close.
          const offset = (start.offset ?? 0) + index
          found.push({char, codePoint: 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), place: {line: start.line, column: start.column + index, offset}})
        }
        index += char.length
      }
      continue
    }
    const children = node.children ?? []
    const childFont: FontKey = node.type === 'title' ? 'bold' : font
    for (let i = children.length - 1; i >= 0; i--) stack.push({node: children[i]!, font: childFont})
  }
  return found
}
