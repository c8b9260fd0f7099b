/**
 * The lookup shared by every name table (countries, places, organisations,
 * roles): all names longest first, indexed by their first and last character,
 * built once when a table module loads. Matching is greedy: 几内亚比绍 before
 * 几内亚, 外交部副部长 before 部长.
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
  readonly #byFirst = new Map<string, NameMatch<R>[]>()
  readonly #byLast = new Map<string, NameMatch<R>[]>()
  // One bit per UTF-16 unit that starts a name: most characters start none, and are rejected here.
  readonly #starts = new Uint8Array(0x10000)

  constructor(rules: readonly R[]) {
    this.longestFirst = Object.freeze(
      rules
        .flatMap((rule) => rule.names.map((name) => Object.freeze({name, rule})))
        .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    )
    for (const entry of this.longestFirst) {
      push(this.#byFirst, entry.name.charAt(0), entry)
      this.#starts[entry.name.charCodeAt(0)] = 1
      push(this.#byLast, entry.name.charAt(entry.name.length - 1), entry)
    }
  }

  /** The longest name that starts `text` at `index`, or null. */
  matchAt(text: string, index: number): NameMatch<R> | null {
    if (this.#starts[text.charCodeAt(index)] !== 1) return null
    for (const candidate of this.#byFirst.get(text.charAt(index)) ?? []) {
      if (text.startsWith(candidate.name, index)) return candidate
    }
    return null
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

function push<R>(map: Map<string, NameMatch<R>[]>, key: string, entry: NameMatch<R>): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}
