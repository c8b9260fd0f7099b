/**
 * The PDF writer loads its typesetting (pdfkit, fontkit, the font files) only
 * when a PDF is rendered: the writer registry is imported by every run, most
 * of which write text formats only. Module loads are observed through mocks
 * that record the import and hand back the real module.
 */
import {describe, expect, it, vi} from 'vitest'
import {sampleDocument} from './fixtures/pdf-sample.js'

const loaded = vi.hoisted(() => [] as string[])

vi.mock('pdfkit', async (importOriginal) => {
  loaded.push('pdfkit')
  return importOriginal()
})
vi.mock('fontkit', async (importOriginal) => {
  loaded.push('fontkit')
  return importOriginal()
})

describe('pdf writer loading', () => {
  it('imports neither pdfkit nor fontkit with the registry, and both on the first PDF', async () => {
    const {writers} = await import('../pipeline/write/registry.js')
    const pdf = writers.get('pdf')
    expect(pdf?.mediaType).toBe('application/pdf')
    // Text formats render without them.
    const doc = sampleDocument()
    const context = {
      batch: [doc],
      sourceDateEpoch: null,
      render: async (format: string) => writers.get(format)!.write(doc, context)
    }
    expect((await context.render('json')).byteLength).toBeGreaterThan(0)
    expect(loaded).toEqual([])

    const bytes = await pdf!.write(doc, context)
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7')
    expect([...loaded].sort()).toEqual(['fontkit', 'pdfkit'])
    const {fontLoads} = await import('../pipeline/write/pdf/fonts.js')
    expect(fontLoads.count).toBe(2)
  })
})
