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
import type {XmlElement} from './element.js'
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
 * Assigns structural eIds below `root` (the `statement`), skipping `meta`;
 * numbered elements carry their Arabic number in `ordinal`. eIds already in
 * the document (meta) are kept and reserved. Returns every eId in the document.
 */
export function assignEids(root: XmlElement): Set<string> {
  const used = new Set<string>()
  collectEids(root, used)
  const counters = new Map<string, number>()

  // The next suffix to try per base, so n clashes cost n steps, not n².
  const nextSuffix = new Map<string, number>()
  const unique = (base: string): string => {
    if (!used.has(base)) {
      used.add(base)
      return base
    }
    let eId = base
    let n = nextSuffix.get(base) ?? 2
    while (used.has(eId)) eId = `${base}_${n++}`
    nextSuffix.set(base, n)
    used.add(eId)
    return eId
  }

  const walk = (parent: XmlElement, prefix: string): void => {
    for (const el of parent.children) {
      if (typeof el === 'string') continue
      const name = el.localName
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
      let number = el.ordinal
      if (number === null || !Number.isSafeInteger(number) || number < 0) {
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

/** Adds every `eId` attribute below `parent` to `used`. */
function collectEids(parent: XmlElement, used: Set<string>): void {
  for (const el of parent.children) {
    if (typeof el === 'string') continue
    const eId = el.getAttribute('eId')
    if (eId !== null) used.add(eId)
    collectEids(el, used)
  }
}

/** Sets `name` as the element's first attribute, keeping the others in order. */
function setFirstAttribute(el: XmlElement, name: string, value: string): void {
  const at = el.attributes.findIndex(([key]) => key === name)
  if (at !== -1) el.attributes.splice(at, 1)
  el.attributes.unshift([name, value])
}

export function childElements(parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  for (const child of parent.children) if (typeof child !== 'string') out.push(child)
  return out
}
