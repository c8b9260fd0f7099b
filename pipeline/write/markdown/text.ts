/**
 * The `text` handler of mdast-util-to-markdown with a shortcut for text that
 * needs no escaping, which is nearly all Chinese prose. The default handler
 * runs `state.safe`, which runs every unsafe pattern (`state.unsafe`, about
 * ninety) over every text; that is most of the writer's time.
 *
 * Why the shortcut gives exactly what `safe` gives: `safe` escapes only at
 * positions where an unsafe pattern in scope matches, and every pattern's
 * match position is an occurrence of its `character` (the patterns are
 * `(before)character(after)`, `^character` or `character$`). Positions in the
 * context around the text (`before`, `after`) are skipped. So when the text
 * holds no `character` of a pattern in scope, `safe` returns
 * `escapeBackslashes(text, after)`, which changes nothing when neither the
 * text nor `after` holds a backslash (in autolinks, where `safe`
 * percent-encodes instead, it returns the text itself). Anything else goes to
 * the default handler.
 */
import type {Handle, State, Unsafe} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'

/** Per serialisation (a `State`), per construct stack: a test for characters some pattern in scope may escape. */
const escapable = new WeakMap<State, Map<string, RegExp>>()

/** `patternInScope` of mdast-util-to-markdown: some `inConstruct` on the stack (or none given) and no `notInConstruct`. */
function inScope(stack: readonly string[], pattern: Unsafe): boolean {
  const list = (value: Unsafe['inConstruct']): readonly string[] => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value)
  const inside = list(pattern.inConstruct)
  const outside = list(pattern.notInConstruct)
  return (inside.length === 0 || inside.some((name) => stack.includes(name))) && !outside.some((name) => stack.includes(name))
}

function escapableIn(state: State): RegExp {
  let byStack = escapable.get(state)
  if (!byStack) escapable.set(state, (byStack = new Map()))
  const key = state.stack.join(' ')
  let test = byStack.get(key)
  if (!test) {
    // The backslash always: `safe` doubles one before ASCII punctuation whatever the patterns.
    const characters = new Set(['\\'])
    for (const pattern of state.unsafe) if (inScope(state.stack, pattern)) characters.add(pattern.character.charAt(0))
    const escaped = [...characters].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    test = new RegExp('[' + escaped.join('') + ']')
    byStack.set(key, test)
  }
  return test
}

export const text: Handle = (node: {value: string}, parent, state, info) => {
  const value = node.value
  if (!escapableIn(state).test(value) && !info.after.includes('\\')) return value
  return defaultHandlers.text(node as never, parent as never, state, info)
}
