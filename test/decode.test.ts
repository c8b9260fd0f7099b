/**
 * Tests for read/decode: bytes in every supported encoding back to the exact
 * text, byte offsets, invalid bytes reported with their offsets, binary input
 * refused, and the `encoding` option.
 */
import {describe, it, expect} from 'vitest'
import {readFileSync} from 'node:fs'
import {gzipSync} from 'node:zlib'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {BinaryInputError, decode, type Decoded, type EncodingName} from '../pipeline/read/decode.js'

/** The real seed: UTF-8 without BOM, Simplified Chinese, one line. */
const seed = readFileSync(new URL('../sources/000_c69a6c577a452886.txt', import.meta.url), 'utf8')

/** Traditional-script sample (from shared/corpus/020.txt): Big5 cannot encode most Simplified characters. */
const traditional = [
  '中華人民共和國政府和大不列顛及北愛爾蘭聯合王國政府關於互換大使的聯合公報',
  '1972年3月13日',
  '一、中華人民共和國政府和聯合王國政府一致確認互相尊重主權和領土完整、互不干涉內政和平等互利的原則,決定自一九七二年三月十三日起將本國派駐對方首都的外交代表由代辦升格為大使。',
  '二、聯合王國政府承認中國政府關於台灣是中華人民共和國的一個省的立場,決定於一九七二年三月十三日撤銷其在台灣的官方代表機構。',
  '三、聯合王國政府承認中華人民共和國政府是中國的唯一合法政府。',
  '中華人民共和國政府對聯合王國政府的上述立場表示欣賞。',
  '中華人民共和國\n政府代表\n外交部副部長\n喬冠華\n(簽字)'
].join('\n\n')

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff]
}

function encode(text: string, encoding: EncodingName, withBom = false): Uint8Array {
  const body = iconv.encode(text, encoding)
  return withBom ? Buffer.concat([Buffer.from(BOMS[encoding] ?? []), body]) : body
}

/** Expected byte offset of `index`: the length of the encoded prefix. */
function encodedLength(text: string, index: number, encoding: EncodingName): number {
  return iconv.encode(text.slice(0, index), encoding).length
}

/** Indices at a stride plus the edges, never inside a surrogate pair. */
function sampleIndices(text: string, stride: number): number[] {
  const indices = new Set([0, 1, text.length - 1, text.length])
  for (let i = 0; i < text.length; i += stride) indices.add(i)
  return [...indices].filter((i) => i >= 0 && i <= text.length && !isLowSurrogateAt(text, i)).sort((a, b) => a - b)
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i)
  return unit >= 0xdc00 && unit <= 0xdfff
}

function expectOffsets(decoded: Decoded, text: string, encoding: EncodingName, bomLength: number, stride = 37): void {
  for (const i of sampleIndices(text, stride)) {
    expect(decoded.byteOffset(i), `index ${i}`).toBe(bomLength + encodedLength(text, i, encoding))
  }
}

