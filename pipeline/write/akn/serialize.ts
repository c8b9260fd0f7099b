/**
 * Serialisation: a fixed XML declaration, the document element, and one final
 * newline. No clock, no environment: same tree, same bytes.
 *
 * The bytes are those of xmldom's `XMLSerializer` (which this writer used to
 * build with, and which tests still parse with): attributes in the order the
 * handlers set them (`eId` first), a namespace declared after the attributes
 * of the first element that uses it, `<x/>` for an element without children,
 * `< & >` escaped in text and `< > & "`, tab, LF and CR in attribute values.
 * Indentation (`format.ts`) is written here, between the children of
 * element-only containers.
 */
import type {XmlElement} from './element.js'
import {isIndented} from './format.js'
import {XML_DECLARATION} from './vocabulary.js'

/** Namespaces in scope: a prefix (`''` for the default) bound to a URI, innermost first. */
interface Scope {
  readonly prefix: string
  readonly namespace: string
  readonly outer: Scope | null
}

export function serialize(root: XmlElement): string {
  const out: string[] = [XML_DECLARATION, '\n']
  writeElement(root, 0, null, out)
  out.push('\n')
  return out.join('')
}

function writeElement(el: XmlElement, depth: number, scope: Scope | null, out: string[]): void {
  let tag = '<' + el.name
  for (const [name, value] of el.attributes) tag += ' ' + name + '="' + escapeAttribute(value) + '"'
  const colon = el.name.indexOf(':')
  const prefix = colon === -1 ? '' : el.name.slice(0, colon)
  let inner = scope
  if (lookup(scope, prefix) !== el.namespace) {
    tag += ' ' + (prefix === '' ? 'xmlns' : 'xmlns:' + prefix) + '="' + escapeAttribute(el.namespace) + '"'
    inner = {prefix, namespace: el.namespace, outer: scope}
  }
  const {children} = el
  if (children.length === 0) {
    out.push(tag + '/>')
    return
  }
  out.push(tag + '>')
  const indented = isIndented(el)
  const childIndent = indented ? newline(depth + 1) : ''
  for (const child of children) {
    if (indented) out.push(childIndent)
    if (typeof child === 'string') out.push(escapeText(child))
    else writeElement(child, depth + 1, inner, out)
  }
  out.push(indented ? newline(depth) + '</' + el.name + '>' : '</' + el.name + '>')
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

const TEXT_SPECIAL = /[<&>]/
const ATTRIBUTE_SPECIAL = /[<>&"\t\n\r]/
const ENTITY: Readonly<Record<string, string>> = {'<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;'}
const entity = (c: string): string => ENTITY[c]!

function escapeText(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(/[<&>]/g, entity) : value
}

function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(/[<>&"\t\n\r]/g, entity) : value
}
