/**
 * The four sections. `preface` → the title (and any paragraph with it);
 * `preamble` → a `Div` with one bookmark; `body` → a `Sect` of articles;
 * `conclusions` → a `Div` holding closing paragraphs and the signatures.
 */
import type {Body, Conclusions, Preamble, Preface} from '../../../tree/types.js'
import {group, type FlowNode} from '../flow.js'
import {outlineTitle} from '../signatures.js'
import {all} from './index.js'

/** Bookmark titles of the preamble and the signatures. */
export const labels = {preamble: '序言', signatures: outlineTitle} as const

export function preface(node: Preface): FlowNode[] {
  return all(node.children)
}

export function preamble(node: Preamble): FlowNode[] {
  const children = all(node.children)
  return children.length === 0 ? [] : [group('Div', children, labels.preamble)]
}

export function body(node: Body): FlowNode[] {
  const children = all(node.children)
  return children.length === 0 ? [] : [group('Sect', children)]
}

export function conclusions(node: Conclusions): FlowNode[] {
  const children = all(node.children)
  return children.length === 0 ? [] : [group('Div', children)]
}
