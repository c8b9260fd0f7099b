/**
 * The PDF writer's process-wide caches (`pipeline/write/pdf/face.ts`,
 * `fonts.ts`): a document's bytes depend on the document alone, never on what
 * the process rendered before (the caches hold pure functions of their keys),
 * and every cache has a cap.
 *
 * A fresh process is a fresh module graph (`vi.resetModules`): new fontkit
 * fonts, empty caches. U+3000 and U+2003 share one glyph in Noto Serif SC, as
 * do U+2013 and U+2012, so a text layer taken from fontkit's glyph objects
 * would name whichever character the process met first; U+00AD (soft hyphen,
 * hidden) and U+002D share one too, so fontkit would hide every hyphen once
 * the process had met a soft hyphen.
 */
import {describe, expect, it, vi} from 'vitest'
import type {Document} from '../pipeline/tree/types.js'
import type {WriteContext, Writer} from '../pipeline/write/types.js'
import {BoundedCache} from '../pipeline/write/pdf/bounded-cache.js'
import {convertSeed} from './helpers/seed.js'
import {sampleDocument} from './fixtures/pdf-sample.js'

const encoder = new TextEncoder()

function contextFor(doc: Document): WriteContext {
  return {
    batch: [doc],
    sourceDateEpoch: 1_700_000_000,
    render: async (format) => encoder.encode(`${format} of ${doc.meta.id}\n`)
  }
}

/** The PDF writer of a fresh module graph: nothing cached, fonts not yet opened. */
async function freshWriter(): Promise<Writer> {
  vi.resetModules()
  return (await import('../pipeline/write/pdf/index.js')).pdfWriter
}

function variant(id: string, extraPreamble: string): Document {
  const doc = sampleDocument({extraPreamble})
  doc.meta.id = `/akn/cn/statement/jointStatement/2015-12-10/${id}`
  return doc
}

const ideographic = variant('ideographic', '双方\u3000一致认为，2015\u20132016年合作成果显著。')
const emSpaced = variant('em-spaced', '双方\u2003一致认为，2015\u20122016年合作成果显著，co\u00ADoperation。')
const hyphenated = variant('hyphenated', '双方一致认为，“co-operation”合作成果显著。')

