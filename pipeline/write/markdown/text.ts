/**
 * Shortcuts through mdast-util-to-markdown's escaping, for text that needs
 * none, which is nearly all Chinese prose. Its `safe` runs every unsafe
 * pattern (`state.unsafe`, about ninety) over every string it is given; that
 * was most of the writer's time. Every shortcut gives exactly what the default
 * handlers give; anything they cannot prove goes to the defaults.
 *
 * Why: `safe` escapes only at positions where a pattern in scope (by the
 * construct stack) matches, and a pattern's match position is always an
 * occurrence of its `character` (the patterns compile to
 * `(before)character(after)`, `^character` or `character$`). Positions in the
 * context around the string (`before`, `after`) are never escaped themselves.
 * So when the string holds no `character` of a pattern in scope, `safe`
 * returns `escapeBackslashes(string, after)`, which is the string itself when
 * neither it nor `after` holds a backslash (in autolinks `safe` percent-encodes
 * instead and returns the string itself).
 */
import type {Handle, Info, SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'
import type {Paragraph, Text} from 'mdast'

interface Scope {
  /** Whether a string holds a character that some pattern in scope may escape (or a backslash). */
  escapable: RegExp
  /** The same characters, to collect. */
  each: RegExp
  /** The patterns in scope, in their order. */
  patterns: Unsafe[]
}

/**
 * Scopes by construct stack, for one list of unsafe patterns. Each serialisation
 * (a `State`) copies the same pattern objects into a new list, so the scopes are
 * shared while the patterns are the same ones.
 */
let shared: {unsafe: readonly Unsafe[]; byStack: Map<string, Scope>} | null = null
const scopes = new WeakMap<State, Map<string, Scope>>()

function samePatterns(a: readonly Unsafe[], b: readonly Unsafe[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function scopesOf(state: State): Map<string, Scope> {
  let byStack = scopes.get(state)
  if (!byStack) {
    if (!shared || !samePatterns(shared.unsafe, state.unsafe)) shared = {unsafe: [...state.unsafe], byStack: new Map()}
    byStack = shared.byStack
    scopes.set(state, byStack)
  }
  return byStack
}

/** `patternInScope` of mdast-util-to-markdown: some `inConstruct` on the stack (or none given) and no `notInConstruct`. */
function inScope(stack: readonly string[], pattern: Unsafe): boolean {
  const list = (value: Unsafe['inConstruct']): readonly string[] => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value)
  const inside = list(pattern.inConstruct)
  const outside = list(pattern.notInConstruct)
  return (inside.length === 0 || inside.some((name) => stack.includes(name))) && !outside.some((name) => stack.includes(name))
}

function scopeOf(state: State): Scope {
  const byStack = scopesOf(state)
  const key = state.stack.join(' ')
  let scope = byStack.get(key)
  if (!scope) {
    const patterns = state.unsafe.filter((pattern) => inScope(state.stack, pattern))
    // The backslash always: `safe` doubles one before ASCII punctuation whatever the patterns.
    const characters = new Set(['\\', ...patterns.map((pattern) => pattern.character.charAt(0))])
    // A pattern without a character could match anywhere: then every string is escapable.
    const set = characters.has('') ? '[^]' : '[' + [...characters].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + ']'
    scope = {escapable: new RegExp(set), each: new RegExp(set, 'g'), patterns}
    byStack.set(key, scope)
  }
  return scope
}

/** Whether `safe(value, {after})` is `value` itself in the current scope (see above); false when unsure. */
function inert(state: State, value: string, after: string | undefined): boolean {
  return !scopeOf(state).escapable.test(value) && !(after !== undefined && after.includes('\\'))
}

export const text: Handle = (node: Text, parent, state, info) => {
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

/**
 * The root, with `state.safe` narrowed for every handler: `safe` given only the
 * patterns in scope whose character occurs in the string or its context. The
 * others cannot match, and matches only add positions, so the result is the same.
 */
export const root: Handle = (node, parent, state, info) => {
  const safe = state.safe
  state.safe = (value: string | null | undefined, config: SafeConfig): string => {
    const whole = (config.before ?? '') + (value ?? '') + (config.after ?? '')
    const scope = scopeOf(state)
    const present = new Set(whole.match(scope.each))
    const narrowed: State = Object.create(state)
    narrowed.unsafe = scope.patterns.filter((pattern) => pattern.character === '' || present.has(pattern.character.charAt(0)))
    return safe.call(narrowed, value, config)
  }
  return defaultHandlers.root(node, parent as never, state, info)
}
