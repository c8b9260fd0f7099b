/**
 * Serialisation: a fixed XML declaration, the document element, and one final
 * newline. No clock, no environment: same tree, same bytes.
 *
 * The bytes are those of xmldom's `XMLSerializer` (which this writer used to
 * build with, and which tests still parse with): attributes in the order the
 * handlers set them (`eId` first), a namespace declared after the attributes
 * of the first element that uses it, `<x/>` for an element without children,
 * text and attribute values as the handlers made them (`xml-chars.ts` escapes them).
 * Indentation (`format.ts`) is written here, between the children of
 * element-only containers.
 */
import type {XmlElement} from './element.js'
import {isIndented} from './format.js'
import {XML_DECLARATION} from './vocabulary.js'
import {escapeAttribute} from './xml-chars.js'

/** Namespaces in scope: a prefix (`''` for the default) bound to a URI, innermost first. */
interface Scope {
  readonly prefix: string
  readonly namespace: string
  readonly outer: Scope | null
}

export function serialize(root: XmlElement): string {
  return XML_DECLARATION + '\n' + writeElement(root, 0, null) + '\n'
}

function writeElement(el: XmlElement, depth: number, scope: Scope | null): string {
  let out = '<' + el.name
  // An eId is made of letters, digits and `_` (`eid.ts`): nothing to escape.
  if (el.eId !== null) out += ' eId="' + el.eId + '"'
  const {attributes} = el
  for (let i = 0; i < attributes.length; i += 2) out += ' ' + attributes[i]! + '="' + attributes[i + 1]! + '"'
  const colon = el.name.indexOf(':')
  const prefix = colon === -1 ? '' : el.name.slice(0, colon)
  let inner = scope
  if (lookup(scope, prefix) !== el.namespace) {
    out += ' ' + (prefix === '' ? 'xmlns' : 'xmlns:' + prefix) + '="' + escapeAttribute(el.namespace) + '"'
    inner = {prefix, namespace: el.namespace, outer: scope}
  }
  const {children} = el
  if (children.length === 0) return out + '/>'
  out += '>'
  const indented = isIndented(el)
  const childIndent = indented ? newline(depth + 1) : ''
  for (const child of children) {
    if (indented) out += childIndent
    out += typeof child === 'string' ? child : writeElement(child, depth + 1, inner)
  }
  return out + (indented ? newline(depth) : '') + '</' + el.name + '>'
}

function lookup(scope: Scope | null, prefix: string): string | null {
  for (let s = scope; s !== null; s = s.outer) if (s.prefix === prefix) return s.namespace
  return null
}

const NEWLINES: string[] = []

/** A line break and `depth` levels of two spaces. */
function newline(depth: number): string {
  return (NEWLINES[depth] ??= '\n' + '  '.repeat(depth))
}
