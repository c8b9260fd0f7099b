/**
 * read/decode: bytes → text, the first stage of the pipeline.
 *
 * Reads: the raw bytes of one input file (`Uint8Array`), and optionally an
 * encoding label that overrides detection.
 * Writes: a `Decoded` record: the text, the encoding and how it was chosen,
 * the length of a stripped byte-order mark, every invalid byte sequence with
 * its byte offset, and `byteOffset(index)`, the map from a UTF-16 index of the
 * text back to a byte offset of the input (the tree's positions index the
 * text; this is how they reach the bytes).
 *
 * Encodings: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without
 * one when the text is ASCII-heavy, so that every other byte is 0),
 * GB18030 (a superset of GBK and GB2312) and Big5 (the WHATWG/HKSCS variant).
 *
 * Detection order:
 *   1. BOM (EF BB BF, FF FE, FE FF).
 *   2. BOM-less UTF-16 by its NUL pattern. CJK text in BOM-less UTF-16 has no
 *      such pattern and is NOT detected: pass `{encoding: 'utf-16le'}`.
 *   3. Binary check: a known file signature (PNG, JPEG, GIF, PDF, ZIP, gzip)
 *      or a NUL byte in the first 8 KiB throws `BinaryInputError`.
 *   4. Strict UTF-8 (native `TextDecoder`, fatal): almost all real inputs stop here.
 *   5. Otherwise UTF-8-with-errors, GB18030 and Big5 each decode a 256 KiB
 *      sample and are scored: frequent Chinese characters count for, invalid
 *      sequences against (see `scoreSample`). GB text read as Big5 (and the
 *      reverse) decodes mostly without errors but into rare characters, and
 *      UTF-8 read as GB18030 into rare ones too, so frequency decides.
 *
 * Nothing is replaced silently: each invalid sequence becomes one U+FFFD in
 * the text AND one `DecodeIssue` with its exact byte offset. Error boundaries
 * follow the WHATWG Encoding Standard (a UTF-8 sequence is cut at its first
 * bad byte; a legacy lead byte followed by an ASCII byte is one error and the
 * ASCII byte is kept). NUL (U+0000) is also reported and replaced: it is
 * never text, and XML output cannot carry it.
 *
 * Cost: linear in the input. Valid input is decoded natively in one call; input
 * with errors is scanned in JavaScript and decoded natively in 64 KiB chunks.
 * `byteOffset` keeps one checkpoint per 512 UTF-16 units (built on first use)
 * and rescans at most one interval; UTF-16 and ASCII-only UTF-8 are computed.
 * The `Decoded` record keeps a reference to the input bytes for that rescan.
 */
import iconv from 'iconv-lite'

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'

export interface DecodeIssue {
  byteOffset: number
  byteLength: number
  reason: string
}

export interface Decoded {
  /** Decoded text. A leading BOM is NOT included (its bytes are accounted for by `bomLength`). */
  text: string
  encoding: EncodingName
  /** How the encoding was chosen: 'bom' | 'detected' | 'option'. */
  via: 'bom' | 'detected' | 'option'
  bomLength: number
  /** Invalid byte sequences, in order. Each one is kept in `text` as U+FFFD **and** reported here, so nothing is silent. */
  issues: DecodeIssue[]
  /**
   * Byte offset in the input of the UTF-16 code unit at `index` of `text`
   * (`index === text.length` gives the byte length). An index inside a
   * character that takes two code units (a surrogate pair, or Big5's two
   * code point characters) gives that character's first byte.
   */
  byteOffset(index: number): number
}

/** The input is not text: a file signature of a binary format, or NUL bytes. */
export class BinaryInputError extends Error {
  readonly byteOffset: number

  constructor(message: string, byteOffset: number) {
    super(message)
    this.name = 'BinaryInputError'
    this.byteOffset = byteOffset
  }
}

export interface DecodeOptions {
  /** An encoding label that overrides detection. */
  encoding?: string
  /**
   * The bytes as a lenient UTF-8 decoder reads them (what unified hands the
   * parser, `String(file)`). Without U+FFFD or NUL in it, the bytes were
   * valid UTF-8 and this is their strict reading too: it is taken instead of
   * decoding them again.
   */
  lenient?: string
}

