/**
 * Handlers of mdast-util-to-markdown (2.2, pinned) for the shapes this writer makes,
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
 * A paragraph. `containerPhrasing` serialises each child with the last
 * character of the child before as `before` and the first character of the
 * next child (of its `peek`, or of its whole serialisation) as `after`, and
 * joins the results; only attention (emphasis, strong) and html need more, and
 * go to the default handler. Tracked positions do not enter the output.
 * One text node is `state.safe(value, {before, after})` outright.
 */
export const paragraph: Handle = (node: Paragraph, parent, state, info: Info) => {
  const children = node.children
  for (const child of children) {
    const handle = state.handlers[child.type] as (Handle & {attention?: unknown}) | undefined
    if (child.type === 'html' || !handle || handle.attention) return defaultHandlers.paragraph(node, parent as never, state, info)
  }
  const exit = state.enter('paragraph')
  const subexit = state.enter('phrasing')
  const only = children.length === 1 ? children[0] : undefined
  let value: string
  if (only && only.type === 'text') value = inert(state, only.value, info.after) ? only.value : state.safe(only.value, {before: info.before, after: info.after})
  else value = phrasing(node, state, info)
  subexit()
  exit()
  return value
}

/** `containerPhrasing` of children without attention or html (see above). */
function phrasing(node: Paragraph, state: State, info: Info): string {
  const children = node.children
  const indexStack = state.indexStack
  let before = info.before
  let result = ''
  indexStack.push(-1)
  for (let index = 0; index < children.length; index++) {
    indexStack[indexStack.length - 1] = index
    let after = info.after
    if (index + 1 < children.length) {
      const next = children[index + 1]!
      let handle = state.handlers[next.type] as (Handle & {peek?: Handle}) | undefined
      if (handle && handle.peek) handle = handle.peek
      after = handle ? firstCharacter(handle(next, node, state, {before: '', after: '', now: {line: 1, column: 1}, lineShift: 0})) : ''
    }
    const value = state.handle(children[index]!, node, state, {now: {line: 1, column: 1}, lineShift: 0, after, before})
    if (!value) continue
    result += value
    before = lastCharacter(value)
  }
  indexStack.pop()
  return result
}

/** As mdast-util-to-markdown's `firstCharacter` and `lastCharacter`: a whole code point. */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2)
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1)
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