describe('round trips, detected without a flag', () => {
  const cases: Array<{name: string; text: string; encoding: EncodingName; bom: boolean; via: Decoded['via']}> = [
    {name: 'UTF-8 (the seed as stored)', text: seed, encoding: 'utf-8', bom: false, via: 'detected'},
    {name: 'UTF-8 with BOM', text: seed, encoding: 'utf-8', bom: true, via: 'bom'},
    {name: 'UTF-16LE with BOM', text: seed, encoding: 'utf-16le', bom: true, via: 'bom'},
    {name: 'UTF-16BE with BOM', text: seed, encoding: 'utf-16be', bom: true, via: 'bom'},
    {name: 'GB18030', text: seed, encoding: 'gb18030', bom: false, via: 'detected'},
    {name: 'GB18030, Traditional text', text: traditional, encoding: 'gb18030', bom: false, via: 'detected'},
    {name: 'Big5', text: traditional, encoding: 'big5', bom: false, via: 'detected'}
  ]

  for (const c of cases) {
    it(c.name, () => {
      const bytes = encode(c.text, c.encoding, c.bom)
      const decoded = decode(bytes)
      expect(decoded.encoding).toBe(c.encoding)
      expect(decoded.via).toBe(c.via)
      expect(decoded.bomLength).toBe(c.bom ? BOMS[c.encoding]!.length : 0)
      expect(decoded.issues).toEqual([])
      expect(decoded.text === c.text).toBe(true) // not toBe: a 6,000-character diff is unreadable
      expect(decoded.byteOffset(0)).toBe(decoded.bomLength)
      expect(decoded.byteOffset(decoded.text.length)).toBe(bytes.length)
      expectOffsets(decoded, c.text, c.encoding, decoded.bomLength)
    })
  }

  it('the seed file as read from disk', () => {
    const bytes = readFileSync(new URL('../sources/000_c69a6c577a452886.txt', import.meta.url))
    const decoded = decode(bytes)
    expect([decoded.encoding, decoded.via, decoded.text.length, bytes.length]).toEqual(['utf-8', 'detected', 6164, 18276])
    // Every index, not a sample: Buffer.byteLength of the prefix.
    for (let i = 0; i <= seed.length; i++) expect(decoded.byteOffset(i)).toBe(Buffer.byteLength(seed.slice(0, i)))
  })

  it('UTF-16 without BOM when ASCII makes the NUL pattern obvious', () => {
    const text = 'Joint Communiqué (1972): 中华人民共和国 and the United Kingdom.\n'.repeat(20)
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const decoded = decode(encode(text, encoding))
      expect([decoded.encoding, decoded.via, decoded.bomLength]).toEqual([encoding, 'detected', 0])
      expect(decoded.text).toBe(text)
    }
  })

  it('a UTF-8 BOM-like sequence after the BOM is text (U+FEFF), not a second BOM', () => {
    const decoded = decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]))
    expect(decoded.text).toBe('\uFEFFA')
    expect(decoded.byteOffset(1)).toBe(6)
  })
})

describe('byteOffset', () => {
  // U+20000 and U+1F600 are astral (surrogate pairs): 4 bytes in UTF-8, UTF-16 and GB18030.
  const astral = `${seed.slice(0, 50)}𠀀${seed.slice(50, 90)}😀😀${seed.slice(90, 200)}𠀀`

  for (const encoding of ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
    it(`is exact after astral characters and the BOM (${encoding})`, () => {
      const withBom = encoding !== 'gb18030'
      const decoded = decode(encode(astral, encoding, withBom))
      expect(decoded.text).toBe(astral)
      expect(decoded.encoding).toBe(encoding)
      const bom = withBom ? BOMS[encoding]!.length : 0
      expectOffsets(decoded, astral, encoding, bom, 1) // every index
      // Inside a surrogate pair: the first byte of the character.
      expect(decoded.byteOffset(51)).toBe(decoded.byteOffset(50))
      expect(decoded.byteOffset(52) - decoded.byteOffset(50)).toBe(4)
    })
  }

  it('is exact for Big5 astral (HKSCS) and two-code-point characters', () => {
    // FA 40 is U+20547; 88 62 is Ê̄ (U+00CA U+0304), one Big5 code, two UTF-16 units.
    const bytes = Buffer.concat([iconv.encode('中華', 'big5'), Buffer.from([0xfa, 0x40, 0x88, 0x62]), iconv.encode('國', 'big5')])
    const decoded = decode(bytes, {encoding: 'big5'})
    expect(decoded.text).toBe('中華\u{20547}\u00CA\u0304國')
    expect(decoded.issues).toEqual([])
    const offsets = Array.from({length: decoded.text.length + 1}, (_, i) => decoded.byteOffset(i))
    expect(offsets).toEqual([0, 2, 4, 4, 6, 6, 8, 10])
  })

  it('is exact over a long text with errors, in and out of order (checkpoints and cursor)', () => {
    const text = seed.repeat(40) // ~250,000 characters, ~240 checkpoints
    const body = Buffer.from(text)
    const bytes = Buffer.concat([body.subarray(0, 100_000), Buffer.from([0xff]), body.subarray(100_000)])
    const decoded = decode(bytes)
    expect(decoded.issues).toHaveLength(1)
    const broken = decoded.issues[0]!
    const at = decoded.text.indexOf('\uFFFD')
    expect(decoded.byteOffset(at)).toBe(broken.byteOffset)
    const indices = [...sampleIndices(decoded.text, 997)]
    for (const i of [...indices, ...indices.reverse()]) {
      const expected = Buffer.byteLength(decoded.text.slice(0, i)) - (i > at ? 2 : 0) // U+FFFD is 3 bytes, 0xFF is 1
      expect(decoded.byteOffset(i)).toBe(expected)
    }
  })

  it('rejects indices outside the text', () => {
    const decoded = decode(Buffer.from('abc'))
    expect(() => decoded.byteOffset(4)).toThrow(RangeError)
    expect(() => decoded.byteOffset(-1)).toThrow(RangeError)
    expect(() => decoded.byteOffset(1.5)).toThrow(RangeError)
  })
})

