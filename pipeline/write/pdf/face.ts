/**
 * A font as pdfkit sees it, shared by every document of the process: the
 * fontkit font of one file, with the work pdfkit would redo for each document
 * done once and kept in bounded caches.
 *
 * - Shaping: pdfkit's layout cache lives and dies with one document; here a
 *   string is shaped once per process (`shape`), and pdfkit gets fresh
 *   positions to scale each time it asks (`layout`).
 * - Subsetting: fontkit's subset decodes every glyph again for every PDF; here
 *   the bytes, components and metrics of a glyph are read once
 *   (`glyphData`), and each document's subset is assembled from them by
 *   fontkit's own encoder, so the font file is what fontkit would write.
 * - Text layer: fontkit keeps one glyph object per glyph id, whose code points
 *   are those of the first character the process met with that glyph (U+3000
 *   and U+2003 share one glyph in Noto Serif SC), and pdfkit writes them into
 *   the ToUnicode map. Here each shaped glyph carries the code points of the
 *   text it was shaped from, so a document's bytes never depend on what the
 *   process rendered before it.
 *
 * Everything cached is a pure function of the font and the key.
 */
import {BoundedCache} from './bounded-cache.js'

/** Strings shaped and kept per font (a key is a token or a drawn word: a few hundred bytes each). */
export const SHAPE_CACHE_ENTRIES = 20_000
/** Glyphs whose subset data is kept per font (a CJK glyph is a few hundred bytes). */
export const GLYPH_CACHE_ENTRIES = 8_192

/** The parts of fontkit 2.0.4's objects used here (its typings lack the internals). */
interface FontkitGlyph {
  readonly id: number
  readonly advanceWidth: number
  readonly codePoints: readonly number[]
  _decode(): {numberOfContours: number; components?: Array<{glyphID: number; pos: number}>} | null
  _getMetrics(): {leftBearing: number}
}

interface FontkitPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
}

interface FontkitSubset {
  glyf: Uint8Array[]
  offset: number
  loca: {offsets: number[]}
  hmtx: {metrics: Array<{advance: number; bearing: number}>}
  includeGlyph(glyph: number): number
  encode(): Uint8Array
  _addGlyph(gid: number): number
}

export interface FontkitFont {
  readonly postscriptName: string
  readonly unitsPerEm: number
  readonly loca: {offsets: number[]}
  readonly _variationProcessor?: unknown
  layout(text: string, features?: unknown): {glyphs: FontkitGlyph[]; positions: FontkitPosition[]}
  getGlyph(id: number): FontkitGlyph
  glyphForCodePoint(codePoint: number): FontkitGlyph
  hasGlyphForCodePoint(codePoint: number): boolean
  createSubset(): FontkitSubset
  _getTableStream(tag: string): {pos: number; readBuffer(length: number): Uint8Array}
}

/** A glyph as pdfkit reads it from a layout: id, advance, and the characters it stands for. */
export interface ShapedGlyph {
  readonly id: number
  readonly advanceWidth: number
  readonly codePoints: readonly number[]
}

/** A string shaped in one font, in font units. */
export interface Shaped {
  readonly glyphs: readonly ShapedGlyph[]
  readonly positions: readonly Readonly<FontkitPosition>[]
  /** Sum of the advances. */
  readonly advance: number
}

/** What pdfkit's `EmbeddedFont.layoutRun` takes from fontkit: it scales the positions in place. */
class LayoutRun {
  constructor(
    readonly glyphs: ShapedGlyph[],
    readonly positions: FontkitPosition[]
  ) {}

  get advanceWidth(): number {
    let width = 0
    for (const position of this.positions) width += position.xAdvance
    return width
  }
}

interface GlyphData {
  readonly bytes: Uint8Array
  readonly components: ReadonlyArray<{glyphID: number; pos: number}> | null
  readonly advance: number
  readonly bearing: number
}

const codePointsOf = (text: string): number[] => Array.from(text, (char) => char.codePointAt(0)!)

export class SharedFace {
  readonly #shapes = new BoundedCache<string, Shaped>(SHAPE_CACHE_ENTRIES)
  readonly #glyphs = new BoundedCache<number, GlyphData>(GLYPH_CACHE_ENTRIES)
  readonly #Subset: new (font: FontkitFont) => FontkitSubset

  /** Font units per em (a getter that reads the `head` table in fontkit). */
  readonly unitsPerEm: number