/**
 * Decode `bytes` to text, detecting the encoding unless `options.encoding`
 * names one (see `ENCODING_LABELS` for the accepted labels).
 *
 * @throws {BinaryInputError} when the bytes look like a binary file.
 * @throws {Error} when `options.encoding` is not a known label.
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const forced = options.encoding === undefined ? undefined : resolveLabel(options.encoding)
  const choice = chooseEncoding(bytes, forced, options.lenient)
  const codec = CODECS[choice.encoding]
  const decoded = choice.text ?? decodeAll(bytes, choice.bomLength, codec)
  const map = new OffsetMap(bytes, choice.bomLength, codec, decoded)
  return {
    text: decoded.text,
    encoding: choice.encoding,
    via: choice.via,
    bomLength: choice.bomLength,
    issues: decoded.issues,
    byteOffset: (index) => map.byteOffset(index)
  }
}

// ------------------------------------------------------------ encoding labels

/** Accepted `options.encoding` labels (compared case-insensitively). */
export const ENCODING_LABELS: Readonly<Record<string, EncodingName | 'utf-16'>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  // Endianness from the BOM, little-endian without one (as in WHATWG).
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  // GBK and GB2312 are subsets of GB18030, so one decoder reads all three.
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'gb_2312': 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'x-gbk': 'gb18030',
  'euc-cn': 'gb18030',
  csgb2312: 'gb18030',
  big5: 'big5',
  'big-5': 'big5',
  'big5-hkscs': 'big5',
  'cn-big5': 'big5',
  csbig5: 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5'
}

function resolveLabel(label: string): EncodingName | 'utf-16' {
  const key = label.trim().toLowerCase()
  // hasOwn: "constructor" or "toString" must not resolve through the prototype.
  const name = Object.hasOwn(ENCODING_LABELS, key) ? ENCODING_LABELS[key] : undefined
  if (name === undefined) {
    throw new Error(
      `Unknown encoding ${JSON.stringify(label)}; accepted: ${Object.keys(ENCODING_LABELS).join(', ')}`
    )
  }
  return name
}

// ------------------------------------------------------------ choosing the encoding

interface Choice {
  encoding: EncodingName
  via: Decoded['via']
  bomLength: number
  /** Set when choosing already produced the text (the strict UTF-8 fast path). */
  text?: DecodedText
}

interface DecodedText {
  text: string
  issues: DecodeIssue[]
}

/** How much of the input the binary check and the encoding scorer look at. */
const BINARY_WINDOW = 8 * 1024
const SAMPLE_BYTES = 256 * 1024

function chooseEncoding(bytes: Uint8Array, forced: EncodingName | 'utf-16' | undefined, lenient?: string): Choice {
  const bom = sniffBom(bytes)
  if (forced !== undefined) return forcedChoice(bytes, forced, bom)
  if (bom) {
    assertNotBinary(bytes, bom.length, bom.encoding)
    return {encoding: bom.encoding, via: 'bom', bomLength: bom.length}
  }
  const utf16 = sniffUtf16WithoutBom(bytes)
  assertNotBinary(bytes, 0, utf16 ?? 'utf-8')
  if (utf16) return {encoding: utf16, via: 'detected', bomLength: 0}
  const strict = validReading(lenient) ?? decodeFast(bytes, 0, CODECS['utf-8'])
  if (strict !== undefined) return {encoding: 'utf-8', via: 'detected', bomLength: 0, text: strict}
  const encoding = bestScoring(bytes)
  return {encoding, via: 'detected', bomLength: encoding === 'gb18030' ? gb18030BomLength(bytes) : 0}
}

/** A lenient UTF-8 reading of BOM-less bytes that replaced nothing (and holds no NUL, which `decodeFast` refuses). */
function validReading(lenient: string | undefined): DecodedText | undefined {
  return lenient !== undefined && !lenient.includes('\uFFFD') && !lenient.includes('\0') ? {text: lenient, issues: []} : undefined
}

/** The option wins over detection; a BOM is stripped only when it agrees with it. */
function forcedChoice(bytes: Uint8Array, forced: EncodingName | 'utf-16', bom: Bom | undefined): Choice {
  let encoding: EncodingName
  if (forced === 'utf-16') encoding = bom?.encoding === 'utf-16be' ? 'utf-16be' : 'utf-16le'
  else encoding = forced
  let bomLength = bom?.encoding === encoding ? bom.length : 0
  if (encoding === 'gb18030') bomLength = gb18030BomLength(bytes)
  assertNotBinary(bytes, bomLength, encoding)
  return {encoding, via: 'option', bomLength}
}

interface Bom {
  encoding: EncodingName
  length: number
}

