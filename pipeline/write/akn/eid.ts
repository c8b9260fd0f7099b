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

/** The eId abbreviation of each element that carries one. */
const ABBREVIATION: ReadonlyMap<string, string> = new Map(Object.entries(EID_ABBREVIATION))

/** Where eIds are being named: the prefix of the children's eIds and their counters per abbreviation. */
interface Scope {
  readonly prefix: string
  counters: Map<string, number> | null
}

/**
 * Assigns structural eIds below `root` (the `statement`), skipping `meta`;
 * numbered elements carry their Arabic number in `ordinal`. eIds already in
 * the document (meta) are kept and reserved. Returns every eId in the document.
 */
export function assignEids(root: XmlElement): Set<string> {
  const used = new Set<string>()
  collectEids(root, used)

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

  // Counters belong to a prefix: every eId is unique and contains `_`, so only a section's
  // name can recur as a prefix, and its scope is shared.
  const sections = new Map<string, Scope>()
  const section = (name: string): Scope => {
    let scope = sections.get(name)
    if (scope === undefined) sections.set(name, (scope = {prefix: name, counters: null}))
    return scope
  }

  const walk = (parent: XmlElement, scope: Scope): void => {
    for (const el of parent.children) {
      if (typeof el === 'string') continue
      const name = el.localName
      const abbreviation = ABBREVIATION.get(name)
      if (abbreviation === undefined) {
        if (name !== 'meta') walk(el, PREFIX_SECTIONS.has(name) ? section(name) : scope)
        continue
      }
      let number = el.ordinal
      if (number === null || !Number.isSafeInteger(number) || number < 0) {
        const counters = (scope.counters ??= new Map())
        number = (counters.get(abbreviation) ?? 0) + 1
        counters.set(abbreviation, number)
      }
      const eId = unique((scope.prefix === '' ? '' : scope.prefix + '__') + abbreviation + '_' + String(number))
      if (el.attributes.length > 0) el.removeAttribute('eId')
      el.eId = eId
      walk(el, {prefix: eId, counters: null})
    }
  }

  walk(root, {prefix: '', counters: null})
  return used
}

/** Adds every `eId` attribute below `parent` to `used`. */
function collectEids(parent: XmlElement, used: Set<string>): void {
  for (const el of parent.children) {
    if (typeof el === 'string') continue
    const {attributes} = el
    for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === 'eId') used.add(attributes[i + 1]!)
    collectEids(el, used)
  }
}

export function childElements(parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  for (const child of parent.children) if (typeof child !== 'string') out.push(child)
  return out
}
