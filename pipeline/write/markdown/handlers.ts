/**
 * Tree → mdast, one handler per node type (as in mdast-util-to-markdown, the
 * other way round). Article numbers stay plain text at the start of their
 * paragraph, exactly as printed: no emphasis around them, which CommonMark
 * would not render next to CJK punctuation (`**一、**双方` stays literal).
 */
import type {BlockContent, Heading, Link, ListItem, PhrasingContent, RootContent} from 'mdast'
import type {AnyNode, Division, Document, Inline} from '../../tree/types.js'
import {toText} from '../../tree/text.js'
import {numberSeparator} from '../number-separator.js'

export interface State {
  /** Markdown file name of the document with this Work URI, for links between documents. */
  hrefOf(workUri: string): string | null
}

type Handler = (node: never, state: State) => RootContent[]

/** A printed signature mark (`（签字）`, `(签字)`), possibly with layout around it. */
const MARK = /^[\s\u3000]*[（(][签簽]字[）)][\s\u3000]*$/u

/**
 * Phrasing of inline nodes: a link for a citation of a document in the batch,
 * text for everything else, adjacent text as one node. `lead` (a number) opens
 * the first text.
 */
function inline(nodes: readonly Inline[], state: State, lead: string | null = null): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let text = lead
  for (const node of nodes) {
    if (node.type === 'citation' && node.target) {
      const url = state.hrefOf(node.target)
      if (url) {
        if (text !== null) out.push({type: 'text', value: text})
        text = null
        out.push({type: 'link', url, title: node.target, children: [{type: 'text', value: toText(node)}]} satisfies Link)
        continue
      }
    }
    text = text === null ? toText(node) : text + toText(node)
  }
  if (text !== null) out.push({type: 'text', value: text})
  return out
}

export const handlers: Record<string, Handler> = {
  title: (node: Extract<AnyNode, {type: 'title'}>, state) => [{type: 'heading', depth: 1, children: inline(node.children, state)} satisfies Heading],
  paragraph: (node: Extract<AnyNode, {type: 'paragraph'}>, state) => [{type: 'paragraph', children: inline(node.children, state)}],
  preface: (node: Extract<AnyNode, {type: 'preface'}>, state) => all(node.children, state),
  preamble: (node: Extract<AnyNode, {type: 'preamble'}>, state) => all(node.children, state),
  body: (node: Extract<AnyNode, {type: 'body'}>, state) => all(node.children, state),
  conclusions: (node: Extract<AnyNode, {type: 'conclusions'}>, state) => all(node.children, state),
  chapter: (node: Division, state) => {
    const [num, ...rest] = node.children
    const first = rest[0]?.type === 'paragraph' ? rest.shift() : undefined
    const heading: Heading = {type: 'heading', depth: 2, children: [{type: 'text', value: num.value + numberSeparator(node)}]}
    if (first && first.type === 'paragraph') heading.children.push(...inline(first.children, state))
    return [heading, ...all(rest, state)]
  },
  article: (node: Division, state) => numbered(node, state),
  point: (node: Division, state) => numbered(node, state),
  signatures: (node: Extract<AnyNode, {type: 'signatures'}>, state) => {
    const items: ListItem[] = []
    const out: RootContent[] = []
    for (const child of node.children) {
      if (child.type === 'signature') {
        // Role and name apart, as in the columns; the printed mark follows the name directly, as printed (`江泽民（签字）`).
        let value = ''
        for (const part of child.children) {
          const text = toText(part)
          if (text === '') continue
          value += value === '' || (part.type === 'text' && MARK.test(text)) ? text : ' ' + text
        }
        items.push({type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'text', value}]}]})
      }
    }
    if (items.length > 0) out.push({type: 'list', ordered: false, spread: false, children: items})
    for (const child of node.children) {
      if (child.type === 'signing') out.push({type: 'paragraph', children: inline(child.children, state)})
    }
    return out
  }
}

/**
 * A numbered division: its number opens its first paragraph, as printed. Every
 * paragraph made here has its adjacent text as one node (`inline`).
 */
function numbered(node: Division, state: State): RootContent[] {
  const children = node.children
  const num = children[0]
  const first = children[1]
  const out: RootContent[] = []
  let next = 1
  if (first && first.type === 'paragraph') {
    out.push({type: 'paragraph', children: inline(first.children, state, num.value + numberSeparator(node))})
    next = 2
  } else {
    out.push({type: 'paragraph', children: [{type: 'text', value: num.value}]})
  }
  for (let index = next; index < children.length; index++) append(out, one(children[index]!, state))
  return out
}

export function all(nodes: readonly AnyNode[], state: State): RootContent[] {
  const out: RootContent[] = []
  for (const node of nodes) append(out, one(node, state))
  return out
}

/** `out.push(...more)` without spreading (a long list would overflow the call). */
function append(out: RootContent[], more: readonly RootContent[]): void {
  for (const node of more) out.push(node)
}

export function one(node: AnyNode, state: State): RootContent[] {
  const handler = handlers[node.type]
  if (!handler) throw new Error(`No Markdown handler for node type \`${node.type}\``)
  return (handler as (node: AnyNode, state: State) => RootContent[])(node, state)
}

export type {BlockContent, Document}