describe('invalid bytes are reported with their byte offset', () => {
  it('a lone 0xFF inserted into the UTF-8 seed', () => {
    const body = Buffer.from(seed)
    const at = Buffer.byteLength(seed.slice(0, 1000))
    const bytes = Buffer.concat([body.subarray(0, at), Buffer.from([0xff]), body.subarray(at)])
    const decoded = decode(bytes)
    expect([decoded.encoding, decoded.via]).toEqual(['utf-8', 'detected'])
    expect(decoded.issues).toEqual([{byteOffset: at, byteLength: 1, reason: 'byte 0xFF never occurs in UTF-8'}])
    expect(decoded.text).toBe(`${seed.slice(0, 1000)}\uFFFD${seed.slice(1000)}`)
    expect(decoded.byteOffset(1000)).toBe(at)
    expect(decoded.byteOffset(1001)).toBe(at + 1)
    expect(decoded.byteOffset(decoded.text.length)).toBe(bytes.length)
  })

  it('a UTF-8 sequence cut short, mid-text and at the end', () => {
    const bytes = Buffer.concat([Buffer.from('中'), Buffer.from([0xe5, 0x9b]), Buffer.from('A国'), Buffer.from([0xe5])])
    const decoded = decode(bytes, {encoding: 'utf-8'})
    expect(decoded.text).toBe('中\uFFFDA国\uFFFD')
    expect(decoded.issues.map((i) => [i.byteOffset, i.byteLength])).toEqual([[3, 2], [9, 1]])
    expect(decoded.issues[0]!.reason).toContain('E5 9B')
    expect(decoded.issues[1]!.reason).toContain('end of the input')
  })

  it('a truncated GB18030 sequence, detected as GB18030', () => {
    const body = iconv.encode(seed, 'gb18030')
    // The seed starts with "1994": a lead byte before the digit "1" starts a
    // four-byte sequence that the "9" breaks; the last character loses its second byte.
    const bytes = Buffer.concat([Buffer.from([0xd6]), body.subarray(0, body.length - 1)])
    const decoded = decode(bytes)
    expect([decoded.encoding, decoded.via]).toEqual(['gb18030', 'detected'])
    expect(decoded.issues.map((i) => [i.byteOffset, i.byteLength])).toEqual([[0, 1], [bytes.length - 1, 1]])
    expect(decoded.issues[1]!.reason).toBe('GB18030 sequence BE cut off by the end of the input')
    expect(decoded.text).toBe(`\uFFFD${seed.slice(0, -1)}\uFFFD`)
    expect(decoded.byteOffset(1)).toBe(1)
    expect(decoded.byteOffset(decoded.text.length - 1)).toBe(bytes.length - 1)
  })

  it('GB18030 four-byte sequences outside the code space, and 0xFF', () => {
    const bytes = Buffer.concat([iconv.encode('中', 'gb18030'), Buffer.from([0x84, 0x31, 0xa5, 0x30, 0xff, 0x41])])
    const decoded = decode(bytes, {encoding: 'gb18030'})
    expect(decoded.text).toBe('中\uFFFD\uFFFDA')
    expect(decoded.issues.map((i) => [i.byteOffset, i.byteLength])).toEqual([[2, 4], [6, 1]])
  })

  it('an unassigned Big5 code and a lead byte before ASCII', () => {
    const bytes = Buffer.concat([iconv.encode('中華', 'big5'), Buffer.from([0x81, 0xa1, 0xa4, 0x20])])
    const decoded = decode(bytes, {encoding: 'big5'})
    expect(decoded.text).toBe('中華\uFFFD\uFFFD ')
    expect(decoded.issues.map((i) => [i.byteOffset, i.byteLength])).toEqual([[4, 2], [6, 1]])
  })

  it('unpaired surrogates and an odd trailing byte in UTF-16', () => {
    // BOM, "A", lone high surrogate, "B", lone low surrogate, odd byte.
    const bytes = Uint8Array.from([0xff, 0xfe, 0x41, 0, 0x00, 0xd8, 0x42, 0, 0x00, 0xdc, 0x43])
    const decoded = decode(bytes)
    expect(decoded.encoding).toBe('utf-16le')
    expect(decoded.text).toBe('A\uFFFDB\uFFFD\uFFFD')
    expect(decoded.issues.map((i) => [i.byteOffset, i.byteLength])).toEqual([[4, 2], [8, 2], [10, 1]])
    expect([0, 1, 2, 3, 4, 5].map((i) => decoded.byteOffset(i))).toEqual([2, 4, 6, 8, 10, 11])
  })

  it('stray Latin-1 bytes in English stay UTF-8 and are reported, not misread as GBK', () => {
    const bytes = Buffer.concat([Buffer.from('Joint Communiqu'), Buffer.from([0xe9]), Buffer.from('s of 1972')])
    const decoded = decode(bytes)
    expect([decoded.encoding, decoded.text]).toEqual(['utf-8', 'Joint Communiqu\uFFFDs of 1972'])
    expect(decoded.issues.map((i) => [i.byteOffset, i.byteLength])).toEqual([[15, 1]])
  })

  it('a NUL byte beyond the binary window is an issue, not silent', () => {
    const text = 'a'.repeat(10_000)
    const bytes = Buffer.from(`${text}\0b`)
    const decoded = decode(bytes)
    expect(decoded.text).toBe(`${text}\uFFFDb`)
    expect(decoded.issues).toEqual([{byteOffset: 10_000, byteLength: 1, reason: 'NUL byte (U+0000 is not text)'}])
  })
})

