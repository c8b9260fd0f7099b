/**
 * Node construction for the segmenter: positions from cleaned offsets, text
 * leaves split wherever the source is not contiguous (a removal lies inside), so
 * leaves never cover a removed span.
 */
import type {Point, Position} from 'unist'
import type {MappedText} from '../text/mapped-text.js'
import type {Num, Text} from '../tree/types.js'

/** Offsets → line/column points, for positions into the decoded input. */
export class Locator {
  readonly #lineStarts: number[] = [0]

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#lineStarts.push(i + 1)
  }

  point(offset: number): Point {
    let low = 0
    let high = this.#lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.#lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: offset - this.#lineStarts[low]! + 1, offset}
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }
}

/** Cleaned offsets of a leaf, kept until `enrich` has split the leaf into marks. */
export interface LeafData {
  clean: [number, number]
}

export class NodeFactory {
  constructor(
    readonly cleaned: MappedText,
    readonly locator: Locator
  ) {}

  /** Position spanning cleaned `[start, end)`, gaps included. */
  span(start: number, end: number): Position {
    const [from, to] = this.cleaned.sourceSpan(start, end)
    return this.locator.position(from, to)
  }

  /** Text leaves for cleaned `[start, end)`, one per contiguous source range. */
  texts(start: number, end: number): Text[] {
    return this.cleaned.pieces(start, end).map((piece) => ({
      type: 'text',
      value: this.cleaned.text.slice(piece.start, piece.end),
      position: this.locator.position(piece.source[0], piece.source[1]),
      data: {clean: [piece.start, piece.end]} satisfies LeafData
    }))
  }

  /** A single leaf whose value differs from the source (a closed-up name). */
  textAs(start: number, end: number, value: string): Text {
    return {type: 'text', value, position: this.span(start, end)}
  }

  num(start: number, end: number): Num {
    return {type: 'num', value: this.cleaned.text.slice(start, end), position: this.span(start, end)}
  }
}

/** Smallest position containing all of `positions`. */
export function enclose(positions: readonly Position[]): Position {
  let start = positions[0]!.start
  let end = positions[0]!.end
  for (const position of positions) {
    if (position.start.offset! < start.offset!) start = position.start
    if (position.end.offset! > end.offset!) end = position.end
  }
  return {start, end}
}
