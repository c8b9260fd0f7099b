/**
 * The element tree the handlers build and `serialize.ts` writes: plain objects
 * whose children are elements and strings (text). A DOM keeps live child
 * lists and namespace bookkeeping that this writer never needs; appending
 * here costs one `push`, so building is linear in the document.
 */

/** A child: an element, or text (already made XML-safe by `state.text`). */
export type XmlNode = XmlElement | string

export class XmlElement {
  /** Qualified name as written (`article`, `diptext:source`). */
  readonly name: string
  /** Namespace URI; declared on the element where it differs from its parent's for the same prefix. */
  readonly namespace: string
  /** Attributes in the order they are written (`eid.ts` puts `eId` first). */
  readonly attributes: Array<[name: string, value: string]>
  readonly children: XmlNode[] = []
  parent: XmlElement | null = null
  /** The Arabic number of a numbered element (`article`, `point`, `chapter`), for `eid.ts`. */
  ordinal: number | null = null

  constructor(name: string, namespace: string, attributes: Array<[string, string]> = []) {
    this.name = name
    this.namespace = namespace
    this.attributes = attributes
  }

  /** The name without its prefix (`source` for `diptext:source`). */
  get localName(): string {
    const colon = this.name.indexOf(':')
    return colon === -1 ? this.name : this.name.slice(colon + 1)
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

  getAttribute(name: string): string | null {
    for (const [key, value] of this.attributes) if (key === name) return value
    return null
  }
}