  constructor(readonly font: FontkitFont) {
    this.unitsPerEm = font.unitsPerEm
    // fontkit's TrueType subset class, extended so that it takes each glyph from the cache.
    const Base = (font.createSubset() as object).constructor as new (font: FontkitFont) => FontkitSubset
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const face = this
    this.#Subset = class CachedSubset extends Base {
      override _addGlyph(gid: number): number {
        if (font._variationProcessor) return super._addGlyph(gid)
        const data = face.glyphData(gid)
        let buffer = data.bytes
        if (data.components) {
          // A compound glyph names its parts by glyph id: renumber them for this subset, on a copy.
          buffer = new Uint8Array(buffer)
          const view = new DataView(buffer.buffer)
          for (const component of data.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID))
        }
        this.glyf.push(buffer)
        this.loca.offsets.push(this.offset)
        this.hmtx.metrics.push({advance: data.advance, bearing: data.bearing})
        this.offset += buffer.length
        return this.glyf.length - 1
      }
    }
  }

  /** Entries held by the caches (for the benchmark's report of memory). */
  get cached(): {shapes: number; glyphs: number} {
    return {shapes: this.#shapes.size, glyphs: this.#glyphs.size}
  }

  /** `text` shaped with the font's default features, once per process (up to the cap). */
  shape(text: string): Shaped {
    let shaped = this.#shapes.get(text)
    if (shaped === undefined) shaped = this.#shapes.set(text, this.#shapeUncached(text))
    return shaped
  }

  #shapeUncached(text: string): Shaped {
    const run = this.font.layout(text)
    const characters = codePointsOf(text)
    // One glyph per character (no ligature, no decomposition): each glyph stands for its character.
    const oneToOne = run.glyphs.length === characters.length && run.glyphs.every((glyph) => glyph.codePoints.length <= 1)
    const glyphs = run.glyphs.map((glyph, index) => ({
      id: glyph.id,
      advanceWidth: glyph.advanceWidth,
      codePoints: oneToOne ? [characters[index]!] : this.#inText(glyph.codePoints, characters)
    }))
    let advance = 0
    const positions = run.positions.map(({xAdvance, yAdvance, xOffset, yOffset}) => {
      advance += xAdvance
      return {xAdvance, yAdvance, xOffset, yOffset}
    })
    return {glyphs, positions, advance}
  }

  /**
   * The code points of a ligature's glyph, each replaced by the character of `text` that has the same
   * glyph when fontkit remembers another one (the first it met), so the result depends on `text` alone.
   */
  #inText(codePoints: readonly number[], characters: readonly number[]): number[] {
    return codePoints.map((codePoint) => {
      if (characters.includes(codePoint)) return codePoint
      const id = this.font.glyphForCodePoint(codePoint).id
      return characters.find((character) => this.font.glyphForCodePoint(character).id === id) ?? codePoint
    })
  }

  /** For pdfkit: the layout of `text`, with positions of its own to scale. */
  layout(text: string, features?: unknown): LayoutRun | ReturnType<FontkitFont['layout']> {
    if (features !== undefined) return this.font.layout(text, features)
    const shaped = this.shape(text)
    return new LayoutRun(
      shaped.glyphs as ShapedGlyph[],
      shaped.positions.map(({xAdvance, yAdvance, xOffset, yOffset}) => ({xAdvance, yAdvance, xOffset, yOffset}))
    )
  }

  /** For pdfkit: a subset whose glyphs come from the cache. */
  createSubset(): FontkitSubset {
    return new this.#Subset(this.font)
  }

  /** Bytes, parts and metrics of glyph `gid`, as fontkit's TrueType subset reads them. */
  glyphData(gid: number): GlyphData {
    let data = this.#glyphs.get(gid)
    if (data === undefined) {
      const glyph = this.font.getGlyph(gid)
      const offsets = this.font.loca.offsets
      const stream = this.font._getTableStream('glyf')
      stream.pos += offsets[gid]!
      const bytes = new Uint8Array(stream.readBuffer(offsets[gid + 1]! - offsets[gid]!))
      // Only a compound glyph (fewer than 0 contours) needs decoding, for the ids of its parts.
      const compound = bytes.length >= 2 && (bytes[0]! & 0x80) !== 0
      const decoded = compound ? glyph._decode() : null
      const components = decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []).map(({glyphID, pos}) => ({glyphID, pos})) : null
      data = this.#glyphs.set(gid, {bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing})
    }
    return data
  }

  // What pdfkit's EmbeddedFont reads besides: metrics and tables of the font itself.
  get postscriptName(): string {
    return this.font.postscriptName
  }
  getGlyph(id: number): FontkitGlyph {
    return this.font.getGlyph(id)
  }
  hasGlyphForCodePoint(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint)
  }
}

/** The remaining properties pdfkit reads (metrics, `OS/2`, `post`, `head`, `bbox`…) come from the fontkit font. */
const forwarded = ['ascent', 'descent', 'xHeight', 'capHeight', 'lineGap', 'bbox', 'italicAngle', 'OS/2', 'post', 'head', 'hhea', '_tables'] as const
for (const name of forwarded) {
  Object.defineProperty(SharedFace.prototype, name, {
    get(this: SharedFace) {
      return (this.font as unknown as Record<string, unknown>)[name]
    }
  })
}
