/**
 * Indentation for readers of the XML, and only where it cannot change the
 * text: inside elements whose content model is element-only (meta, sections,
 * hierarchical containers) and that hold no text. `p`, `num`, `heading`,
 * `docTitle`, `signature` and every inline element are mixed content and are
 * never touched, so no whitespace is ever added inside the document's text.
 * `serialize.ts` writes the line breaks, two spaces per level of nesting.
 */
import type {XmlElement} from './element.js'

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

/** Whether `el` is indented: an element-only container whose children are all elements. */
export function isIndented(el: XmlElement): boolean {
  if (el.children.length === 0 || !ELEMENT_ONLY.has(el.localName)) return false
  for (const child of el.children) if (typeof child === 'string') return false
  return true
}
