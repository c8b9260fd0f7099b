/**
 * What mdast-util-to-markdown's `safe` can escape where the serialiser stands.
 * `safe` runs every unsafe pattern (`state.unsafe`, about ninety) over every
 * string it is given, which was most of the Markdown writer's time, though
 * nearly all Chinese prose needs no escape at all.
 *
 * Why the shortcuts here give exactly what `safe` gives: `safe` escapes only
 * at positions where a pattern in scope (by the construct stack) matches, and
 * a pattern's match position is always an occurrence of its `character` (the
 * patterns compile to `(before)character(after)`, `^character` or
 * `character$`); positions in the context around the string (`before`,
 * `after`) are never escaped themselves. Hence:
 * - a pattern whose character occurs neither in the string nor in its context
 *   cannot match, and matches only add positions: `safe` gives the same
 *   without it (`narrowSafe`);
 * - when the string holds no character of a pattern in scope, `safe` returns
 *   `escapeBackslashes(string, after)`, which is the string itself when
 *   neither it nor `after` holds a backslash (in autolinks `safe`
 *   percent-encodes instead and returns the string itself) (`inert`).
 */
import type {SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'

interface Scope {
  /** The construct stack this scope is for. */
  stack: string[]
  /** Whether a string holds a character that some pattern in scope may escape (or a backslash). */
  escapable: RegExp
  /** The same characters, each once. */
  characters: string[]
  /** The patterns in scope, in their order. */
  patterns: Unsafe[]
  /** Those of them whose character is among the given ones (the characters present, in `characters` order). */
  narrowed: Map<string, Unsafe[]>
}

/**
 * Scopes by construct stack, for one list of unsafe patterns. Each serialisation
 * (a `State`) copies the same pattern objects into a new list, so the scopes are
 * shared while the patterns are the same ones.
 */
let shared: {unsafe: readonly Unsafe[]; byStack: Map<string, Scope>} | null = null
const scopes = new WeakMap<State, Map<string, Scope>>()
/** The scope asked for last (a paragraph's text is usually asked for in the stack of the one before). */
let last: {state: State; scope: Scope} | null = null

function samePatterns(a: readonly Unsafe[], b: readonly Unsafe[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function sameStack(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** `patternInScope` of mdast-util-to-markdown: some `inConstruct` on the stack (or none given) and no `notInConstruct`. */
function inScope(stack: readonly string[], pattern: Unsafe): boolean {
  const list = (value: Unsafe['inConstruct']): readonly string[] => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value)
  const inside = list(pattern.inConstruct)
  const outside = list(pattern.notInConstruct)
  return (inside.length === 0 || inside.some((name) => stack.includes(name))) && !outside.some((name) => stack.includes(name))
}

function scopeOf(state: State): Scope {
  if (last && last.state === state && sameStack(last.scope.stack, state.stack)) return last.scope
  let byStack = scopes.get(state)
  if (!byStack) {
    if (!shared || !samePatterns(shared.unsafe, state.unsafe)) shared = {unsafe: [...state.unsafe], byStack: new Map()}
    byStack = shared.byStack
    scopes.set(state, byStack)
  }
  const key = state.stack.join(' ')
  let scope = byStack.get(key)
  if (!scope) {
    const patterns = state.unsafe.filter((pattern) => inScope(state.stack, pattern))
    // The backslash always: `safe` doubles one before ASCII punctuation whatever the patterns.
    const characters = new Set(['\\', ...patterns.map((pattern) => pattern.character.charAt(0))])
    // A pattern without a character could match anywhere: then every string is escapable.
    const set = characters.has('') ? '[^]' : '[' + [...characters].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + ']'
    scope = {stack: [...state.stack], escapable: new RegExp(set), characters: [...characters], patterns, narrowed: new Map()}
    byStack.set(key, scope)
  }
  last = {state, scope}
  return scope
}

/** Whether `safe(value, {after})` is `value` itself in the current scope; false when unsure. */
export function inert(state: State, value: string, after: string | undefined): boolean {
  return !scopeOf(state).escapable.test(value) && !(after !== undefined && after.includes('\\'))
}

/**
 * `state.safe` given only the patterns in scope whose character occurs in the
 * string or its context: `state.unsafe` is that list while `safe` runs (it
 * calls no handler, so nothing else sees it).
 */
export function narrowSafe(state: State): void {
  const safe = state.safe
  state.safe = (value: string | null | undefined, config: SafeConfig): string => {
    const scope = scopeOf(state)
    const whole = (config.before ?? '') + (value ?? '') + (config.after ?? '')
    let key = ''
    for (const character of scope.characters) if (whole.includes(character)) key += character
    let patterns = scope.narrowed.get(key)
    if (!patterns) {
      patterns = scope.patterns.filter((pattern) => pattern.character === '' || key.includes(pattern.character.charAt(0)))
      if (scope.narrowed.size < 1024) scope.narrowed.set(key, patterns)
    }
    const unsafe = state.unsafe
    state.unsafe = patterns
    try {
      return safe.call(state, value, config)
    } finally {
      state.unsafe = unsafe
    }
  }
}