function sniffBom(bytes: Uint8Array): Bom | undefined {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return {encoding: 'utf-8', length: 3}
  if (a === 0xff && b === 0xfe) return {encoding: 'utf-16le', length: 2}
  if (a === 0xfe && b === 0xff) return {encoding: 'utf-16be', length: 2}
  return undefined
}

/** GB18030 encodes U+FEFF as 84 31 95 33; treat it as a BOM like the others. */
function gb18030BomLength(bytes: Uint8Array): number {
  return bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33 ? 4 : 0
}

/**
 * Text in a legacy encoding or UTF-8 has no zero bytes; UTF-16 text with
 * some ASCII in it (digits, punctuation, Latin words) has them as the high
 * byte of those code units, so they fall mostly on one byte parity, while
 * binary data has them on both. The endianness is the one whose code units
 * look like text. CJK-only UTF-16 has no zeros at all and cannot be told
 * from legacy double-byte text this way (nor reliably any other way): it
 * needs a BOM or the `encoding` option.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): EncodingName | undefined {
  const end = Math.min(bytes.length, BINARY_WINDOW) & ~1
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  // Zeros also fall on the "wrong" parity in text: U+4E00 一 and U+3000 are
  // 00 4E and 00 30 in UTF-16LE. Hence a skew, not a clean split.
  if (evenZeros + oddZeros === 0 || Math.max(evenZeros, oddZeros) < 2 * Math.min(evenZeros, oddZeros)) {
    return undefined
  }
  const le = textLikeShare(bytes, end, true)
  const be = textLikeShare(bytes, end, false)
  if (Math.max(le, be) < 0.9) return undefined
  return le >= be ? 'utf-16le' : 'utf-16be'
}

/** Share of the code units in `bytes[0, end)` that are common in text (ASCII, Latin, CJK, punctuation). */
function textLikeShare(bytes: Uint8Array, end: number, le: boolean): number {
  let textLike = 0
  for (let i = 0; i + 1 < end; i += 2) {
    const u = readUnit(bytes, i, le)
    if (
      u === 0x09 || u === 0x0a || u === 0x0d ||
      (u >= 0x20 && u < 0x7f) ||
      (u >= 0xa0 && u < 0x250) || // Latin
      (u >= 0x2000 && u < 0x2070) || // general punctuation
      (u >= 0x3000 && u < 0x3100) || // CJK punctuation, kana
      (u >= 0x3400 && u < 0xa000) || // CJK ideographs
      (u >= 0xff00 && u < 0xfff0) // full-width forms
    ) textLike++
  }
  return textLike / (end / 2)
}

const SIGNATURES: ReadonlyArray<{name: string; bytes: readonly number[]}> = [
  {name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]},
  {name: 'JPEG', bytes: [0xff, 0xd8, 0xff]},
  {name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38]},
  {name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d]},
  {name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04]},
  {name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06]},
  {name: 'gzip', bytes: [0x1f, 0x8b]}
]

function assertNotBinary(bytes: Uint8Array, start: number, encoding: EncodingName): void {
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[start + i] === b))
  const nul = firstNul(bytes, start, Math.min(bytes.length, start + BINARY_WINDOW), encoding)
  const kind = signature ? ` (${signature.name} signature)` : ''
  if (nul !== -1) {
    const hint = signature ? '' : " (UTF-16 without a BOM? pass {encoding: 'utf-16le'} or 'utf-16be')"
    throw new BinaryInputError(`NUL byte at ${hex(nul)}: this looks like binary data${kind}, not text${hint}`, nul)
  }
  if (signature) {
    throw new BinaryInputError(`${signature.name} signature at ${hex(start)}: this is binary data, not text`, start)
  }
}

/** First NUL character: a 0 byte, or in UTF-16 a code unit 00 00. -1 when none. */
function firstNul(bytes: Uint8Array, start: number, end: number, encoding: EncodingName): number {
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    const at = bytes.indexOf(0, start)
    return at !== -1 && at < end ? at : -1
  }
  for (let i = start; i + 1 < end; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 0) return i
  return -1
}

/**
 * Invalid sequences weigh as much as this many frequent characters. One
 * stray byte in a page of UTF-8 must not tip it to GB18030 (which reads
 * UTF-8 bytes nearly without errors, as rare characters), while a page that
 * is mostly invalid as UTF-8 must lose.
 */
const ERROR_WEIGHT = 3

