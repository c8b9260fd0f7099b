/**
 * The four sections. `preface` → the title (and any paragraph with it);
 * `preamble` → a `Div` with one bookmark; `body` → a `Sect` of articles;
 * `conclusions` → a `Div` holding closing paragraphs and the signatures.
 */
import type {Body, Conclusions, Preamble, Preface} from '../../../tree/types.js'
import {group, type FlowNode} from '../flow.js'
import {signatures} from '../signatures.js'
import {division} from './division.js'
import {paragraph} from './paragraph.js'
import {title} from './title.js'

export const labels = {preamble: '序言', signatures: '签署'} as const

export function preface(node: Preface): FlowNode[] {
  return node.children.flatMap((child) => (child.type === 'title' ? title(child) : paragraph(child)))
}

export function preamble(node: Preamble): FlowNode[] {
  const children = node.children.flatMap((child) => paragraph(child))
  return children.length === 0 ? [] : [group('Div', children, labels.preamble)]
}

export function body(node: Body): FlowNode[] {
  const children = node.children.flatMap((child) => (child.type === 'paragraph' ? paragraph(child) : division(child)))
  return children.length === 0 ? [] : [group('Sect', children)]
}

export function conclusions(node: Conclusions): FlowNode[] {
  const children = node.children.flatMap((child) =>
    child.type === 'paragraph' ? paragraph(child) : signatures(child, labels.signatures)
  )
  return children.length === 0 ? [] : [group('Div', children)]
}
