/**
 * A map with a cap, for the caches the PDF writer keeps for the whole process
 * (shaping, glyph data, fonts and widths of characters): each entry weighs
 * something (by default 1; a shaped string its glyphs, a glyph its bytes), and
 * once the total would pass the cap the oldest entries go, so memory stays
 * bounded however long the batch. An entry heavier than the cap is not kept.
 * Entries are pure functions of their keys, so what a cache holds never
 * changes a result, only how fast it comes.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, {value: V; weight: number}>()
  #weight = 0

  constructor(
    readonly capacity: number,
    readonly weigh: (key: K, value: V) => number = () => 1
  ) {}

  /** Entries held. */
  get size(): number {
    return this.#entries.size
  }

  /** Sum of the weights of the entries held (at most `capacity`). */
  get weight(): number {
    return this.#weight
  }

  get(key: K): V | undefined {
    return this.#entries.get(key)?.value
  }

  /** Keeps `value` under `key` (room made by dropping the oldest entries) and returns it. */
  set(key: K, value: V): V {
    const weight = this.weigh(key, value)
    const present = this.#entries.get(key)
    if (present) {
      this.#entries.delete(key)
      this.#weight -= present.weight
    }
    if (weight > this.capacity) return value
    for (const [oldest, entry] of this.#entries) {
      if (this.#weight + weight <= this.capacity) break
      this.#entries.delete(oldest)
      this.#weight -= entry.weight
    }
    this.#entries.set(key, {value, weight})
    this.#weight += weight
    return value
  }

  clear(): void {
    this.#entries.clear()
    this.#weight = 0
  }
}
