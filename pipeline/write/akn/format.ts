/**
 * Indentation for readers of the XML, and only where it cannot change the
 * text: inside elements whose content model is element-only (meta, sections,
 * hierarchical containers) and that hold no text. `p`, `num`, `heading`,
 * `docTitle`, `signature` and every inline element are mixed content and are
 * never touched, so no whitespace is ever added inside the document's text.
 */
import type {Element} from '@xmldom/xmldom'
import {childElements} from './eid.js'

const ELEMENT_ONLY: ReadonlySet<string> = new Set([
  'akomaNtoso',
  'statement',
  'meta',
  'identification',
  'FRBRWork',
  'FRBRExpression',
  'FRBRManifestation',
  'preservation',
  'lifecycle',
  'references',
  'proprietary',
  'preface',
  'preamble',
  'mainBody',
  'conclusions',
  'chapter',
  'article',
  'paragraph',
  'point',
  'content',
  'intro',
  'wrapUp',
  'blockContainer',
  'formula'
])

export function indent(el: Element, depth = 0): void {
  const children = childElements(el)
  const name = el.localName ?? el.nodeName
  const owner = el.ownerDocument
  const elementOnly = owner !== null && ELEMENT_ONLY.has(name) && children.length > 0 && countChildNodes(el) === children.length
  for (const child of children) {
    if (elementOnly) el.insertBefore(owner.createTextNode('\n' + '  '.repeat(depth + 1)), child)
    indent(child, depth + 1)
  }
  if (elementOnly) el.appendChild(owner.createTextNode('\n' + '  '.repeat(depth)))
}

function countChildNodes(el: Element): number {
  let count = 0
  for (let node = el.firstChild; node !== null; node = node.nextSibling) count++
  return count
}
