/**
 * The nothing-lost invariant: each character of the decoded input is covered
 * exactly once by a content leaf, a recorded removal, or a metadata span — or
 * it is layout (whitespace covered by none of them).
 */
import {visit} from 'unist-util-visit'
import type {Root} from '../../pipeline/tree/types.js'

export interface CoverageProblem {
  offset: number
  char: string
  count: number
}

export function coverage(text: string, tree: Root, removed: ReadonlyArray<{start: number; end: number}>, stamps: ReadonlyArray<{start: number; end: number}>): CoverageProblem[] {
  const counts = new Uint8Array(text.length)
  const add = (start: number, end: number): void => {
    for (let i = start; i < end; i++) counts[i] = Math.min(255, counts[i]! + 1)
  }
  visit(tree, (node) => {
    if (node.type !== 'text' && node.type !== 'num') return
    // A number with a removal inside counts the characters it came from, not the removal (see `Num.data`).
    const pieces = (node.data as {pieces?: Array<[number, number]>} | undefined)?.pieces
    if (pieces) for (const [start, end] of pieces) add(start, end)
    else add(node.position!.start.offset!, node.position!.end.offset!)
  })
  for (const span of removed) add(span.start, span.end)
  for (const span of stamps) add(span.start, span.end)
  const problems: CoverageProblem[] = []
  for (let i = 0; i < text.length && problems.length < 20; i++) {
    const count = counts[i]!
    if (count > 1 || (count === 0 && !/[\s\u3000\u00a0\u200b\ufeff]/u.test(text[i]!))) problems.push({offset: i, char: text[i]!, count})
  }
  return problems
}