describe('binary input', () => {
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01
  ])

  function binaryError(bytes: Uint8Array, options: {encoding?: string} = {}): BinaryInputError {
    try {
      decode(bytes, options)
    } catch (error) {
      if (error instanceof BinaryInputError) return error
      throw error
    }
    throw new Error('expected a BinaryInputError')
  }

  it('an image renamed .txt', () => {
    const error = binaryError(png)
    expect(error.message).toBe('NUL byte at 0x8: this looks like binary data (PNG signature), not text')
    expect(error.byteOffset).toBe(8)
    expect(error.name).toBe('BinaryInputError')
    // The option does not make it text either.
    expect(binaryError(png, {encoding: 'gb18030'}).byteOffset).toBe(8)
  })

  it('NUL bytes in text', () => {
    const error = binaryError(Buffer.from('中华人民共和国\0\0\0\0'))
    expect(error.byteOffset).toBe(21)
    expect(error.message).toMatch(/^NUL byte at 0x15: this looks like binary data, not text/)
  })

  it('signatures without NUL bytes: PDF, JPEG, gzip', () => {
    expect(binaryError(Buffer.from('%PDF-1.7\n%âãÏÓ\n')).message).toBe('PDF signature at 0x0: this is binary data, not text')
    expect(binaryError(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x41])).message).toContain('JPEG')
    expect(binaryError(gzipSync(Buffer.from(seed))).message).toContain('gzip')
  })
})

