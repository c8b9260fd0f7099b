/**
 * The UTF-16 units a text holds, one bit each: a word with a unit the text
 * lacks is not in it, found without searching the text. Rules that need
 * certain words (`rules/debris.ts` `needs`) ask this first, and search
 * (`includes`) only for words whose every unit is present.
 */
export class UnitSet {
  readonly #bits: Uint32Array

  /** The units of `text`; from `bits` when given (a superset, see `derive`). */
  constructor(
    readonly text: string,
    bits?: Uint32Array
  ) {
    if (bits) {
      this.#bits = bits
      return
    }
    this.#bits = new Uint32Array(0x800)
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      this.#bits[unit >> 5]! |= 1 << (unit & 31)
    }
  }

  /**
   * For a text made from this one by removing characters and inserting
   * `inserted`: its units are among these and those, so the bits are reused
   * (a unit the text lost still answers present; `includes` then searches).
   */
  derive(text: string, inserted = ''): UnitSet {
    const bits = this.#bits.slice()
    for (let i = 0; i < inserted.length; i++) {
      const unit = inserted.charCodeAt(i)
      bits[unit >> 5]! |= 1 << (unit & 31)
    }
    return new UnitSet(text, bits)
  }

  has(unit: number): boolean {
    return (this.#bits[unit >> 5]! & (1 << (unit & 31))) !== 0
  }

  /** Does the text hold `word`? */
  includes(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (!this.has(word.charCodeAt(i))) return false
    return this.text.includes(word)
  }
}
