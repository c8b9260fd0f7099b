/**
 * Nesting the writers can take. A tree may nest points without end (a line of
 * `（一）(1)` repeated thousands of times), but Akoma Ntoso read by libxml2
 * stops at 256 levels of elements, JSON readers and the writers' own recursion
 * have limits too. So every writer first takes `boundDepth(doc)`: divisions
 * nested deeper than `MAX_DIVISION_DEPTH` are set as siblings inside the
 * deepest allowed one, in document order, each keeping its number and the
 * paragraphs before its first sub-division; nothing is dropped or reordered.
 * One warning (`nesting-flattened`) says where. The walk is iterative where
 * the tree is unbounded and recursive only above the limit; the result is
 * computed once per document and shared by the writers.
 */
import type {Division, Document, Paragraph} from '../tree/types.js'
import type {WriteContext} from './types.js'

/**
 * Divisions nested at most this deep: an AKN division takes at most two elements per level
 * (`point` or `paragraph` + `point`), under 3 levels of document and over 4 of content, which
 * stays below libxml2's 256.
 */
export const MAX_DIVISION_DEPTH = 100

type Child = Paragraph | Division
const isDivision = (node: {type: string}): node is Division => node.type === 'article' || node.type === 'point' || node.type === 'chapter'

/** The deepest division nesting of `doc` (0 when it has none), computed without recursion. */
export function divisionDepth(doc: Document): number {
  let deepest = 0
  const stack: Array<{node: {type: string; children?: unknown[]}; depth: number}> = [{node: doc, depth: 0}]
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    const own = isDivision(node) ? depth + 1 : depth
    if (own > deepest) deepest = own
    if (node.type === 'paragraph' || node.type === 'signatures') continue
    for (const child of (node.children ?? []) as Array<{type: string; children?: unknown[]}>) stack.push({node: child, depth: own})
  }
  return deepest
}

/** The children of a division at the limit: its whole subtree in document order, one level deep. */
function flattenChildren(division: Division): Division['children'] {
  const [num, ...rest] = division.children
  const out: Division['children'] = [num]
  const stack: Child[] = [...rest].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isDivision(node)) {
      out.push(node)
      continue
    }
    const [ownNum, ...children] = node.children
    const lead = children.findIndex(isDivision)
    const own = lead === -1 ? children : children.slice(0, lead)
    out.push({...node, children: [ownNum, ...own]})
    if (lead !== -1) for (let i = children.length - 1; i >= lead; i--) stack.push(children[i] as Child)
  }
  return out
}

export interface Bounded {
  doc: Document
  /** The divisions at the limit whose sub-divisions were set as siblings. */
  flattened: Division[]
  /** Contexts already told (each batch hears the warning once, whichever writer runs first). */
  warned: WeakSet<object>
}

function bound(doc: Document, max: number): Bounded {
  if (divisionDepth(doc) <= max) return {doc, flattened: [], warned: new WeakSet()}
  const flattened: Division[] = []
  // Recursion only down to `max` divisions: bounded.
  const copy = (node: Child, depth: number): Child => {
    if (!isDivision(node)) return node
    if (depth === max) {
      flattened.push(node)
      return {...node, children: flattenChildren(node)}
    }
    const [num, ...rest] = node.children
    return {...node, children: [num, ...rest.map((child) => copy(child as Child, depth + 1))]}
  }
  const children = doc.children.map((section) => {
    if (section.type !== 'body') return section
    return {...section, children: section.children.map((child) => copy(child, 1))}
  })
  return {doc: {...doc, children}, flattened, warned: new WeakSet()}
}

const cache = new WeakMap<Document, Bounded>()

/** `doc` with its nesting bounded; warns once per document through the context. */
export function boundDepth(doc: Document, context: WriteContext | null, max = MAX_DIVISION_DEPTH): Document {
  let result = max === MAX_DIVISION_DEPTH ? cache.get(doc) : undefined
  if (!result) {
    result = bound(doc, max)
    if (max === MAX_DIVISION_DEPTH) cache.set(doc, result)
  }
  if (context && !result.warned.has(context)) {
    result.warned.add(context)
    for (const division of result.flattened) {
      context?.warn?.(doc, `Divisions nested deeper than ${max} levels are set as siblings at level ${max} (their text and order are kept)`, {
        ruleId: 'nesting-flattened',
        place: division.position
      })
    }
  }
  return result.doc
}
