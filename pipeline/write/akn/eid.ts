/**
 * eIds, in one place (NC §5.4 as decided in notes/akn.md §0).
 *
 * - Structural eIds are assigned in one post-pass over the finished DOM:
 *   `[prefix "__"] abbreviation "_" number`, where the number is the tree's
 *   `ordinal` (Arabic, from the printed `一、`/`（三）`) for numbered elements and
 *   a count among unnumbered siblings otherwise: `art_1`, `art_1__para_2`,
 *   `art_13__para_2__point_3`, `preamble__p_1`, `conclusions__blockContainer_1__p_1`.
 *   `preface`, `preamble` and `conclusions` carry none but prefix their content;
 *   `mainBody`, `content`, `intro`, `num` and inline elements are transparent.
 * - TLC eIds (in `meta/references`) are the mark's `ref`, letters and digits only.
 *
 * Every structural eId contains `_` and no TLC eId does, so the two can never
 * collide; within each family a clash gets a numeric suffix.
 */
import type {Element} from '@xmldom/xmldom'
import {EID_ABBREVIATION} from './vocabulary.js'

/** Sections that prefix their content's eIds without carrying one. */
const PREFIX_SECTIONS: ReadonlySet<string> = new Set(['preface', 'preamble', 'conclusions'])

/** A TLC eId for `ref`: ASCII letters and digits only, never one in `taken`. */
export function tlcEid(ref: string, taken: ReadonlySet<string>): string {
  const base = ref.replace(/[^A-Za-z0-9]/g, '') || 'entity'
  let eId = base
  for (let n = 2; taken.has(eId); n++) eId = base + String(n)
  return eId
}

/**
 * Assigns structural eIds below `root` (the `statement`), skipping `meta`.
 * `ordinals` maps numbered elements to their Arabic number. eIds already in
 * the document (meta) are kept and reserved. Returns every eId in the document.
 */
export function assignEids(root: Element, ordinals: ReadonlyMap<Element, number>): Set<string> {
  const used = new Set<string>()
  for (const el of descendants(root)) {
    const eId = el.getAttribute('eId')
    if (eId !== null) used.add(eId)
  }
  const counters = new Map<string, number>()

  // The next suffix to try per base, so n clashes cost n steps, not n².
  const nextSuffix = new Map<string, number>()
  const unique = (base: string): string => {
    let eId = base
    let n = nextSuffix.get(base) ?? 2
    while (used.has(eId)) eId = `${base}_${n++}`
    nextSuffix.set(base, n)
    used.add(eId)
    return eId
  }

  const walk = (parent: Element, prefix: string): void => {
    for (const el of childElements(parent)) {
      const name = el.localName ?? el.nodeName
      if (name === 'meta') continue
      if (PREFIX_SECTIONS.has(name)) {
        walk(el, name)
        continue
      }
      const abbreviation = EID_ABBREVIATION[name]
      if (abbreviation === undefined) {
        walk(el, prefix)
        continue
      }
      let number = ordinals.get(el)
      if (number === undefined || !Number.isSafeInteger(number) || number < 0) {
        const key = prefix + '\u0000' + abbreviation
        number = (counters.get(key) ?? 0) + 1
        counters.set(key, number)
      }
      const eId = unique((prefix === '' ? '' : prefix + '__') + abbreviation + '_' + String(number))
      setFirstAttribute(el, 'eId', eId)
      walk(el, eId)
    }
  }

  walk(root, '')
  return used
}

/** Sets `name` as the element's first attribute, keeping the others in order. */
function setFirstAttribute(el: Element, name: string, value: string): void {
  const rest: Array<{namespace: string | null; name: string; value: string}> = []
  for (const attr of Array.from(el.attributes)) {
    if (attr.name !== name) rest.push({namespace: attr.namespaceURI, name: attr.name, value: attr.value})
  }
  for (const attr of rest) el.removeAttribute(attr.name)
  el.removeAttribute(name)
  el.setAttribute(name, value)
  for (const attr of rest) {
    if (attr.namespace === null) el.setAttribute(attr.name, attr.value)
    else el.setAttributeNS(attr.namespace, attr.name, attr.value)
  }
}

export function childElements(parent: Element): Element[] {
  const out: Element[] = []
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as Element)
  }
  return out
}

export function* descendants(root: Element): Generator<Element> {
  for (const child of childElements(root)) {
    yield child
    yield* descendants(child)
  }
}
