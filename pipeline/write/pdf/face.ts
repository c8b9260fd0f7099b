/**
 * A font as pdfkit sees it, shared by every document of the process: the
 * fontkit font of one file, with the work pdfkit would redo for each document
 * done once and kept in bounded caches.
 *
 * - Shaping: pdfkit's layout cache lives and dies with one document; here a
 *   string is shaped once per process (`shape`), and pdfkit gets fresh
 *   positions to scale each time it asks (`layout`). A string of Han and
 *   script-neutral characters at none of whose glyphs a lookup of fontkit's
 *   features may start is not shaped at all: its glyphs and advances come
 *   straight from the font (`#plainGlyphs`), each code point of the Basic
 *   Multilingual Plane looked up once (two fixed tables, 768 KiB per font).
 * - Subsetting: fontkit's subset decodes every glyph again for every PDF; here
 *   the bytes, components and metrics of a glyph are read once
 *   (`glyphData`), and each document's subset file is written from them
 *   (`truetype.ts`) byte for byte as fontkit writes it.
 * - Text layer: fontkit keeps one glyph object per glyph id, whose code points
 *   are those of the first character the process met with that glyph (U+3000
 *   and U+2003 share one glyph in Noto Serif SC), and pdfkit writes them into
 *   the ToUnicode map. Here each shaped glyph carries the code points of the
 *   text it was shaped from, so a document's bytes never depend on what the
 *   process rendered before it. For the same reason default-ignorable
 *   characters (U+00AD) are hidden by the text, not by fontkit's glyph objects.
 *
 * Everything cached is a pure function of the font and the key.
 */
import {BoundedCache} from './bounded-cache.js'
import {subsetTemplate, writeSubset, type SubsetTemplate} from './truetype.js'

/**
 * Glyphs of shaped strings kept per font: a string weighs its glyphs (42 bytes each with their
 * positions) plus 8 for itself; full, the cache holds some 6 MiB (2,800 lines of 28 characters).
 */
export const SHAPE_CACHE_GLYPHS = 100_000
/** Bytes of glyph data kept per font, 64 counted per glyph besides its own (Noto Serif SC: some 7,000 glyphs). */
export const GLYPH_CACHE_BYTES = 4 * 2 ** 20

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
  glyphs: number[]
  glyf: Uint8Array[]
  offset: number
  loca: {offsets: number[]; version: number}
  hmtx: {metrics: Array<{advance: number; bearing: number}>; bearings: number[]}
  includeGlyph(glyph: number | {id: number}): number
  encode(): Uint8Array
  _addGlyph(gid: number): number
}

export interface FontkitFont {
  readonly postscriptName: string
  readonly unitsPerEm: number
  readonly loca: {offsets: number[]; version: number}
  readonly _variationProcessor?: unknown
  layout(text: string, features?: unknown): {glyphs: FontkitGlyph[]; positions: FontkitPosition[]}
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph
  readonly _cmapProcessor: {lookup(codePoint: number): number}
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

/** A string shaped in one font, in font units, stored compactly (it is kept for the whole process). */
export interface Shaped {
  /** Glyph ids. */
  readonly ids: Uint16Array
  /** Advance width of each glyph (pdfkit's widths), then xAdvance, yAdvance, xOffset, yOffset of its position. */
  readonly metrics: Float64Array
  /** The characters of each glyph; null when glyph i stands for character i of the string. */
  readonly codePoints: ReadonlyArray<readonly number[]> | null
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

/** Default-ignorable code points, as fontkit 2.0.4 hides them (`isDefaultIgnorable`, after HarfBuzz). */
const IGNORABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x17b4, 0x17b5], [0x180b, 0x180e],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xfff0, 0xfff8], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff]
]

const isIgnorable = (codePoint: number): boolean => IGNORABLE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to)

const WEIGHT_PER_STRING = 8

/**
 * Han and script-neutral characters only (dates, numbers, punctuation among them): fontkit takes a
 * string's script from its first character of a script of its own, so it shapes such a string with
 * its default shaper and the features of the `hani` script, or of the default script when the
 * string has no Han its Unicode data knows; never with those of another script (Latin's `locl`
 * touches the digits: `G20` is still shaped).
 */
const HAN_TEXT = /^[\p{Script=Han}\p{Script=Common}]+$/u

interface Coverage {
  version: number
  glyphs?: number[]
  rangeRecords?: Array<{start: number; end: number}>
}

