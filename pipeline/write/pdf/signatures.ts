/**
 * The signature block. Signatories are set two to a row, one per column: the
 * role over the name, the printed mark (`（签字）`) under the name, each line
 * centred in its half of the text block. A role longer than its column is
 * wrapped inside it: at the line breaks printed in the source first (the tree
 * keeps each printed line of a role as a text leaf), then by width, with
 * kinsoku, so nothing overprints the other column or runs off the page. The
 * signing date and place follow below on the right (GB/T 9704: 右空四字). The
 * block is never split across pages and keeps with the signing line.
 */
import type {EntityMark, Signature, Signatures, Signing, Text} from '../../tree/types.js'
import {group, paragraph, type FlowNode, type SignatureBlock, type SignatureCell, type SignaturePart} from './flow.js'
import {toText as textOf} from '../../tree/text.js'
import {advance, advanceWithFallback} from './fonts.js'
import {cell, geometry, tracking} from './layout.js'
import {breakLines, trailingSpace} from './linebreak.js'
import {tokensKeepingNames} from './title-break.js'

/** Signatories per row. */
export const columns = 2

/** Width a line of a signature may take: its half of the text block less one cell between the columns. */
export const columnMeasure = geometry.blockWidth / columns - cell

/** Natural width of signature text (body size, on the grid). */
export function signatureWidth(text: string): number {
  return advanceWithFallback('regular', text) * geometry.fontSize + tracking * Math.max(0, Array.from(text).length - 1)
}

/** Wraps printed lines to the column: each printed line stays a line, and breaks further only when too wide. */
export function wrapPrinted(printed: readonly string[], width = columnMeasure): string[] {
  const lines: string[] = []
  const measure = (token: string) => advanceWithFallback('regular', token) * geometry.fontSize + tracking * Array.from(token).length
  const hang = (token: string) => advance('regular', trailingSpace(token)) * geometry.fontSize + tracking * trailingSpace(token).length
  for (const line of printed) {
    if (line === '') continue
    for (const broken of breakLines(line, {width: width + tracking, measure, hang, tokens: tokensKeepingNames(line)})) lines.push(broken.text)
  }
  return lines
}

/** The printed lines of a mark: its text leaves (a role printed over three lines has three). */
function printedLines(mark: EntityMark | Text): string[] {
  if (mark.type === 'text') return [mark.value]
  return mark.children.map((child) => child.value)
}

/** Role, name and mark of one signatory, from its marks (falling back to the fields). */
export function signatureCell(node: Signature): SignatureCell {
  const printed: Record<SignaturePart['kind'], string[]> = {role: [], name: [], mark: []}
  for (const child of node.children) {
    const kind = child.type === 'role' ? 'role' : child.type === 'person' ? 'name' : 'mark'
    if (kind === 'mark' && child.type !== 'text') printed.mark.push(textOf(child))
    else printed[kind].push(...printedLines(child))
  }
  if (node.children.length === 0) {
    if (node.role) printed.role.push(node.role)
    if (node.name) printed.name.push(node.name)
  }
  const parts: SignaturePart[] = []
  for (const kind of ['role', 'name', 'mark'] as const) {
    const text = printed[kind].join('')
    if (text === '') continue
    parts.push({kind, text, lines: wrapPrinted(printed[kind])})
  }
  return {parts}
}

/** The lines of a cell, top to bottom. */
export function cellLines(signatory: SignatureCell): string[] {
  return signatory.parts.flatMap((part) => part.lines)
}

/** Grid lines a row of cells takes. */
export function rowHeight(cells: readonly SignatureCell[]): number {
  return Math.max(0, ...cells.map((signatory) => cellLines(signatory).length))
}

/** Rows of the block. */
export function rows(cells: readonly SignatureCell[]): SignatureCell[][] {
  const result: SignatureCell[][] = []
  for (let index = 0; index < cells.length; index += columns) result.push(cells.slice(index, index + columns))
  return result
}

/** Grid lines the whole block takes (a blank line between rows). */
export function blockHeight(block: SignatureBlock): number {
  const all = rows(block.cells)
  return all.reduce((sum, row) => sum + rowHeight(row), 0) + Math.max(0, all.length - 1)
}

function signing(node: Signing): FlowNode[] {
  const text = textOf(node)
  if (text === '') return []
  return [paragraph(text, {align: 'right', indent: 0, rightIndent: 4, spaceBefore: 1})]
}

/** Bookmark title of the signature block. */
export const outlineTitle = '签署'

export function signatures(node: Signatures): FlowNode[] {
  const children: FlowNode[] = []
  let cells: SignatureCell[] = []
  const flush = () => {
    if (cells.length > 0) {
      children.push({kind: 'signatures', cells, spaceBefore: 2, spaceAfter: 0, keepWithNext: true})
      cells = []
    }
  }
  for (const child of node.children) {
    if (child.type === 'signature') {
      const signatory = signatureCell(child)
      if (signatory.parts.length > 0) cells.push(signatory)
    } else {
      flush()
      children.push(...signing(child))
    }
  }
  flush()
  return children.length === 0 ? [] : [group('Div', children, outlineTitle)]
}
