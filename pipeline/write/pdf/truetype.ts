/**
 * The font file of a subset, written as fontkit 2.0.4's `TTFSubset.encode`
 * writes it, byte for byte, without its generic struct encoder (which spends
 * more on the per-glyph `loca` and `hmtx` entries than on the glyphs).
 *
 * fontkit's file is a table directory (`true`, the table count and search
 * fields, then tag, a zero checksum, offset and length per table) followed by
 * the tables back to back, in the order head, hhea, loca, maxp, cvt, prep,
 * glyf, hmtx, fpgm (those the font has). Per subset only loca, glyf, hmtx and
 * two counts change (hhea's number of metrics, maxp's number of glyphs); the
 * rest is taken once from fontkit's own file of a one-glyph subset.
 */

export interface SubsetTemplate {
  /** Tables in file order, with fontkit's bytes for those that do not change per subset. */
  readonly tables: ReadonlyArray<{tag: string; bytes: Uint8Array}>
  /** `loca` with 32-bit offsets (else 16-bit, halved). */
  readonly longOffsets: boolean
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes)

/** The template of a font from fontkit's file of one of its subsets. */
export function subsetTemplate(encoded: Uint8Array, longOffsets: boolean): SubsetTemplate {
  const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength)
  const count = view.getUint16(4)
  const tables: Array<{tag: string; bytes: Uint8Array}> = []
  for (let index = 0; index < count; index++) {
    const entry = 12 + index * 16
    const offset = view.getUint32(entry + 8)
    const length = view.getUint32(entry + 12)
    tables.push({tag: ascii(encoded.subarray(entry, entry + 4)), bytes: encoded.slice(offset, offset + length)})
  }
  return {tables, longOffsets}
}

export interface Metric {
  advance: number
  bearing: number
}

/** The file of a subset: its glyphs' data, `loca` offsets (one more than glyphs) and horizontal metrics. */
export function writeSubset(template: SubsetTemplate, glyf: readonly Uint8Array[], offsets: readonly number[], metrics: readonly Metric[]): Uint8Array {
  const {tables, longOffsets} = template
  const lengthOf = (tag: string, fixed: Uint8Array): number => {
    if (tag === 'loca') return offsets.length * (longOffsets ? 4 : 2)
    if (tag === 'glyf') return offsets[offsets.length - 1]!
    if (tag === 'hmtx') return metrics.length * 4
    return fixed.length
  }
  const count = tables.length
  const lengths = tables.map(({tag, bytes}) => lengthOf(tag, bytes))
  const directory = 12 + count * 16
  const out = new Uint8Array(directory + lengths.reduce((sum, length) => sum + length, 0))
  const view = new DataView(out.buffer)
  // The header as fontkit computes it.
  const exponent = Math.floor(Math.log(count) / Math.LN2)
  const searchRange = Math.pow(2, exponent) * 16
  out.set([0x74, 0x72, 0x75, 0x65]) // 'true'
  view.setUint16(4, count)
  view.setUint16(6, searchRange)
  view.setUint16(8, exponent)
  view.setUint16(10, count * 16 - searchRange)
  let at = directory
  tables.forEach(({tag, bytes}, index) => {
    const entry = 12 + index * 16
    for (let i = 0; i < 4; i++) out[entry + i] = tag.charCodeAt(i)
    view.setUint32(entry + 4, 0)
    view.setUint32(entry + 8, at)
    view.setUint32(entry + 12, lengths[index]!)
    if (tag === 'loca') {
      for (const offset of offsets) {
        if (longOffsets) view.setUint32(at, offset)
        else view.setUint16(at, offset >>> 1)
        at += longOffsets ? 4 : 2
      }
    } else if (tag === 'glyf') {
      for (const glyph of glyf) {
        out.set(glyph, at)
        at += glyph.length
      }
    } else if (tag === 'hmtx') {
      for (const {advance, bearing} of metrics) {
        view.setUint16(at, advance)
        view.setInt16(at + 2, bearing)
        at += 4
      }
    } else {
      out.set(bytes, at)
      if (tag === 'hhea') view.setUint16(at + 34, metrics.length)
      if (tag === 'maxp') view.setUint16(at + 4, glyf.length)
      at += bytes.length
    }
  })
  return out
}
