/**
 * Serialisation: a fixed XML declaration, the document element as xmldom
 * writes it (attributes in the order the handlers set them, `eId` first), and
 * one final newline. No clock, no environment: same DOM, same bytes.
 */
import {XMLSerializer} from '@xmldom/xmldom'
import type {Document as XmlDocument} from '@xmldom/xmldom'
import {XML_DECLARATION} from './vocabulary.js'

export function serialize(xml: XmlDocument): string {
  const root = xml.documentElement
  if (!root) throw new Error('Cannot serialise an XML document without a document element')
  return XML_DECLARATION + '\n' + new XMLSerializer().serializeToString(root, {requireWellFormed: true}) + '\n'
}