/**
 * UTF-8 failed strictly: score the candidates on a sample; ties go to the
 * earlier one. A legacy encoding must also produce at least one frequent
 * character: without any evidence of Chinese text (say, Latin-1 bytes in
 * English), UTF-8 with its invalid bytes reported beats a silent misreading.
 */
function bestScoring(bytes: Uint8Array): EncodingName {
  const end = Math.min(bytes.length, SAMPLE_BYTES)
  let best: EncodingName = 'utf-8'
  let bestScore = scoreSample(bytes, end, CODECS['utf-8']).score
  for (const encoding of ['gb18030', 'big5'] as const) {
    const {score, frequent} = scoreSample(bytes, end, CODECS[encoding])
    if (frequent > 0 && score > bestScore) {
      best = encoding
      bestScore = score
    }
  }
  return best
}

function scoreSample(bytes: Uint8Array, end: number, codec: Codec): {score: number; frequent: number} {
  const {text, issues} = decodeRange(bytes, 0, end, codec)
  // A character cut by the end of the sample is not the candidate's fault.
  const errors = issues.filter((i) => end === bytes.length || i.byteOffset + i.byteLength < end).length
  let frequent = 0
  for (const char of text) if (FREQUENT.has(char)) frequent++
  return {score: frequent - ERROR_WEIGHT * errors, frequent}
}

/**
 * About 660 of the most frequent Chinese characters in both scripts (with the
 * words of diplomatic documents) and full-width punctuation. Measured on the
 * seed and the shared corpus: 73–84 % of the non-ASCII characters of correctly
 * decoded text are in this set, against 0.5–8 % for GB read as Big5, Big5 read
 * as GB18030, or UTF-8 read as GB18030 (wrong decodings spread over thousands
 * of rare characters).
 */
const FREQUENT: ReadonlySet<string> = new Set(
  [
    // Simplified.
    '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理点月明其种声全工己话者向情部正名定问力机给等几很业最间新打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市体别处总才场师书比住员九性通目华报立马命张活难神数件安表原车白应路期死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特望直服林题建南度统色字请交让认算论百义科元社术结六功指思非流每青管夫连远资队带快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空众技轻程告江语英基派满式息写识极令黄德收钱党未持取设始版双历越史商千片容研像找友站广改议形委早房音火际则首单据导影失网似斯专石若兵弟谁校读志飞观争究包组造落视济离虽兴切布约',
    // Traditional forms of those that differ.
    '這來國個說們為時過學對裡後麼發當無開見經頭從動兩長樣現將與實點種聲話問機給幾業間東聽氣關內軍產萬體處總場師書員華報馬張難數應車親務記邊戰許望統請讓認論義術結領傳紅決達辦運強轉眾輕語滿寫識極黃錢黨設歷專視濟離雖興約條區協議簽署雙締館換於',
    // Diplomatic vocabulary (both scripts where they differ).
    '协签缔馆换於',
    // Full-width punctuation.
    '，。、：；（）“”《》「」'
  ].join('')
)

// ------------------------------------------------------------ codecs

/**
 * One step of a scanner: the character starting at a byte offset, packed into
 * a number so that the hot loops allocate nothing.
 * Bits 0–2: byte length (1–4); bits 3–4: UTF-16 units in the text (1–2);
 * bit 5: invalid (the text then holds one U+FFFD for it).
 */
type Step = number
const LENGTH = 0b111
const UNITS_SHIFT = 3
const INVALID = 0b100000

function step(byteLength: number, units: number): Step {
  return byteLength | (units << UNITS_SHIFT)
}

function invalid(byteLength: number): Step {
  return byteLength | (1 << UNITS_SHIFT) | INVALID
}

interface Codec {
  name: EncodingName
  /** Structure of the encoding: where the character at `p` ends and whether it is valid. */
  scan(bytes: Uint8Array, p: number, end: number): Step
  /** Native decoding of bytes the scanner found valid; throws if the decoder disagrees. */
  decodeValid(bytes: Uint8Array): string
  /** Bytes standing in for an invalid sequence before native decoding: `?`, one unit. */
  placeholder: Uint8Array
  /** Why the sequence at `p` (of `length` bytes, found invalid) is invalid. */
  explain(bytes: Uint8Array, p: number, length: number, end: number): string
}

function nativeDecoder(label: string): (bytes: Uint8Array) => string {
  // ignoreBOM: the BOM is stripped by offset, so a later U+FEFF is kept as text.
  const decoder = new TextDecoder(label, {fatal: true, ignoreBOM: true})
  return (bytes) => decoder.decode(bytes)
}

