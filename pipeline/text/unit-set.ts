/**
 * The UTF-16 units a text holds, one bit each: a word with a unit the text
 * lacks is not in it, found without searching the text. Rules that need
 * certain words (`rules/debris.ts` `needs`) ask this first, and search
 * (`includes`) only for words whose every unit is present.
 */
export class UnitSet {
  readonly #bits = new Uint32Array(0x800)

  constructor(readonly text: string) {
    const bits = this.#bits
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      bits[unit >> 5]! |= 1 << (unit & 31)
    }
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