interface ClassDef {
  version: number
  startGlyph?: number
  classValueArray?: number[]
  classRangeRecord?: Array<{start: number; end: number; class: number}>
}

/** An array, or restructure's lazily decoded one. */
type Items<T> = T[] | {length: number; get(index: number): T}
const itemAt = <T>(items: Items<T>, index: number): T => (Array.isArray(items) ? items[index]! : items.get(index))

interface Lookup {
  lookupType: number
  subTables: Items<Record<string, unknown>>
}

interface Processor {
  features: Record<string, {lookupListIndexes: number[]} | undefined>
  table: {lookupList: Items<Lookup>}
}

/** Extension lookups (GSUB 7, GPOS 9) wrap their real subtables. */
const EXTENSION = {GSUB: 7, GPOS: 9} as const

export class SharedFace {
  readonly #shapes = new BoundedCache<string, Shaped>(SHAPE_CACHE_GLYPHS, (_text, shaped) => shaped.ids.length + WEIGHT_PER_STRING)
  readonly #glyphs = new BoundedCache<number, GlyphData>(GLYPH_CACHE_BYTES, (_gid, data) => data.bytes.length + 64)
  readonly #Subset: new (font: FontkitFont) => FontkitSubset
  readonly #space: {id: number; advanceWidth: number}
  #template: SubsetTemplate | undefined
  /** Glyphs some lookup of the Han or default features may start at, and marks (null: no shortcut for this font). */
  #touched: Uint8Array | null | undefined

  /** Font units per em (a getter that reads the `head` table in fontkit). */
  readonly unitsPerEm: number

  constructor(readonly font: FontkitFont) {
    this.unitsPerEm = font.unitsPerEm
    // fontkit hides a default-ignorable character (U+00AD) by the code points its glyph object was
    // first made with, so a glyph shared with a visible one (U+002D) would vanish or show depending on
    // which the process met first. Those glyph objects are made here, before any shaping, with no code
    // point: fontkit never hides them, and `shape` hides by the characters of the text instead.
    for (const [from, to] of IGNORABLE_RANGES) {
      for (let codePoint = from; codePoint <= to; codePoint++) {
        const id = font._cmapProcessor.lookup(codePoint)
        if (id !== 0) font.getGlyph(id, [])
      }
    }
    const space = font.glyphForCodePoint(0x20)
    this.#space = {id: space.id, advanceWidth: space.advanceWidth}
    // fontkit's TrueType subset class, extended so that it takes each glyph from the cache.
    const Base = (font.createSubset() as object).constructor as new (font: FontkitFont) => FontkitSubset
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const face = this
    this.#Subset = class CachedSubset extends Base {
      /** Subset id of each glyph id (fontkit keeps them in a plain object, slow with large ids). */
      declare ids: Map<number, number> | undefined

      override includeGlyph(glyph: number | {id: number}): number {
        const gid = typeof glyph === 'object' ? glyph.id : glyph
        // Called by fontkit's constructor too, before this class's fields exist.
        const ids = (this.ids ??= new Map())
        let id = ids.get(gid)
        if (id === undefined) {
          this.glyphs.push(gid)
          id = this.glyphs.length - 1
          ids.set(gid, id)
        }
        return id
      }

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

      override encode(): Uint8Array {
        if (font._variationProcessor) return super.encode()
        // fontkit's walk over the glyphs (parts of compound glyphs join the list as they come), then its file.
        this.glyf = []
        this.offset = 0
        this.loca = {offsets: [], version: font.loca.version}
        this.hmtx = {metrics: [], bearings: []}
        for (let index = 0; index < this.glyphs.length; index++) this._addGlyph(this.glyphs[index]!)
        this.loca.offsets.push(this.offset)
        return writeSubset(face.#subsetTemplate(), this.glyf, this.loca.offsets, this.hmtx.metrics)
      }
    }
  }