/** Big5 through iconv-lite: ICU's Big5 in Node maps unassigned codes to private-use characters instead of failing. */
function decodeBig5(bytes: Uint8Array): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'big5', {stripBOM: false})
  if (text.includes('\uFFFD')) throw new TypeError('Big5 decoder rejected a sequence')
  return text
}

const ASCII_PLACEHOLDER = Uint8Array.of(0x3f)

const CODECS: Readonly<Record<EncodingName, Codec>> = {
  'utf-8': {
    name: 'utf-8',
    scan: scanUtf8,
    decodeValid: nativeDecoder('utf-8'),
    placeholder: ASCII_PLACEHOLDER,
    explain: explainUtf8
  },
  'utf-16le': {
    name: 'utf-16le',
    scan: (bytes, p, end) => scanUtf16(bytes, p, end, true),
    decodeValid: nativeDecoder('utf-16le'),
    placeholder: Uint8Array.of(0x3f, 0x00),
    explain: (bytes, p, length, end) => explainUtf16(bytes, p, length, end, true)
  },
  'utf-16be': {
    name: 'utf-16be',
    scan: (bytes, p, end) => scanUtf16(bytes, p, end, false),
    decodeValid: nativeDecoder('utf-16be'),
    placeholder: Uint8Array.of(0x00, 0x3f),
    explain: (bytes, p, length, end) => explainUtf16(bytes, p, length, end, false)
  },
  gb18030: {
    name: 'gb18030',
    scan: scanGb18030,
    decodeValid: nativeDecoder('gb18030'),
    placeholder: ASCII_PLACEHOLDER,
    explain: (bytes, p, length, end) => explainDoubleByte('GB18030', bytes, p, length, end)
  },
  big5: {
    name: 'big5',
    scan: scanBig5,
    decodeValid: decodeBig5,
    placeholder: ASCII_PLACEHOLDER,
    explain: (bytes, p, length, end) => explainDoubleByte('Big5', bytes, p, length, end)
  }
}

// UTF-8, following the WHATWG decoder: the second byte's range depends on
// the lead (no overlongs, no surrogates, nothing above U+10FFFF), and a
// sequence ends as invalid just before the first byte that cannot continue it.
function scanUtf8(bytes: Uint8Array, p: number, end: number): Step {
  const lead = bytes[p]!
  if (lead < 0x80) return lead === 0 ? invalid(1) : step(1, 1)
  let more: number
  let low = 0x80
  let high = 0xbf
  if (lead >= 0xc2 && lead <= 0xdf) more = 1
  else if (lead >= 0xe0 && lead <= 0xef) {
    more = 2
    if (lead === 0xe0) low = 0xa0
    if (lead === 0xed) high = 0x9f
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    more = 3
    if (lead === 0xf0) low = 0x90
    if (lead === 0xf4) high = 0x8f
  } else return invalid(1)
  for (let i = 1; i <= more; i++) {
    const next = p + i < end ? bytes[p + i]! : -1
    if (next < low || next > high) return invalid(i)
    low = 0x80
    high = 0xbf
  }
  return step(more + 1, more === 3 ? 2 : 1)
}

function scanUtf16(bytes: Uint8Array, p: number, end: number, le: boolean): Step {
  if (p + 1 >= end) return invalid(1)
  const unit = readUnit(bytes, p, le)
  if (unit === 0) return invalid(2)
  if (unit < 0xd800 || unit > 0xdfff) return step(2, 1)
  if (unit >= 0xdc00) return invalid(2)
  // A high surrogate cut off by the end is one error with whatever follows it (WHATWG).
  if (p + 3 >= end) return invalid(end - p)
  const next = readUnit(bytes, p + 2, le)
  return next >= 0xdc00 && next <= 0xdfff ? step(4, 2) : invalid(2)
}

function readUnit(bytes: Uint8Array, p: number, le: boolean): number {
  return le ? bytes[p]! | (bytes[p + 1]! << 8) : (bytes[p]! << 8) | bytes[p + 1]!
}

