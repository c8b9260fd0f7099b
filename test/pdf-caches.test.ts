/**
 * The PDF writer's process-wide caches (`pipeline/write/pdf/face.ts`,
 * `fonts.ts`): a document's bytes depend on the document alone, never on what
 * the process rendered before (the caches hold pure functions of their keys),
 * and every cache has a cap.
 *
 * A fresh process is a fresh module graph (`vi.resetModules`): new fontkit
 * fonts, empty caches. U+3000 and U+2003 share one glyph in Noto Serif SC, as
 * do U+2013 and U+2012, so a text layer taken from fontkit's glyph objects
 * would name whichever character the process met first.
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
const emSpaced = variant('em-spaced', '双方\u2003一致认为，2015\u20122016年合作成果显著。')

describe('pdf caches', () => {
  it('render a document to the same bytes alone in a fresh process and after other documents', async () => {
    const seed = (await convertSeed()).documents
    expect(seed.length).toBeGreaterThan(1)
    const alone = new Map<string, Buffer>()
    for (const doc of [ideographic, emSpaced, ...seed]) {
      const writer = await freshWriter()
      alone.set(doc.meta.id, Buffer.from(await writer.write(doc, contextFor(doc))))
    }
    // One warm process, the documents in two different orders, each twice.
    const warm = await freshWriter()
    for (const order of [[emSpaced, ...seed, ideographic], [ideographic, ...[...seed].reverse(), emSpaced]]) {
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
    expect(regular.shape('\u3000').glyphs[0]!.id).toBe(regular.shape('\u2003').glyphs[0]!.id)
    await writer.write(emSpaced, contextFor(emSpaced))
    expect(regular.shape('甲\u3000乙').glyphs.map((glyph) => glyph.codePoints)).toEqual([[0x7532], [0x3000], [0x4e59]])
    expect(regular.shape('\u2013').glyphs[0]!.codePoints).toEqual([0x2013])
  })

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
    for (let i = 0; i < face.SHAPE_CACHE_ENTRIES + 100; i++) regular.shape(String(i))
    for (let gid = 1; gid <= face.GLYPH_CACHE_ENTRIES + 100; gid++) regular.glyphData(gid)
    expect(regular.cached).toEqual({shapes: face.SHAPE_CACHE_ENTRIES, glyphs: face.GLYPH_CACHE_ENTRIES})
    // What a cache forgot is computed again, the same.
    expect(regular.shape('0').advance).toBe(regular.font.layout('0').positions[0]!.xAdvance)
  }, 60_000)
})
