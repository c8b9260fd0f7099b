/**
 * A map with a cap on its entries, for the caches the PDF writer keeps for the
 * whole process (shaping, glyph data, fonts of characters): once full, each new
 * entry pushes out the oldest one, so memory stays bounded however long the
 * batch. Entries are pure functions of their keys, so what a cache holds never
 * changes a result, only how fast it comes.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>()

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#entries.size
  }

  get(key: K): V | undefined {
    return this.#entries.get(key)
  }

  set(key: K, value: V): V {
    if (this.#entries.size >= this.capacity && !this.#entries.has(key)) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
    this.#entries.set(key, value)
    return value
  }

  clear(): void {
    this.#entries.clear()
  }
}