// GB18030, following the WHATWG decoder. Two-byte codes are looked up in a
// table built from the native decoder itself, so scanner and decoder agree.
function scanGb18030(bytes: Uint8Array, p: number, end: number): Step {
  const lead = bytes[p]!
  if (lead < 0x80) return lead === 0 ? invalid(1) : step(1, 1)
  if (lead === 0x80) return step(1, 1) // U+20AC, as in GBK/WHATWG
  if (lead === 0xff || p + 1 >= end) return invalid(1)
  const second = bytes[p + 1]!
  if (second >= 0x30 && second <= 0x39) return scanGb18030FourBytes(bytes, p, end)
  const units = (gb18030Table ?? doubleByteTable('gb18030'))[(lead - 0x81) * 256 + second]!
  if (units !== 0) return step(2, units)
  return invalid(second < 0x80 ? 1 : 2) // an ASCII byte is not swallowed
}

function scanGb18030FourBytes(bytes: Uint8Array, p: number, end: number): Step {
  if (p + 2 >= end) return invalid(end - p)
  const third = bytes[p + 2]!
  if (third < 0x81 || third > 0xfe) return invalid(1)
  if (p + 3 >= end) return invalid(3)
  const fourth = bytes[p + 3]!
  if (fourth < 0x30 || fourth > 0x39) return invalid(1)
  const pointer = (((bytes[p]! - 0x81) * 10 + (bytes[p + 1]! - 0x30)) * 126 + (third - 0x81)) * 10 + (fourth - 0x30)
  if (pointer <= 39419) return step(4, 1) // BMP
  if (pointer >= 189000 && pointer <= 1237575) return step(4, 2) // U+10000 … U+10FFFF
  return invalid(4)
}

// Big5 (WHATWG, i.e. with HKSCS): a lead 0x81–0xFE and a trail byte; some
// codes decode to astral characters or to two code points, hence the table.
function scanBig5(bytes: Uint8Array, p: number, end: number): Step {
  const lead = bytes[p]!
  if (lead < 0x80) return lead === 0 ? invalid(1) : step(1, 1)
  if (lead === 0x80 || lead === 0xff || p + 1 >= end) return invalid(1)
  const trail = bytes[p + 1]!
  const units = (big5Table ?? doubleByteTable('big5'))[(lead - 0x81) * 256 + trail]!
  if (units !== 0) return step(2, units)
  return invalid(trail < 0x80 ? 1 : 2)
}

// Built on first use (a few milliseconds); module-level so the hot loops pay no lookup.
let gb18030Table: Uint8Array | undefined
let big5Table: Uint8Array | undefined

function doubleByteTable(encoding: 'gb18030' | 'big5'): Uint8Array {
  if (encoding === 'gb18030') return (gb18030Table ??= measureDoubleByteCodes(encoding))
  return (big5Table ??= measureDoubleByteCodes(encoding))
}

/**
 * UTF-16 units of each two-byte code (lead 0x81–0xFE × any trail; 0 =
 * invalid), measured once by decoding every code between newlines, so that
 * the scanner agrees with the decoder by construction.
 */
function measureDoubleByteCodes(encoding: 'gb18030' | 'big5'): Uint8Array {
  const codes: number[] = []
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push(lead * 256 + trail)
  }
  const probe = new Uint8Array(codes.length * 3)
  codes.forEach((code, i) => probe.set([code >> 8, code & 0xff, 0x0a], i * 3))
  const decoded =
    encoding === 'big5'
      ? iconv.decode(Buffer.from(probe), 'big5', {stripBOM: false})
      : new TextDecoder('gb18030').decode(probe)
  const parts = decoded.split('\n')
  if (parts.length !== codes.length + 1) throw new Error(`internal: ${encoding} probe misaligned`)
  const table = new Uint8Array(126 * 256)
  codes.forEach((code, i) => {
    const part = parts[i]!
    if (!part.includes('\uFFFD') && part.length > 0) table[code - 0x8100] = part.length
  })
  return table
}

// ------------------------------------------------------------ explaining errors

function explainUtf8(bytes: Uint8Array, p: number, length: number, end: number): string {
  const lead = bytes[p]!
  if (lead === 0) return 'NUL byte (U+0000 is not text)'
  if (lead >= 0x80 && lead <= 0xbf) return `unexpected UTF-8 continuation byte ${hexByte(lead)}`
  if (lead === 0xc0 || lead === 0xc1 || lead >= 0xf5) return `byte ${hexByte(lead)} never occurs in UTF-8`
  if (p + length === end) return `UTF-8 sequence ${hexBytes(bytes, p, length)} cut off by the end of the input`
  return `invalid UTF-8 sequence ${hexBytes(bytes, p, length)} (not continued by ${hexByte(bytes[p + length]!)})`
}

