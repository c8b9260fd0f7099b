/** `utf8` (the text writers' encoder) gives the bytes of `TextEncoder.encode`, for any text, long or short, one after another. */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {utf8} from '../pipeline/write/utf8.js'

const SEED = Number(process.env['PROPERTY_SEED'] ?? 42)
const encoder = new TextEncoder()
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

describe('utf8', () => {
  it('encodes as TextEncoder does, with its suffix, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 200}), fc.constantFrom('', '\n'), (text, suffix) => {
        expect(same(utf8(text, suffix), encoder.encode(text + suffix))).toBe(true)
      }),
      {seed: SEED, numRuns: 2000}
    )
  })

  it('returns bytes of its own: a later call does not change an earlier result', () => {
    const first = utf8('中华人民共和国')
    const copy = Uint8Array.from(first)
    utf8('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')
    expect(first).toEqual(copy)
    expect(first.buffer.byteLength).toBe(first.byteLength)
  })

  it('encodes texts longer than its buffer, and texts past what it keeps', () => {
    for (const text of ['中'.repeat(30_000), '😀'.repeat(200_000) + '\ud800', 'a'.repeat(400_000)]) {
      expect(same(utf8(text, '\n'), encoder.encode(text + '\n'))).toBe(true)
    }
  })
})