describe('pdf caches', () => {
  it('render a document to the same bytes alone in a fresh process and after other documents', async () => {
    const seed = (await convertSeed()).documents
    expect(seed.length).toBeGreaterThan(1)
    const alone = new Map<string, Buffer>()
    for (const doc of [ideographic, emSpaced, hyphenated, ...seed]) {
      const writer = await freshWriter()
      alone.set(doc.meta.id, Buffer.from(await writer.write(doc, contextFor(doc))))
    }
    // One warm process, the documents in two different orders, each twice.
    const warm = await freshWriter()
    for (const order of [[emSpaced, ...seed, ideographic, hyphenated], [hyphenated, ideographic, ...[...seed].reverse(), emSpaced]]) {
      for (const doc of order) {
        const bytes = Buffer.from(await warm.write(doc, contextFor(doc)))
        expect(Buffer.compare(bytes, alone.get(doc.meta.id)!), doc.meta.id).toBe(0)
      }
    }
  }, 120_000)

  it('keep in the text layer the character drawn, not the first one met with the same glyph', async () => {
    const writer = await freshWriter()
    const {getFont} = await import('../pipeline/write/pdf/fonts.js')
    const regular = getFont('regular')
    expect(regular.shape('\u3000').ids[0]).toBe(regular.shape('\u2003').ids[0])
    expect(regular.font._cmapProcessor.lookup(0x2d)).toBe(regular.font._cmapProcessor.lookup(0xad))
    await writer.write(emSpaced, contextFor(emSpaced))
    expect(regular.glyphsOf('甲\u3000乙').map((glyph) => glyph.codePoints)).toEqual([[0x7532], [0x3000], [0x4e59]])
    expect(regular.glyphsOf('\u2013')[0]!.codePoints).toEqual([0x2013])
    // A hyphen keeps its glyph and width after a soft hyphen; the soft hyphen takes none.
    const hyphen = regular.shape('co-op')
    expect(hyphen.ids[2]).toBe(regular.font._cmapProcessor.lookup(0x2d))
    expect(hyphen.advance).toBeGreaterThan(regular.shape('coop').advance)
    expect(regular.shape('\u00AD').advance).toBe(0)
    expect(regular.shape('co\u00ADop').ids[2]).toBe(regular.font._cmapProcessor.lookup(0x20))
  })

  it('give every font the subset file fontkit writes, byte for byte', async () => {
    await freshWriter()
    const {getFont} = await import('../pipeline/write/pdf/fonts.js')
    let compounds = 0
    for (const key of ['regular', 'bold', 'emoji', 'yi'] as const) {
      const face = getFont(key)
      const glyphs = face.font.loca.offsets.length - 1
      // Compound glyphs bring their parts in; a glyph twice is one glyph.
      const compound = Array.from({length: glyphs}, (_, gid) => gid).filter((gid) => (face.glyphData(gid).components?.length ?? 0) > 0).slice(0, 5)
      compounds += compound.length
      const picks = [[], [1, 2, 3], [...compound, 7, 7, glyphs - 1], Array.from({length: 300}, (_, i) => (i * 7919) % glyphs)]
      for (const pick of picks) {
        const ours = face.createSubset()
        const theirs = face.font.createSubset()
        for (const gid of pick) expect(ours.includeGlyph(gid)).toBe(theirs.includeGlyph(gid))
        // Twice: the cached glyph data must not be changed by a subset that renumbers a compound glyph.
        for (let round = 0; round < 2; round++) expect(Buffer.compare(Buffer.from(ours.encode()), Buffer.from(theirs.encode())), `${key} ${pick.length}`).toBe(0)
      }
    }
    // The emoji and Yi fonts have compound glyphs.
    expect(compounds).toBeGreaterThan(0)
  }, 60_000)

  it('shape Han and script-neutral text exactly as fontkit does (the shortcut past fontkit changes nothing)', async () => {
    await freshWriter()
    const {getFont} = await import('../pipeline/write/pdf/fonts.js')
    const same = (face: ReturnType<typeof getFont>, text: string) => {
      const ours = face.shape(text)
      const theirs = face.font.layout(text)
      expect([...ours.ids], text).toEqual(theirs.glyphs.map((glyph) => glyph.id))
      const positions = theirs.positions.flatMap((position) => [position.xAdvance, position.yAdvance, position.xOffset, position.yOffset])
      expect(Array.from({length: ours.ids.length}, (_, index) => [...ours.metrics.subarray(index * 5 + 1, index * 5 + 5)]).flat(), text).toEqual(positions)
    }
    const seedText = (await convertSeed()).documents.flatMap((doc) => JSON.stringify(doc).match(/"value":"[^"]*"/g) ?? [])
    for (const key of ['regular', 'bold'] as const) {
      const face = getFont(key)
      // Every Han character of the font alone, and together with script-neutral ones (digits, punctuation, spaces).
      const han: string[] = []
      const neutral: string[] = []
      for (let codePoint = 0x20; codePoint <= 0x3ffff; codePoint++) {
        const char = String.fromCodePoint(codePoint)
        if (!face.hasGlyphForCodePoint(codePoint)) continue
        if (/^\p{Script=Han}$/u.test(char)) han.push(char)
        // Default-ignorable ones aside: the writer hides those by the text, where fontkit looks at its glyph objects.
        else if (/^\p{Script=Common}$/u.test(char) && !/^\p{Default_Ignorable_Code_Point}$/u.test(char)) neutral.push(char)
      }
      expect(han.length).toBeGreaterThan(28_000)
      for (const char of han) same(face, char)
      for (let i = 0; i < 3000; i++) {
        const pick = (list: string[], n: number) => list[(i * 7919 + n * 104_729) % list.length]!
        same(face, pick(han, 1) + pick(neutral, 2) + pick(han, 3) + pick(han, 4) + (i % 3 === 0 ? pick(neutral, 5) : ''))
      }
      // Pairs of ASCII digits and punctuation, some of which the fonts kern.
      const ascii = Array.from({length: 0x7e - 0x20}, (_, i) => String.fromCharCode(0x21 + i)).filter((char) => !/[A-Za-z]/.test(char))
      for (const first of ascii) for (const second of ascii) same(face, '中' + first + second)
      // Without Han too (numbers as the line breaker measures them): fontkit then shapes with the default script.
      for (const first of ascii) for (const second of ascii) same(face, first + second)
      // Every script-neutral character alone and first (fontkit takes the script from the first character that has one).
      neutral.forEach((char, i) => {
        same(face, char)
        same(face, char + han[(i * 7919) % han.length]! + neutral[(i * 104_729) % neutral.length]!)
      })
      for (const text of ['2015', '1.5%', '3,000', '2015年12月10日', '第1条', '（2015）', '1990—2000', '12:30', '２０１５年']) same(face, text)
      for (const value of seedText) same(face, value.slice(9, -1))
    }
  }, 180_000)

  it('hold at most their cap', async () => {
    const cache = new BoundedCache<string, number>(3)
    for (const [index, key] of ['a', 'b', 'c', 'd', 'd', 'e'].entries()) cache.set(key, index)
    expect(cache.size).toBe(3)
    // The oldest entries went first; setting a present key pushed none out.
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined])
    expect([cache.get('c'), cache.get('d'), cache.get('e')]).toEqual([2, 4, 5])

    await freshWriter()
    const fonts = await import('../pipeline/write/pdf/fonts.js')
    const face = await import('../pipeline/write/pdf/face.js')
    const regular = fonts.getFont('regular')
    // Strings of 8 glyphs (16 with their own weight), glyphs of about 300 bytes: more than the caps hold.
    for (let i = 0; i < face.SHAPE_CACHE_GLYPHS / 16 + 1000; i++) regular.shape(String(10_000_000 + i))
    const glyphCount = regular.font.loca.offsets.length - 1
    for (let gid = 1; gid < glyphCount; gid++) regular.glyphData(gid)
    const cached = regular.cached
    expect(cached.shapedGlyphs + cached.shapes * 8).toBeLessThanOrEqual(face.SHAPE_CACHE_GLYPHS)
    expect(cached.shapes).toBeGreaterThan(face.SHAPE_CACHE_GLYPHS / 16 - 10)
    expect(cached.glyphBytes + cached.glyphs * 64).toBeLessThanOrEqual(face.GLYPH_CACHE_BYTES)
    expect(cached.glyphBytes + cached.glyphs * 64).toBeGreaterThan(face.GLYPH_CACHE_BYTES - 65_536)
    expect(cached.glyphs).toBeLessThan(glyphCount - 1)
    // What a cache forgot is computed again, the same; a string heavier than the cap is not kept.
    expect(regular.shape('10000000').advance).toBe(regular.font.layout('10000000').positions.reduce((sum, p) => sum + p.xAdvance, 0))
    const shapes = regular.cached.shapes
    expect(regular.shape('中'.repeat(face.SHAPE_CACHE_GLYPHS + 1)).ids.length).toBe(face.SHAPE_CACHE_GLYPHS + 1)
    expect(regular.cached.shapes).toBe(shapes)
  }, 60_000)
})
