/**
 * The element tree the handlers build and `serialize.ts` writes: plain objects
 * whose children are elements and strings (text). A DOM keeps live child
 * lists and namespace bookkeeping that this writer never needs; appending
 * here costs one `push`, so building is linear in the document.
 */

/** A child: an element, or character data as written (made safe and escaped by `state.text`). */
export type XmlNode = XmlElement | string

export class XmlElement {
  /** Qualified name as written (`article`, `diptext:source`). */
  readonly name: string
  /** The name without its prefix (`source` for `diptext:source`). */
  readonly localName: string
  /** Namespace URI; declared on the element where it differs from its parent's for the same prefix. */
  readonly namespace: string
  /** Attributes in the order they are written, names and values (escaped, as written) in turn: `[name, value, name, value…]`. */
  readonly attributes: string[]
  readonly children: XmlNode[] = []
  parent: XmlElement | null = null
  /** The Arabic number of a numbered element (`article`, `point`, `chapter`), for `eid.ts`. */
  ordinal: number | null = null
  /** The structural eId given by `eid.ts`, written before the other attributes. */
  eId: string | null = null

  constructor(name: string, namespace: string, attributes: string[] = []) {
    this.name = name
    const colon = name.indexOf(':')
    this.localName = colon === -1 ? name : name.slice(colon + 1)
    this.namespace = namespace
    this.attributes = attributes
  }

  appendChild<T extends XmlNode>(child: T): T {
    if (typeof child !== 'string') child.parent = this
    this.children.push(child)
    return child
  }

  /** Inserts `child` before the first child. */
  prepend(child: XmlElement): XmlElement {
    child.parent = this
    this.children.unshift(child)
    return child
  }

  /** The value as written (escaped); `eId` once `eid.ts` has named the element. */
  getAttribute(name: string): string | null {
    if (name === 'eId' && this.eId !== null) return this.eId
    const {attributes} = this
    for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1]!
    return null
  }

  removeAttribute(name: string): void {
    const {attributes} = this
    for (let i = 0; i < attributes.length; i += 2) {
      if (attributes[i] === name) {
        attributes.splice(i, 2)
        return
      }
    }
  }
}
