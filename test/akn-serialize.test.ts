/**
 * The Akoma Ntoso writer builds a light element tree and serialises it itself
 * (`pipeline/write/akn/serialize.ts`). Its bytes must be those xmldom's
 * `XMLSerializer` writes for the same tree, indented as the writer indents:
 * each tree here is rebuilt as an xmldom DOM (text and attribute values
 * unescaped, `eId` first, the whitespace of `format.ts` inserted as text
 * nodes) and both serialisations are compared, on the sample, its variants,
 * values full of characters to escape or replace, the seed and deep nesting.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {DOMImplementation, XMLSerializer} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element} from '@xmldom/xmldom'
import type {Document} from '../pipeline/tree/types.js'
import {convert} from '../pipeline/batch/convert.js'
import {boundDepth} from '../pipeline/write/bounded-depth.js'
import {aknWriter, toAkn} from '../pipeline/write/akn/index.js'
import {assignEids, childElements} from '../pipeline/write/akn/eid.js'
import {XmlElement} from '../pipeline/write/akn/element.js'
import {isIndented} from '../pipeline/write/akn/format.js'
import {handlers} from '../pipeline/write/akn/handlers/index.js'
import {serialize} from '../pipeline/write/akn/serialize.js'
import {createState} from '../pipeline/write/akn/state.js'
import {XML_DECLARATION, XML_NAMESPACE} from '../pipeline/write/akn/vocabulary.js'
import {articleDocument, nestedDocument} from '../bench/akn-scaling.js'
import {aknSample, aknVariants} from './fixtures/akn-sample.js'

function tree(doc: Document): XmlElement {
  const bounded = boundDepth(doc, null)
  const state = createState(bounded, handlers, null)
  state.handle(bounded, state.root)
  for (const statement of childElements(state.root)) assignEids(statement)
  return state.root
}

const unescape = (value: string): string =>
  value.replace(/&(lt|gt|amp|quot|#9|#10|#13);/g, (_, name: string) => ({lt: '<', gt: '>', amp: '&', quot: '"', '#9': '\t', '#10': '\n', '#13': '\r'})[name]!)

/** The same tree as an xmldom DOM, indented as the old writer indented its DOM. */
function toDom(el: XmlElement, xml: XmlDocument, depth: number): Element {
  const out = xml.createElementNS(el.namespace, el.name)
  if (el.eId !== null) out.setAttribute('eId', el.eId)
  for (let i = 0; i < el.attributes.length; i += 2) {
    const name = el.attributes[i]!
    const value = unescape(el.attributes[i + 1]!)
    if (name.startsWith('xml:')) out.setAttributeNS(XML_NAMESPACE, name, value)
    else out.setAttribute(name, value)
  }
  const indented = isIndented(el)
  for (const child of el.children) {
    if (indented) out.appendChild(xml.createTextNode('\n' + '  '.repeat(depth + 1)))
    out.appendChild(typeof child === 'string' ? xml.createTextNode(unescape(child)) : toDom(child, xml, depth + 1))
  }
  if (indented) out.appendChild(xml.createTextNode('\n' + '  '.repeat(depth)))
  return out
}

function xmldomBytes(root: XmlElement): string {
  const xml = new DOMImplementation().createDocument(root.namespace, root.name, null)
  const dom = toDom(root, xml, 0)
  xml.replaceChild(dom, xml.documentElement!)
  return XML_DECLARATION + '\n' + new XMLSerializer().serializeToString(dom, {requireWellFormed: true}) + '\n'
}

/** Every string of the tree but the Work URI with characters to escape or replace appended. */
const SPECIAL = 'a&b<c>d"e\'f\tg\nh\ri]]>j\u0001k\uFFFEl\uD800m\u0085n\u2028o\u{1F600}'
function withSpecials<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withSpecials) as T
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'position' ? value : typeof value === 'string' && ['value', 'showAs', 'href', 'target', 'title', 'file'].includes(key) ? value + SPECIAL : withSpecials(value)
  }
  return out as T
}

const seed = async (): Promise<Document[]> => {
  const bytes = readFileSync(new URL('../sources/000_c69a6c577a452886.txt', import.meta.url))
  return (await convert([{path: 'seed.txt', bytes}])).documents
}

describe('AKN serialisation', () => {
  it('writes the bytes xmldom writes for the same tree', async () => {
    const special = [aknSample(), ...aknVariants()].map((doc) => ({...withSpecials(doc), meta: {...withSpecials(doc.meta), id: doc.meta.id}}))
    const docs = [aknSample(), ...aknVariants(), ...special, ...(await seed()), nestedDocument(150), articleDocument(50)]
    for (const doc of docs) {
      const root = tree(doc)
      expect(serialize(root), doc.meta.slug).toBe(xmldomBytes(root))
    }
  })

  it('escapes and replaces in text and attributes, and declares each namespace once where it is used', () => {
    const doc = withSpecials(aknSample())
    const xml = toAkn({...doc, meta: {...doc.meta, id: aknSample().meta.id}})
    expect(xml).toContain('a&amp;b&lt;c&gt;d"e\'f\tg\nh\ri]]&gt;j\uFFFDk\uFFFDl\uFFFDm\u0085n\u2028o\u{1F600}')
    expect(xml).toContain('a&amp;b&lt;c&gt;d&quot;e\'f&#9;g&#10;h&#13;i]]&gt;j\uFFFDk\uFFFDl\uFFFDm\u0085n\u2028o\u{1F600}"')
    expect(xml.match(/xmlns="/g)).toHaveLength(1)
    expect(xml).toMatch(/<diptext:generator name="[^"]*" version="[^"]*" xmlns:diptext="urn:diptext:meta:1"\/>/)
  })

  it('gives the UTF-8 of the text as bytes, for a small document and one of many chunks', () => {
    for (const doc of [aknSample(), articleDocument(400), nestedDocument(300)]) {
      const bytes = aknWriter.write(doc, {batch: [doc], sourceDateEpoch: null, render: () => Promise.reject(new Error('unused'))}) as Uint8Array
      expect(Buffer.from(bytes).equals(Buffer.from(toAkn(doc), 'utf8'))).toBe(true)
    }
  })

  it('names every structural element of large and deep documents once', () => {
    for (const doc of [articleDocument(2000), nestedDocument(1000)]) {
      const eIds = [...toAkn(doc).matchAll(/ eId="([^"]+)"/g)].map((match) => match[1])
      expect(new Set(eIds).size).toBe(eIds.length)
      expect(eIds.length).toBeGreaterThan(2000)
    }
  })
})
