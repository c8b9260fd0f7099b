/**
 * The lookup shared by every name table (countries, places, organisations,
 * roles): all names longest first, indexed by their first and last character,
 * built once when a table module loads. Matching is greedy: 几内亚比绍 before
 * 几内亚, 外交部副部长 before 部长. Names starting at an offset are found by a
 * trie walk, so a lookup costs the length of the longest match, not the number
 * of names sharing a first character.
 */

export interface Named {
  names: string[]
}

export interface NameMatch<R> {
  name: string
  rule: R
}

export class Gazetteer<R extends Named> {
  /** Every (name, rule) pair, longest name first, ties in code-unit order. */
  readonly longestFirst: readonly NameMatch<R>[]
  readonly #trie: TrieNode<R> = {next: null, entry: null}
  readonly #byLast = new Map<string, NameMatch<R>[]>()
  /**
   * The trie's first level by UTF-16 unit: 1 + the index in `#firsts` of the node for a unit
   * that starts a name, 0 for the others (most characters, rejected here without a map lookup).
   */
  readonly #firstSlot = new Uint16Array(0x10000)
  readonly #firsts: TrieNode<R>[] = []

  constructor(rules: readonly R[]) {
    this.longestFirst = Object.freeze(
      rules
        .flatMap((rule) => rule.names.map((name) => Object.freeze({name, rule})))
        .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    )
    for (const entry of this.longestFirst) {
      insert(this.#trie, entry)
      push(this.#byLast, entry.name.charAt(entry.name.length - 1), entry)
    }
    for (const [unit, node] of this.#trie.next ?? []) {
      this.#firsts.push(node)
      this.#firstSlot[unit] = this.#firsts.length
    }
  }

  /** The longest name that starts `text` at `index`, or null. */
  matchAt(text: string, index: number): NameMatch<R> | null {
    const slot = this.#firstSlot[text.charCodeAt(index)]
    if (!slot) return null
    let node: TrieNode<R> | undefined = this.#firsts[slot - 1]!
    let longest: NameMatch<R> | null = node.entry
    for (let i = index + 1; i < text.length; i++) {
      node = node.next?.get(text.charCodeAt(i))
      if (!node) break
      if (node.entry) longest = node.entry
    }
    return longest
  }

  /** The longest name that ends `text` at `end`, or null. */
  matchEndingAt(text: string, end: number): NameMatch<R> | null {
    if (end <= 0 || end > text.length) return null
    for (const candidate of this.#byLast.get(text.charAt(end - 1)) ?? []) {
      if (candidate.name.length <= end && text.endsWith(candidate.name, end)) return candidate
    }
    return null
  }
}

/** A map from `id` to entry, for tables whose entries carry one. */
export function indexById<R extends {id: string}>(rules: readonly R[]): ReadonlyMap<string, R> {
  return new Map(rules.map((rule) => [rule.id, rule]))
}

/** A node of the name trie, by UTF-16 unit; `entry` is the first (name, rule) pair ending here. */
interface TrieNode<R> {
  next: Map<number, TrieNode<R>> | null
  entry: NameMatch<R> | null
}

function insert<R>(root: TrieNode<R>, entry: NameMatch<R>): void {
  let node = root
  for (let i = 0; i < entry.name.length; i++) {
    const code = entry.name.charCodeAt(i)
    node.next ??= new Map()
    let child = node.next.get(code)
    if (!child) node.next.set(code, (child = {next: null, entry: null}))
    node = child
  }
  // Longest first, then code-unit order: the first pair for a name is the one a lookup returns.
  node.entry ??= entry
}

function push<R>(map: Map<string, NameMatch<R>[]>, key: string, entry: NameMatch<R>): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}
