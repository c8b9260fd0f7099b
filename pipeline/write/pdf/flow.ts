/**
 * The flow: what the handlers make of the document tree, and all that layout
 * and drawing need. A tree of structure groups (`Sect`, `Div`) whose leaves are
 * blocks; each block becomes one or more tagged structure elements (`H1`, `P`).
 */
import type {FontKey} from './fonts.js'

/** A run of text set as one paragraph. */
export interface TextBlock {
  kind: 'text'
  /** Structure type of the block. */
  tag: 'H1' | 'P'
  /** The characters, exactly as in the tree (an article's number included). */
  text: string
  font: FontKey
  size: number
  /** `justify`: body text; `center`: title lines; `right`: the signing line. */
  align: 'justify' | 'center' | 'right'
  /** First-line indent, in character cells. */
  indent: number
  /** Space kept free at the right of a right-aligned line, in character cells. */
  rightIndent: number
  /** Blank grid lines before and after. */
  spaceBefore: number
  spaceAfter: number
  keepWithNext: boolean
}

/** One printed part of a signatory (its role, name or mark), wrapped to its half column. */
export interface SignaturePart {
  kind: 'role' | 'name' | 'mark'
  /** The characters of the part, exactly as in the tree. */
  text: string
  /** The lines it is set in: the printed line breaks first, then breaks by width. Joined, they are `text`. */
  lines: string[]
}

/** One signatory: its parts stacked in its column (role over name over the mark). */
export interface SignatureCell {
  parts: SignaturePart[]
}

/** The signature block: signatories two to a row, in columns. */
export interface SignatureBlock {
  kind: 'signatures'
  cells: SignatureCell[]
  spaceBefore: number
  spaceAfter: number
  keepWithNext: boolean
}

export type Block = TextBlock | SignatureBlock

export interface FlowGroup {
  kind: 'group'
  tag: 'Document' | 'Sect' | 'Div'
  /** Bookmark title; the bookmark points at the group's first line. */
  outline?: string
  children: FlowNode[]
}

export type FlowNode = FlowGroup | Block

export function group(tag: FlowGroup['tag'], children: FlowNode[], outline?: string): FlowGroup {
  return outline === undefined ? {kind: 'group', tag, children} : {kind: 'group', tag, children, outline}
}

/** A body paragraph with the defaults of the grid. */
export function paragraph(text: string, overrides: Partial<TextBlock> = {}): TextBlock {
  return {
    kind: 'text',
    tag: 'P',
    text,
    font: 'regular',
    size: 16,
    align: 'justify',
    indent: 2,
    rightIndent: 0,
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: false,
    ...overrides
  }
}

/** The blocks of a flow in document order, each with the bookmarks that start at it. */
export function flatten(root: FlowGroup): Array<{block: Block; outlines: string[]}> {
  const result: Array<{block: Block; outlines: string[]}> = []
  let pending: string[] = []
  const visit = (node: FlowNode) => {
    if (node.kind === 'group') {
      if (node.outline !== undefined) pending.push(node.outline)
      node.children.forEach(visit)
      return
    }
    result.push({block: node, outlines: pending})
    pending = []
  }
  visit(root)
  return result
}