function explainUtf16(bytes: Uint8Array, p: number, length: number, end: number, le: boolean): string {
  if (length === 1) return 'odd trailing byte: UTF-16 needs whole two-byte code units'
  const unit = readUnit(bytes, p, le)
  if (unit === 0) return 'NUL code unit (U+0000 is not text)'
  if (unit >= 0xdc00) return `unpaired low surrogate ${hexUnit(unit)}`
  return p + length === end
    ? `high surrogate ${hexUnit(unit)} cut off by the end of the input`
    : `unpaired high surrogate ${hexUnit(unit)}`
}

function explainDoubleByte(name: string, bytes: Uint8Array, p: number, length: number, end: number): string {
  const lead = bytes[p]!
  if (lead === 0) return 'NUL byte (U+0000 is not text)'
  const sequence = hexBytes(bytes, p, length)
  if (p + length === end && length < 4 && lead >= 0x81 && lead <= 0xfe) {
    return `${name} sequence ${sequence} cut off by the end of the input`
  }
  if (length === 1 && (lead < 0x81 || lead > 0xfe)) return `byte ${sequence} is not used in ${name}`
  if (length === 1) return `${name} lead byte ${sequence} not followed by a valid trail byte (${hexByte(bytes[p + 1]!)})`
  return `${sequence} is not an assigned ${name} character`
}

function hex(offset: number): string {
  return `0x${offset.toString(16)}`
}

function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
}

function hexUnit(unit: number): string {
  return `0x${unit.toString(16).toUpperCase()}`
}