  /** The tables of this font's subsets that are the same for all, from fontkit's own file of a one-glyph subset. */
  #subsetTemplate(): SubsetTemplate {
    this.#template ??= subsetTemplate(this.font.createSubset().encode(), this.font.loca.version !== 0)
    return this.#template
  }

  /** What the caches hold: strings and their glyphs, glyphs and their bytes. */
  get cached(): {shapes: number; shapedGlyphs: number; glyphs: number; glyphBytes: number} {
    const shapes = this.#shapes.size
    const glyphs = this.#glyphs.size
    return {shapes, shapedGlyphs: this.#shapes.weight - shapes * WEIGHT_PER_STRING, glyphs, glyphBytes: this.#glyphs.weight - glyphs * 64}
  }

  /** `text` shaped with the font's default features, once per process (up to the cap). */
  shape(text: string): Shaped {
    let shaped = this.#shapes.get(text)
    if (shaped === undefined) shaped = this.#shapes.set(text, this.#shapeUncached(text))
    return shaped
  }

  #shapeUncached(text: string): Shaped {
    const plain = HAN_TEXT.test(text) ? this.#plainGlyphs(text) : null
    if (plain) {
      // No lookup can start at any glyph of the string, so shaping gives each character's glyph and
      // advance: fontkit would plan a whole shaping for each (the line breaker measures every character).
      const ids = new Uint16Array(plain.length)
      const metrics = new Float64Array(plain.length * 5)
      let advance = 0
      plain.forEach(({id, advanceWidth}, index) => {
        ids[index] = id
        metrics[index * 5] = advanceWidth
        metrics[index * 5 + 1] = advanceWidth
        advance += advanceWidth
      })
      return {ids, metrics, codePoints: null, advance}
    }
    const run = this.font.layout(text)
    const characters = codePointsOf(text)
    const count = run.glyphs.length
    // One glyph per character (no ligature, no decomposition): each glyph stands for its character.
    const oneToOne = count === characters.length && run.glyphs.every((glyph) => glyph.codePoints.length <= 1)
    const ids = new Uint16Array(count)
    const metrics = new Float64Array(count * 5)
    let advance = 0
    for (let index = 0; index < count; index++) {
      const glyph = run.glyphs[index]!
      const {xAdvance, yAdvance, xOffset, yOffset} = run.positions[index]!
      const hidden = oneToOne && isIgnorable(characters[index]!)
      ids[index] = hidden ? this.#space.id : glyph.id
      metrics.set([hidden ? this.#space.advanceWidth : glyph.advanceWidth, hidden ? 0 : xAdvance, hidden ? 0 : yAdvance, xOffset, yOffset], index * 5)
      advance += hidden ? 0 : xAdvance
    }
    const codePoints = oneToOne ? null : run.glyphs.map((glyph) => this.#inText(glyph.codePoints, characters))
    return {ids, metrics, codePoints, advance}
  }

  /** The glyph of each character of `text` when no lookup of the shaping features may start at any of them, else null. */
  #plainGlyphs(text: string): Array<{id: number; advanceWidth: number}> | null {
    if (this.#touched === undefined) this.#touched = this.#touchedByFeatures()
    if (this.#touched === null) return null
    const glyphs: Array<{id: number; advanceWidth: number}> = []
    for (let index = 0; index < text.length; index++) {
      const codePoint = text.codePointAt(index)!
      if (codePoint > 0xffff) index++
      const glyph = this.#plainGlyph(codePoint)
      if (glyph === null) return null
      glyphs.push(glyph)
    }
    return glyphs
  }

  /** Per code point of the Basic Multilingual Plane: 0 not looked up yet, 1 no plain glyph, else 2 + its glyph id. */
  #plainBmp: Int32Array | undefined
  /** The advance of each glyph of `#plainBmp`. */
  #plainAdvances: Float64Array | undefined

  /** The glyph of `codePoint` and its advance when no lookup may start at it (it has a glyph, not a touched one, and is not ignorable), else null. */
  #plainGlyph(codePoint: number): {id: number; advanceWidth: number} | null {
    const look = () => {
      const id = this.font._cmapProcessor.lookup(codePoint)
      if (id === 0 || this.#touched![id] === 1 || isIgnorable(codePoint)) return null
      return {id, advanceWidth: this.font.glyphForCodePoint(codePoint).advanceWidth}
    }
    if (codePoint > 0xffff) return look()
    // The line breaker measures every character of every document: each code point is looked up once.
    const known = (this.#plainBmp ??= new Int32Array(0x10000))
    const advances = (this.#plainAdvances ??= new Float64Array(0x10000))
    let code = known[codePoint]!
    if (code === 0) {
      const glyph = look()
      code = known[codePoint] = glyph === null ? 1 : 2 + glyph.id
      if (glyph) advances[codePoint] = glyph.advanceWidth
    }
    return code === 1 ? null : {id: code - 2, advanceWidth: advances[codePoint]!}
  }

  /**
   * Every glyph at which a lookup of the features fontkit applies to Han or script-neutral text
   * could start (any coverage of those lookups, context lookups by their first glyph), and the
   * glyphs GDEF calls marks (their advance is zeroed). A lookup applies only where its first glyph
   * is covered, so in a string of glyphs outside this set none applies: each comes out of shaping
   * as it went in. Null when the font has no GDEF or a subtable of an unexpected form: then every
   * string is shaped.
   */
  #touchedByFeatures(): Uint8Array | null {
    const touched = new Uint8Array(this.font.loca.offsets.length)
    for (const sample of ['中', '1']) if (!this.#touchedBy(sample, touched)) return null
    return touched
  }

  /** Marks in `touched` the glyphs of the lookups fontkit applies to `sample`'s script (see `#touchedByFeatures`). */
  #touchedBy(text: string, touched: Uint8Array): boolean {
    const sample = this.font.layout(text) as unknown as {features: Record<string, boolean>}
    const engine = (this.font as unknown as {_layoutEngine: {engine?: {GSUBProcessor?: Processor; GPOSProcessor?: Processor}}})._layoutEngine.engine
    const gdef = (this.font as unknown as {GDEF?: {glyphClassDef?: ClassDef}}).GDEF
    if (!engine || !gdef?.glyphClassDef) return false
    const cover = (coverage: unknown): boolean => {
      const {version, glyphs, rangeRecords} = (coverage ?? {}) as Coverage
      if (version === 1 && glyphs) for (const glyph of glyphs) touched[glyph] = 1
      else if (version === 2 && rangeRecords) for (const {start, end} of rangeRecords) touched.fill(1, start, end + 1)
      else return false
      return true
    }
    const features = Object.keys(sample.features).filter((tag) => sample.features[tag])
    for (const [name, processor] of [['GSUB', engine.GSUBProcessor], ['GPOS', engine.GPOSProcessor]] as const) {
      if (!processor) continue
      for (const tag of features) {
        for (const index of processor.features[tag]?.lookupListIndexes ?? []) {
          const lookup = itemAt(processor.table.lookupList, index)
          for (let i = 0; i < lookup.subTables.length; i++) {
            let table = itemAt(lookup.subTables, i)
            if (lookup.lookupType === EXTENSION[name]) table = table['extension'] as Record<string, unknown>
            const first = table['coverage'] ?? table['markCoverage'] ?? table['mark1Coverage'] ?? (table['coverages'] as unknown[] | undefined)?.[0] ?? (table['inputCoverage'] as unknown[] | undefined)?.[0]
            if (!cover(first)) return false
          }
        }
      }
    }
    const classes = gdef.glyphClassDef
    if (classes.version === 1 && classes.classValueArray) {
      classes.classValueArray.forEach((value, index) => {
        if (value === 3) touched[classes.startGlyph! + index] = 1
      })
    } else if (classes.version === 2 && classes.classRangeRecord) {
      for (const range of classes.classRangeRecord) if (range.class === 3) touched.fill(1, range.start, range.end + 1)
    } else return false
    return true
  }

  /**
   * The code points of a ligature's glyph, each replaced by the character of `text` that has the same
   * glyph when fontkit remembers another one (the first it met), so the result depends on `text` alone.
   */
  #inText(codePoints: readonly number[], characters: readonly number[]): number[] {
    const lookup = (codePoint: number) => this.font._cmapProcessor.lookup(codePoint)
    return codePoints.map((codePoint) => {
      if (characters.includes(codePoint)) return codePoint
      const id = lookup(codePoint)
      return characters.find((character) => lookup(character) === id) ?? codePoint
    })
  }

  /** The glyphs `text` is shaped into, with the characters each stands for. */
  glyphsOf(text: string, shaped: Shaped = this.shape(text)): ShapedGlyph[] {
    const {ids, metrics, codePoints} = shaped
    const characters = codePoints ? null : codePointsOf(text)
    return Array.from(ids, (id, index) => ({id, advanceWidth: metrics[index * 5]!, codePoints: codePoints ? codePoints[index]! : [characters![index]!]}))
  }

  /** For pdfkit: the layout of `text`, with positions of its own to scale. */
  layout(text: string, features?: unknown): LayoutRun | ReturnType<FontkitFont['layout']> {
    if (features !== undefined) return this.font.layout(text, features)
    const shaped = this.shape(text)
    const {metrics} = shaped
    const glyphs = this.glyphsOf(text, shaped)
    const positions = glyphs.map((_glyph, index) => {
      const at = index * 5
      return {xAdvance: metrics[at + 1]!, yAdvance: metrics[at + 2]!, xOffset: metrics[at + 3]!, yOffset: metrics[at + 4]!}
    })
    return new LayoutRun(glyphs, positions)
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