describe('large input', () => {
  // 50 MB of UTF-8 with one bad byte near the end: strict decoding fails, the
  // sample still says UTF-8, and the whole input goes through the scanner.
  // Its time is measured by `make bench` (hostile inputs), not asserted here.
  it('decodes 50 MB and keeps exact offsets', () => {
    const body = Buffer.from(seed.repeat(Math.ceil(50e6 / Buffer.byteLength(seed))))
    const at = body.length - 9 // three 3-byte characters from the end: a character boundary
    const bytes = Buffer.concat([body.subarray(0, at), Buffer.from([0xff]), body.subarray(at)])
    const decoded = decode(bytes)
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.issues.map((i) => i.byteOffset)).toEqual([at])
    const replacement = decoded.text.lastIndexOf('\uFFFD')
    expect(decoded.byteOffset(replacement)).toBe(at)
    expect(decoded.byteOffset(replacement + 1)).toBe(at + 1)
    expect(decoded.byteOffset(decoded.text.length)).toBe(bytes.length)
  }, 60_000)
})

describe('empty and whitespace-only input', () => {
  it('empty input is empty text', () => {
    const decoded = decode(new Uint8Array(0))
    expect([decoded.text, decoded.encoding, decoded.bomLength, decoded.issues]).toEqual(['', 'utf-8', 0, []])
    expect(decoded.byteOffset(0)).toBe(0)
  })

  it('a BOM alone is empty text', () => {
    for (const bom of Object.values(BOMS)) {
      const decoded = decode(Uint8Array.from(bom))
      expect([decoded.text, decoded.via, decoded.bomLength]).toEqual(['', 'bom', bom.length])
      expect(decoded.byteOffset(0)).toBe(bom.length)
    }
  })

  it('whitespace-only input keeps its whitespace', () => {
    const text = ' \n\t\r\n\u3000 '
    for (const encoding of ['utf-8', 'gb18030'] as const) {
      const decoded = decode(encode(text, encoding), {encoding})
      expect(decoded.text).toBe(text)
      expect(decoded.byteOffset(text.length)).toBe(encode(text, encoding).length)
    }
    expect(decode(Buffer.from(' \n \n')).text).toBe(' \n \n')
  })
})

describe('the encoding option', () => {
  it('overrides detection', () => {
    const gb = iconv.encode(seed, 'gb18030')
    for (const label of ['gbk', 'GB2312', 'gb18030', ' GBK ']) {
      const decoded = decode(gb, {encoding: label})
      expect([decoded.encoding, decoded.via, decoded.text === seed]).toEqual(['gb18030', 'option', true])
    }
    // Forcing a wrong encoding is obeyed; what does not fit is reported.
    const utf8 = Buffer.from(traditional)
    const wrong = decode(utf8, {encoding: 'big5'})
    expect([wrong.encoding, wrong.via]).toEqual(['big5', 'option'])
    expect(wrong.text).not.toBe(traditional)
    expect(wrong.issues.length).toBeGreaterThan(0)
  })

  it('accepts common labels', () => {
    const ascii = Buffer.from('abc')
    expect(decode(ascii, {encoding: 'UTF-8'}).encoding).toBe('utf-8')
    expect(decode(ascii, {encoding: 'utf8'}).encoding).toBe('utf-8')
    expect(decode(ascii, {encoding: 'cp950'}).encoding).toBe('big5')
    expect(decode(encode('abc', 'utf-16be'), {encoding: 'utf16be'}).text).toBe('abc')
    expect(decode(encode('abc', 'utf-16le'), {encoding: 'UTF-16LE'}).text).toBe('abc')
    // Plain "utf-16": endianness from the BOM, which is then stripped.
    const be = decode(encode('abc', 'utf-16be', true), {encoding: 'utf-16'})
    expect([be.encoding, be.text, be.bomLength]).toEqual(['utf-16be', 'abc', 2])
  })

  it('reads BOM-less CJK UTF-16, which detection cannot', () => {
    const decoded = decode(encode(seed, 'utf-16le'), {encoding: 'utf-16le'})
    expect(decoded.text === seed).toBe(true)
    expect(decoded.byteOffset(100)).toBe(200)
  })

  it('an unknown label throws, naming it and the accepted ones', () => {
    expect(() => decode(Buffer.from('abc'), {encoding: 'latin-9'})).toThrow(/"latin-9".*utf-8.*gb18030.*big5/)
    expect(() => decode(Buffer.from('abc'), {encoding: 'constructor'})).toThrow(/"constructor"/)
  })
})

