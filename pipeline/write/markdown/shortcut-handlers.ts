/**
 * Handlers of mdast-util-to-markdown (2.x) for the shapes this writer makes,
 * each giving exactly what the default handler gives, only sooner; anything
 * else goes to the default handler. The escaping shortcuts are proved in
 * `unsafe-scope.ts`; `test/markdown-shortcuts.test.ts` compares these
 * handlers with the defaults on generated trees.
 */
import type {Handle, Info, Join, State} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'
import type {Paragraph, Root, RootContent, Text} from 'mdast'
import {inert, narrowSafe} from './unsafe-scope.js'

export const text: Handle = (node: Text, parent, state, info: Info) => {
  if (inert(state, node.value, info.after)) return node.value
  return defaultHandlers.text(node, parent as never, state, info)
}

/**
 * A paragraph of one text node. The default handler (`containerPhrasing`) gives
 * the text handler's result for it, in the stack `paragraph`, `phrasing`, with
 * the paragraph's `before` and `after` and no sibling nodes: exactly
 * `state.safe(value, {before, after})` (tracked positions do not enter `safe`;
 * an empty result stays empty).
 */
export const paragraph: Handle = (node: Paragraph, parent, state, info: Info) => {
  const only = node.children.length === 1 ? node.children[0] : undefined
  if (!only || only.type !== 'text') return defaultHandlers.paragraph(node, parent as never, state, info)
  const exit = state.enter('paragraph')
  const subexit = state.enter('phrasing')
  const value = inert(state, only.value, info.after) ? only.value : state.safe(only.value, {before: info.before, after: info.after})
  subexit()
  exit()
  return value
}

/** Flow content as this writer makes it: no phrasing directly in the root. */
const FLOW = new Set<string>(['yaml', 'heading', 'paragraph', 'list', 'thematicBreak', 'code', 'blockquote'])

/**
 * The root, with `state.safe` narrowed (`unsafe-scope.ts`). Its flow children
 * are joined as `containerFlow` joins them (the `join` rules, a blank line by
 * default), without tracking positions: in mdast-util-to-markdown positions
 * (`now`, `lineShift`) are only ever passed on, never read into the output.
 */
export const root: Handle = (node: Root, parent, state, info: Info) => {
  narrowSafe(state)
  if (!node.children.every((child) => FLOW.has(child.type))) return defaultHandlers.root(node, parent as never, state, info)
  const indexStack = state.indexStack
  const children = node.children
  let result = ''
  indexStack.push(-1)
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    indexStack[indexStack.length - 1] = index
    result += state.handle(child, node, state, {before: '\n', after: '\n', now: {line: 1, column: 1}, lineShift: 0})
    if (child.type !== 'list') state.bulletLastUsed = undefined
    if (index < children.length - 1) result += between(child, children[index + 1]!, node, state)
  }
  indexStack.pop()
  return result
}

/** What `containerFlow` puts between two flow nodes: the last join rule with an answer decides. */
function between(left: RootContent, right: RootContent, parent: Root, state: State): string {
  let index = state.join.length
  while (index--) {
    const result = (state.join[index] as Join)(left as never, right as never, parent, state)
    if (result === true || result === 1) break
    if (typeof result === 'number') return '\n'.repeat(1 + result)
    if (result === false) return '\n\n<!---->\n\n'
  }
  return '\n\n'
}
