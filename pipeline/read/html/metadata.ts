/**
 * A treaty database's metadata table: rows of label / value cells
 * (`签订日期 | 1994年3月7日`, two or four cells a row, or a `<dl>` of `<dt>`/`<dd>` pairs) whose labels are fields
 * of `METADATA_FIELDS`, with at most one heading row. Such a table is about the
 * document, not part of it: its dates become stamps (signed, effective,
 * published) and its other fields are recorded as removals, with their source.
 */
import type {Element} from 'hast'
import {METADATA_FIELDS} from '../../rules/html-chrome.js'
import {visibleText} from './chrome.js'

export interface MetadataCell {
  element: Element
  /** The stamp kind of the field a label cell names (null for a field that is not a date, and for values). */
  kind: 'signedDate' | 'effectiveDate' | 'publicationDate' | 'signedPlace' | null
}

export interface MetadataRow {
  label: MetadataCell
  value: MetadataCell | null
}

/** The table's fields in order, or null when it is not a metadata table. */
export function metadataTable(table: Element): MetadataRow[] | null {
  const rows = rowsOf(table)
  if (rows.length === 0) return null
  const fields: MetadataRow[] = []
  let headings = 0
  let dates = 0
  for (const cells of rows) {
    if (cells.length === 1 && fields.length === 0 && headings === 0) {
      // A heading row (`条约信息`): recorded with the fields.
      headings++
      fields.push({label: {element: cells[0]!, kind: null}, value: null})
      continue
    }
    if (cells.length !== 2 && cells.length !== 4) return null
    for (let i = 0; i < cells.length; i += 2) {
      const field = fieldOf(cells[i]!)
      if (field === undefined) return null
      if (field !== null) dates++
      fields.push({label: {element: cells[i]!, kind: field}, value: {element: cells[i + 1]!, kind: null}})
    }
  }
  return dates > 0 ? fields : null
}

/** The stamp kind of a label cell (null: a known field that is not a date), undefined when it names no field. */
function fieldOf(cell: Element): 'signedDate' | 'effectiveDate' | 'publicationDate' | 'signedPlace' | null | undefined {
  const label = visibleText(cell).replace(/[\s\u3000\u00a0]+/gu, '').replace(/[:：]$/, '')
  return METADATA_FIELDS.find((field) => field.label.test(label))?.kind
}

/** The table's rows (not those of tables nested in it), each as its cells; a `<dl>`'s `<dt>`/`<dd>` pairs. */
function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = []
  if (table.tagName === 'dl') {
    for (const child of table.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'dt') rows.push([child])
      else if (child.tagName === 'dd' && rows.length > 0 && rows[rows.length - 1]!.length === 1) rows[rows.length - 1]!.push(child)
      else if (child.tagName === 'dd') return []
    }
    return rows.every((row) => row.length === 2) ? rows : []
  }
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'tr') rows.push(child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')))
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') walk(child)
    }
  }
  walk(table)
  return rows
}