function hexBytes(bytes: Uint8Array, p: number, length: number): string {
  return Array.from(bytes.subarray(p, p + length), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}

// ------------------------------------------------------------ decoding

/** Fast path: no NUL and the native decoder accepts everything. */
function decodeFast(bytes: Uint8Array, start: number, codec: Codec): DecodedText | undefined {
  if (firstNul(bytes, start, bytes.length, codec.name) !== -1) return undefined
  try {
    return {text: codec.decodeValid(bytes.subarray(start)), issues: []}
  } catch {
    return undefined
  }
}

function decodeAll(bytes: Uint8Array, start: number, codec: Codec): DecodedText {
  return decodeFast(bytes, start, codec) ?? decodeRange(bytes, start, bytes.length, codec)
}

/** Native decoding works on chunks of about this many bytes, cut at character boundaries. */
const CHUNK_BYTES = 64 * 1024

/**
 * Slow path: the scanner finds every invalid sequence; each chunk is copied
 * with `?` in their place, decoded natively in one call, and the `?` at the
 * positions the scanner predicted become U+FFFD. The prediction is checked,
 * so the scanner and the native decoder cannot drift apart silently.
 */
function decodeRange(bytes: Uint8Array, start: number, end: number, codec: Codec): DecodedText {
  const parts: string[] = []
  const issues: DecodeIssue[] = []
  const scratch = new Uint8Array(CHUNK_BYTES + 8)
  let p = start
  while (p < end) {
    const chunkStart = p
    const holes: number[] = [] // text offsets (in this chunk) of invalid sequences
    let written = 0 // bytes already copied to scratch
    let runStart = p // first byte of the valid run not yet copied
    let units = 0
    while (p < end && written + (p - runStart) < CHUNK_BYTES) {
      const s = codec.scan(bytes, p, end)
      const length = s & LENGTH
      if (s & INVALID) {
        scratch.set(bytes.subarray(runStart, p), written)
        written += p - runStart
        scratch.set(codec.placeholder, written)
        written += codec.placeholder.length
        holes.push(units)
        issues.push({byteOffset: p, byteLength: length, reason: codec.explain(bytes, p, length, end)})
        runStart = p + length
      }
      units += s >> UNITS_SHIFT & 0b11
      p += length
    }
    let text: string
    if (holes.length === 0) text = codec.decodeValid(bytes.subarray(chunkStart, p))
    else {
      scratch.set(bytes.subarray(runStart, p), written)
      written += p - runStart
      text = codec.decodeValid(scratch.subarray(0, written))
    }
    parts.push(...fillHoles(text, holes, units, codec, chunkStart))
  }
  return {text: parts.join(''), issues}
}

function fillHoles(text: string, holes: number[], units: number, codec: Codec, chunkStart: number): string[] {
  if (text.length !== units || holes.some((h) => text.charCodeAt(h) !== 0x3f)) {
    throw new Error(`internal: ${codec.name} scanner and decoder disagree in the chunk at byte ${chunkStart}`)
  }
  const out: string[] = []
  let from = 0
  for (const hole of holes) {
    out.push(text.slice(from, hole), '\uFFFD')
    from = hole + 1
  }
  out.push(text.slice(from))
  return out
}

// ------------------------------------------------------------ text index → byte offset

/**
 * One checkpoint per this many UTF-16 units: 50 MB of Chinese UTF-8 text
 * (17 M units) needs ~33,000, under 1 MB; a random lookup rescans ≤ 512 characters.
 */
const CHECKPOINT_UNITS = 512

/**
 * Maps a text index to a byte offset. Fixed-width cases are computed;
 * otherwise a sparse table of (unit, byte) pairs at character boundaries is
 * built on first use, and the scanner walks forward from the nearest one
 * (or from the last answer, which makes in-order lookups cheap).
 */
class OffsetMap {
  private readonly end: number
  private units: number[] | undefined
  private offsets: number[] = []
  private cursorUnit = 0
  private cursorByte: number

  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly codec: Codec,
    private readonly decoded: DecodedText
  ) {
    this.end = bytes.length
    this.cursorByte = start
  }

  byteOffset(index: number): number {
    const length = this.decoded.text.length
    if (!Number.isInteger(index) || index < 0 || index > length) {
      throw new RangeError(`byteOffset: index ${index} is outside the text (0…${length})`)
    }
    if (index === length) return this.end
    const name = this.codec.name
    if (name === 'utf-16le' || name === 'utf-16be') return this.start + 2 * this.charStart(index)
    // Every character one byte: only ASCII (and invalid single bytes).
    if (name === 'utf-8' && this.end - this.start === length) return this.start + index
    return this.walk(index)
  }

  /** Steps back from the low half of a surrogate pair (valid pairs only: lone ones became U+FFFD). */
  private charStart(index: number): number {
    const text = this.decoded.text
    const unit = text.charCodeAt(index)
    const before = index > 0 ? text.charCodeAt(index - 1) : 0
    return unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? index - 1 : index
  }

  /**
   * Valid UTF-8 is read back from the text: each character's byte length follows from its
   * code point, so no byte needs scanning (the scanner agrees, on valid input only).
   */
  private get fromText(): boolean {
    return this.codec.name === 'utf-8' && this.decoded.issues.length === 0
  }

  /** The character at text index `u`, in the UTF-16 units it takes (bits 3–4) and UTF-8 bytes (bits 0–2), as `scan` packs them. */
  private textStep(u: number): Step {
    const text = this.decoded.text
    const code = text.charCodeAt(u)
    if (code < 0x80) return step(1, 1)
    if (code < 0x800) return step(2, 1)
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(u + 1)
      if (low >= 0xdc00 && low <= 0xdfff) return step(4, 2)
    }
    return step(3, 1)
  }

  private walk(index: number): number {
    const units = this.checkpoints()
    const k = lastAtOrBelow(units, index)
    let u = units[k]!
    let p = this.offsets[k]!
    if (this.cursorUnit <= index && this.cursorUnit > u) {
      u = this.cursorUnit
      p = this.cursorByte
    }
    const fromText = this.fromText
    for (;;) {
      const s = fromText ? this.textStep(u) : this.codec.scan(this.bytes, p, this.end)
      const next = u + (s >> UNITS_SHIFT & 0b11)
      if (next > index) break
      u = next
      p += s & LENGTH
    }
    this.cursorUnit = u
    this.cursorByte = p
    return p
  }

  private checkpoints(): number[] {
    if (this.units) return this.units
    const units: number[] = []
    const offsets: number[] = []
    let u = 0
    let p = this.start
    let nextCheckpoint = 0
    const fromText = this.fromText
    while (p < this.end) {
      if (u >= nextCheckpoint) {
        units.push(u)
        offsets.push(p)
        nextCheckpoint = u + CHECKPOINT_UNITS
      }
      const s = fromText ? this.textStep(u) : this.codec.scan(this.bytes, p, this.end)
      u += s >> UNITS_SHIFT & 0b11
      p += s & LENGTH
    }
    if (u !== this.decoded.text.length) {
      throw new Error(`internal: ${this.codec.name} scanner counts ${u} units, the text has ${this.decoded.text.length}`)
    }
    this.units = units
    this.offsets = offsets
    return units
  }
}

/** Index of the last element ≤ value in an ascending array whose first element is ≤ value. */
function lastAtOrBelow(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid]! <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}
