/**
 * Text that remembers where every character came from.
 *
 * The cleaning stages delete debris, rewrite HTML entities and widen ASCII
 * punctuation. Each produces a new `MappedText` whose characters map back to
 * offsets of the *original* decoded input, so the tree built from the cleaned
 * text can still point at the bytes. The map is a list of runs, not an array per
 * character, so memory grows with the number of edits, not with the input.
 */

/** A contiguous range of source offsets, end exclusive. */
export type Range = [start: number, end: number]

interface Run {
  /** Index in `text` where the run starts. */
  at: number
  /** Source range the run came from. */
  source: number
  sourceEnd: number
  /** Linear runs map char i to `source + (i - at)`; others map every char to the whole range. */
  linear: boolean
}

export class MappedText {
  readonly text: string
  readonly #runs: Run[]

  private constructor(text: string, runs: Run[]) {
    this.text = text
    this.#runs = runs
  }

  /** The decoded input itself: every character maps to itself. */
  static identity(text: string): MappedText {
    return new MappedText(text, text.length === 0 ? [] : [{at: 0, source: 0, sourceEnd: text.length, linear: true}])
  }

  get length(): number {
    return this.text.length
  }

  /** Source offset where the character at `index` starts (`index === length` gives the end of the last one). */
  sourceStart(index: number): number {
    if (index >= this.text.length) return this.sourceEnd(this.text.length - 1)
    const run = this.#runAt(index)
    return run.linear ? run.source + (index - run.at) : run.source
  }

  /** Source offset just past the character at `index`. */
  sourceEnd(index: number): number {
    if (index < 0) return this.#runs.length > 0 ? this.#runs[0]!.source : 0
    const run = this.#runAt(index)
    return run.linear ? run.source + (index - run.at) + 1 : run.sourceEnd
  }

  /**
   * The source ranges that the characters `[start, end)` came from, merged where
   * they touch. More than one range means a removal lies between them.
   */
  sourceRanges(start: number, end: number): Range[] {
    const ranges: Range[] = []
    if (start >= end) return ranges
    let i = this.#runIndexAt(start)
    while (i < this.#runs.length) {
      const run = this.#runs[i]!
      const runEnd = this.#runEnd(i)
      if (run.at >= end) break
      const from = Math.max(start, run.at)
      const to = Math.min(end, runEnd)
      let range: Range
      if (run.linear) range = [run.source + (from - run.at), run.source + (to - run.at)]
      else range = [run.source, run.sourceEnd]
      const last = ranges[ranges.length - 1]
      if (last && last[1] === range[0]) last[1] = range[1]
      else if (!(last && last[0] === range[0] && last[1] === range[1])) ranges.push(range)
      i++
    }
    return ranges
  }

  /**
   * `[start, end)` cut where the source is not contiguous: each piece is a
   * cleaned sub-range and the one source range it came from.
   */
  pieces(start: number, end: number): Array<{start: number; end: number; source: Range}> {
    const pieces: Array<{start: number; end: number; source: Range}> = []
    if (start >= end) return pieces
    for (const run of this.runsBetween(start, end)) {
      const runLength = run.linear ? run.sourceEnd - run.source : null
      const runEnd = runLength === null ? this.#nextRunAt(run.at, end) : run.at + runLength
      const last = pieces[pieces.length - 1]
      if (last && last.source[1] === run.source) {
        last.end = runEnd
        last.source[1] = run.sourceEnd
      } else if (last && !run.linear && last.source[0] === run.source && last.source[1] === run.sourceEnd) {
        last.end = runEnd
      } else {
        pieces.push({start: run.at, end: runEnd, source: [run.source, run.sourceEnd]})
      }
    }
    return pieces
  }

  #nextRunAt(at: number, limit: number): number {
    const i = this.#runIndexAt(at)
    return Math.min(this.#runEnd(i), limit)
  }

  /** One source range spanning `[start, end)`, gaps included (for container positions). */
  sourceSpan(start: number, end: number): Range {
    if (start >= end) {
      const at = start < this.text.length ? this.sourceStart(start) : this.sourceEnd(this.text.length - 1)
      return [at, at]
    }
    return [this.sourceStart(start), this.sourceEnd(end - 1)]
  }

  /** Start building a text derived from this one. */
  edit(): MappedTextBuilder {
    return new MappedTextBuilder(this)
  }