describe('properties over arbitrary bytes', () => {
  // Reference decoders. The native ones follow the WHATWG Encoding Standard
  // as we do, so whole texts must agree (NUL bytes are left out: we report
  // them, the decoders keep them). iconv-lite's Big5 starts a new sequence at
  // a non-ASCII byte after a bad lead where WHATWG consumes it, so for Big5
  // only the runs between replacements are compared.
  const reference: Record<EncodingName, (bytes: Uint8Array) => string> = {
    'utf-8': (bytes) => new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes),
    'utf-16le': (bytes) => new TextDecoder('utf-16le', {ignoreBOM: true}).decode(bytes),
    'utf-16be': (bytes) => new TextDecoder('utf-16be', {ignoreBOM: true}).decode(bytes),
    gb18030: (bytes) => new TextDecoder('gb18030').decode(bytes),
    big5: (bytes) => iconv.decode(Buffer.from(bytes), 'big5', {stripBOM: false})
  }
  const noNul = fc.uint8Array({maxLength: 64}).map((a) => a.map((b) => (b === 0 ? 0x81 : b)))

  for (const encoding of Object.keys(reference) as EncodingName[]) {
    const expected = reference[encoding]
    it(`${encoding}: text, issues and offsets agree`, () => {
      fc.assert(
        fc.property(noNul, (bytes) => {
          // A leading BOM would be stripped: keep the comparison simple.
          fc.pre(!(bytes[0] === 0xef || bytes[0] === 0xfe || bytes[0] === 0xff))
          let decoded: Decoded
          try {
            decoded = decode(bytes, {encoding})
          } catch (error) {
            if (error instanceof BinaryInputError) return // a random file signature
            throw error
          }
          const {text} = decoded
          if (encoding !== 'big5') expect(text).toBe(expected(bytes))
          expect(decoded.byteOffset(text.length)).toBe(bytes.length)
          let previous = 0
          for (let i = 0; i <= text.length; i++) {
            const offset = decoded.byteOffset(i)
            expect(offset).toBeGreaterThanOrEqual(previous)
            previous = offset
          }
          // One issue under each U+FFFD, in order (the inputs cannot encode U+FFFD itself
          // in 64 random bytes often enough to matter, but allow for it).
          const replacements = [...text.matchAll(/\uFFFD/g)].map((m) => m.index)
          const issueOffsets = decoded.issues.map((i) => i.byteOffset)
          for (const offset of issueOffsets) expect(replacements.map((r) => decoded.byteOffset(r))).toContain(offset)
          // Each run between replacements is exactly what its bytes decode to.
          for (const [from, to] of runsBetween(replacements, text.length)) {
            const slice = bytes.subarray(decoded.byteOffset(from), decoded.byteOffset(to))
            expect(expected(slice)).toBe(text.slice(from, to))
          }
        }),
        {numRuns: 500}
      )
    })
  }

  function runsBetween(cuts: number[], length: number): Array<[number, number]> {
    const runs: Array<[number, number]> = []
    let from = 0
    for (const cut of [...cuts, length]) {
      if (cut > from) runs.push([from, cut])
      from = cut + 1
    }
    return runs
  }

  it('detection never crashes and covers every byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 200}), (bytes) => {
        try {
          const decoded = decode(bytes)
          expect(decoded.byteOffset(decoded.text.length)).toBe(bytes.length)
          expect(decoded.byteOffset(0)).toBe(decoded.bomLength)
        } catch (error) {
          expect(error).toBeInstanceOf(BinaryInputError)
        }
      }),
      {numRuns: 1000}
    )
  })
})
