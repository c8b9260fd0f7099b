/**
 * The signature block. Signatories are set two to a row, one per column: the
 * role over the name, the printed mark (`（签字）`) under the name, each line
 * centred in its half of the text block. The signing date and place follow
 * below on the right (GB/T 9704: 右空四字). The block is never split across
 * pages and keeps with the signing line.
 */
import type {Signature, Signatures, Signing} from '../../tree/types.js'
import {group, paragraph, type FlowNode, type SignatureBlock, type SignatureCell} from './flow.js'
import {toText as textOf} from '../../tree/text.js'

/** Role, name and mark of one signatory, from its marks (falling back to the fields). */
export function signatureCell(node: Signature): SignatureCell {
  let role = ''
  let name = ''
  let mark = ''
  for (const child of node.children) {
    if (child.type === 'role') role += textOf(child)
    else if (child.type === 'person') name += textOf(child)
    else mark += textOf(child)
  }
  if (node.children.length === 0) {
    role = node.role ?? ''
    name = node.name ?? ''
  }
  return {role, name, mark}
}

/** The lines of a cell, top to bottom, empty ones left out. */
export function cellLines(cell: SignatureCell): string[] {
  return [cell.role, cell.name, cell.mark].filter((line) => line !== '')
}

/** Signatories per row. */
export const columns = 2

/** Grid lines a row of cells takes. */
export function rowHeight(cells: readonly SignatureCell[]): number {
  return Math.max(0, ...cells.map((cell) => cellLines(cell).length))
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
      const cell = signatureCell(child)
      if (cellLines(cell).length > 0) cells.push(cell)
    } else {
      flush()
      children.push(...signing(child))
    }
  }
  flush()
  return children.length === 0 ? [] : [group('Div', children, outlineTitle)]
}
