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
  const out = new TextOutput()
  write(root, out)
  return out.text
}

/** The same as `serialize`, as UTF-8 bytes, encoded as it goes so no long string is held. */
export function serializeToBytes(root: XmlElement): Uint8Array {
  const out = new ByteOutput()
  write(root, out)
  return out.bytes()
}

interface Output {
  text: string
  /** Called after each element: a place where the text written so far may be taken away. */
  checkpoint(): void
}

function write(root: XmlElement, out: Output): void {
  out.text += XML_DECLARATION + '\n'
  writeElement(root, 0, null, out)
  out.text += '\n'
}

function writeElement(el: XmlElement, depth: number, scope: Scope | null, out: Output): void {
  let tag = '<' + el.name
  // An eId is made of letters, digits and `_` (`eid.ts`): nothing to escape.
  if (el.eId !== null) tag += ' eId="' + el.eId + '"'
  const {attributes} = el
  for (let i = 0; i < attributes.length; i += 2) tag += ' ' + attributes[i]! + '="' + attributes[i + 1]! + '"'
  const colon = el.name.indexOf(':')
  const prefix = colon === -1 ? '' : el.name.slice(0, colon)
  let inner = scope
  if (lookup(scope, prefix) !== el.namespace) {
    tag += ' ' + (prefix === '' ? 'xmlns' : 'xmlns:' + prefix) + '="' + escapeAttribute(el.namespace) + '"'
    inner = {prefix, namespace: el.namespace, outer: scope}
  }
  const {children} = el
  if (children.length === 0) {
    out.text += tag + '/>'
    return
  }
  out.text += tag + '>'
  const indented = isIndented(el)
  const childIndent = indented ? newline(depth + 1) : ''
  for (const child of children) {
    if (indented) out.text += childIndent
    if (typeof child === 'string') out.text += child
    else writeElement(child, depth + 1, inner, out)
  }
  out.text += (indented ? newline(depth) : '') + '</' + el.name + '>'
  out.checkpoint()
}

class TextOutput implements Output {
  text = ''
  checkpoint(): void {}
}

const encoder = new TextEncoder()
/** UTF-16 units encoded at a time: large enough to be cheap per call, small enough to stay young for the collector. */
const CHUNK_UNITS = 1 << 14
/** Where a document that fits in one chunk is encoded before its bytes are copied out (cheaper than `encode`). */
const scratch = new Uint8Array((CHUNK_UNITS + 1024) * 3)

class ByteOutput implements Output {
  text = ''
  /** The bytes of the text taken away so far, one array per chunk. */
  #chunks: Uint8Array[] = []
  #length = 0

  checkpoint(): void {
    if (this.text.length >= CHUNK_UNITS) this.#flush()
  }

  bytes(): Uint8Array {
    this.#flush()
    if (this.#chunks.length === 1) return this.#chunks[0]!
    const out = new Uint8Array(this.#length)
    let at = 0
    for (const chunk of this.#chunks) {
      out.set(chunk, at)
      at += chunk.length
    }
    return out
  }

  #flush(): void {
    const {text} = this
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a chunk is rarely much longer than CHUNK_UNITS.
    const bytes = text.length * 3 <= scratch.length ? scratch.slice(0, encoder.encodeInto(text, scratch).written) : encoder.encode(text)
    this.#chunks.push(bytes)
    this.#length += bytes.length
    this.text = ''
  }
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