  /** @internal used by the builder */
  runsBetween(start: number, end: number): Run[] {
    const out: Run[] = []
    if (start >= end) return out
    for (let i = this.#runIndexAt(start); i < this.#runs.length; i++) {
      const run = this.#runs[i]!
      const runEnd = this.#runEnd(i)
      if (run.at >= end) break
      const from = Math.max(start, run.at)
      const to = Math.min(end, runEnd)
      if (run.linear) out.push({at: from, source: run.source + (from - run.at), sourceEnd: run.source + (to - run.at), linear: true})
      else out.push({at: from, source: run.source, sourceEnd: run.sourceEnd, linear: false})
    }
    return out
  }

  /** @internal */
  static fromParts(text: string, runs: Run[]): MappedText {
    return new MappedText(text, runs)
  }

  #runEnd(i: number): number {
    const next = this.#runs[i + 1]
    return next ? next.at : this.text.length
  }

  #runIndexAt(index: number): number {
    let low = 0
    let high = this.#runs.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.#runs[mid]!.at <= index) low = mid
      else high = mid - 1
    }
    return low
  }

  #runAt(index: number): Run {
    const run = this.#runs[this.#runIndexAt(index)]
    if (!run) throw new RangeError(`No character at ${index} in a text of length ${this.text.length}`)
    return run
  }
}

/**
 * Builds a new `MappedText` from an input one: `keep` copies characters,
 * `replace` rewrites them (the new characters map to the old ones' source),
 * `insert` adds layout that comes from nowhere (a line break for `<br>`), and
 * anything not kept is dropped. Calls must move forward through the input.
 */
export class MappedTextBuilder {
  readonly #input: MappedText
  readonly #parts: string[] = []
  readonly #runs: Run[] = []
  #length = 0
  #cursor = 0

  constructor(input: MappedText) {
    this.#input = input
  }

  /** Copy input characters `[start, end)`. */
  keep(start: number, end: number): this {
    this.#advance(start, end)
    if (start === end) return this
    this.#parts.push(this.#input.text.slice(start, end))
    for (const run of this.#input.runsBetween(start, end)) {
      this.#push({...run, at: this.#length + (run.at - start)})
    }
    this.#length += end - start
    return this
  }

  /**
   * Replace input characters `[start, end)` by `text`. When lengths are equal
   * each new character maps to the old one at the same place (widening `,` to
   * `，` keeps exact positions); otherwise all map to the whole old range.
   */
  replace(start: number, end: number, text: string): this {
    this.#advance(start, end)
    if (text.length === 0) return this
    if (text.length === end - start) {
      const runs = this.#input.runsBetween(start, end)
      this.#parts.push(text)
      for (const run of runs) this.#push({...run, at: this.#length + (run.at - start)})
      this.#length += text.length
      return this
    }
    const [source, sourceEnd] = this.#input.sourceSpan(start, end)
    this.#parts.push(text)
    this.#push({at: this.#length, source, sourceEnd, linear: false})
    this.#length += text.length
    return this
  }

  /** Insert `text` that stands for no source character, just before input offset `at`. */
  insert(at: number, text: string): this {
    this.#advance(at, at)
    if (text.length === 0) return this
    const source = at < this.#input.length ? this.#input.sourceStart(at) : this.#input.sourceEnd(this.#input.length - 1)
    this.#parts.push(text)
    this.#push({at: this.#length, source, sourceEnd: source, linear: false})
    this.#length += text.length
    return this
  }

  /** Keep everything from the cursor to the end, and build. */
  finish(): MappedText {
    this.keep(this.#cursor, this.#input.length)
    return MappedText.fromParts(this.#parts.join(''), this.#runs)
  }

  get cursor(): number {
    return this.#cursor
  }

  #advance(start: number, end: number): void {
    if (start < this.#cursor || end < start || end > this.#input.length) {
      throw new RangeError(`Edit [${start}, ${end}) is out of order (cursor ${this.#cursor}, length ${this.#input.length})`)
    }
    this.#cursor = end
  }

  #push(run: Run): void {
    const last = this.#runs[this.#runs.length - 1]
    if (
      last &&
      last.linear &&
      run.linear &&
      last.sourceEnd === run.source &&
      last.at + (last.sourceEnd - last.source) === run.at
    ) {
      last.sourceEnd = run.sourceEnd
      return
    }
    this.#runs.push({...run})
  }
}
