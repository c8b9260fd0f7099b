/**
 * Byte offsets of valid UTF-8 are read back from the decoded text; they must be
 * where each character starts in the bytes, for any text, with or without BOM,
 * across many checkpoints, in any order of lookups.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {decode} from '../pipeline/read/decode.js'

/** The byte where the character holding text index `index` starts. */
function expected(text: string, index: number, bom: number): number {
  const low = text.charCodeAt(index)
  const high = text.charCodeAt(index - 1)
  const start = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? index - 1 : index
  return bom + Buffer.byteLength(text.slice(0, start), 'utf8')
}

const CHARS = ['a', ' ', '\n', 'é', 'ß', '中', '國', '。', '\u3000', '😀', '𠀀', '\u00a0']

describe('byte offsets of valid UTF-8', () => {
  it('are where each character starts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHARS), {minLength: 1, maxLength: 1500}),
        fc.boolean(),
        fc.array(fc.nat(), {maxLength: 40}),
        (chars, withBom, picks) => {
          const text = chars.join('')
          const bom = withBom ? 3 : 0
          const bytes = Buffer.concat([Buffer.from(withBom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')])
          const decoded = decode(bytes)
          expect(decoded.text).toBe(text)
          expect(decoded.issues).toEqual([])
          for (const pick of picks) {
            const index = pick % (text.length + 1)
            expect(decoded.byteOffset(index)).toBe(index === text.length ? bytes.length : expected(text, index, bom))
          }
        }
      ),
      {numRuns: 300}
    )
  })
})

describe('decoding with the lenient reading unified already made', () => {
  const outcome = (bytes: Uint8Array, lenient?: string): unknown => {
    try {
      const d = decode(bytes, lenient === undefined ? {} : {lenient})
      return {text: d.text, encoding: d.encoding, via: d.via, bom: d.bomLength, issues: d.issues, offsets: [0, 1, 7, d.text.length].filter((i) => i <= d.text.length).map((i) => d.byteOffset(i))}
    } catch (error) {
      return {error: String(error)}
    }
  }
  it('gives what decoding the bytes alone gives, for any bytes', () => {
    const pieces = [
      ...['中华人民共和国', 'abc', '\n', '\uFFFD', '\0', '😀'].map((s) => Buffer.from(s)),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from([0x80]),
      Buffer.from([0xc3, 0x28])
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), (parts) => {
        const bytes = new Uint8Array(Buffer.concat(parts))
        expect(outcome(bytes, new TextDecoder().decode(bytes))).toEqual(outcome(bytes))
      }),
      {numRuns: 2000}
    )
  })
})
