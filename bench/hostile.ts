/**
 * Hostile inputs for the benchmark (`make bench`, full sizes) and the
 * robustness tests (`test/hostile.test.ts`, scaled down through `sizes`).
 * Each must give sane output or a clear error naming the file, in time linear
 * in the input and bounded memory.
 *
 * The project issue's list, one case each: an empty file, whitespace only,
 * binary (NUL bytes; an image renamed `.txt`), 50 MB of text, one 10 MB line
 * with no structure, 100,000 `一、` in a row, debris repeated a million times.
 * Extra cases: the 50 MB text in GB18030 (the legacy decoding path), NUL bytes
 * past the binary-sniffing window (replaced and reported, not fatal), 100,000
 * `一、` one a line (100,000 articles), and a long run of U+3000 on one line.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import iconv from 'iconv-lite'

export interface HostileCase {
  name: string
  /** What the case is, for reports. */
  what: string
  make(): Uint8Array
}

export interface HostileSizes {
  /** Bytes of seed text repeated (`text-*`, `gb18030-*`). */
  textBytes: number
  /** Bytes of the one line without structure. */
  lineBytes: number
  /** How many `一、` in a row. */
  dunCount: number
  /** How many repetitions of the debris unit. */
  debrisCount: number
  /** Length of the run of U+3000 on one line (`u3000-run-*`). */
  spaceRun: number
}

const MiB = 2 ** 20

/** The sizes of the project issue. */
export const FULL_SIZES: HostileSizes = {
  textBytes: 50 * MiB,
  lineBytes: 10 * MiB,
  dunCount: 100_000,
  debrisCount: 1_000_000,
  // Paragraph runs are how pages lay out text; a million on one line catches any polynomial pattern.
  spaceRun: 1_000_000
}

/** The debris unit repeated by `debris-*`: page chrome the cleaner removes. */
export const DEBRIS_UNIT = '[字体：大 中 小]      打印本页'

/** The one unstructured line of `line-*`. */
export const LINE_UNIT = '双方同意加强合作和交流并促进发展'

/** A PNG header (signature, IHDR) followed by pixel-like bytes, as an image renamed `.txt` starts. */
export const PNG_BYTES: Uint8Array = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0,
  ...Array.from({length: 200}, (_, i) => (i * 37 + 7) & 0xff)
])

let seedText: string | null = null

/** The seed, found from the project root (works from `bench/` under tsx/vitest and from `dist/bench/`). */
export function seedSource(): string {
  if (seedText !== null) return seedText
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(dir, 'sources', '000_c69a6c577a452886.txt')
    if (existsSync(candidate)) return (seedText = readFileSync(candidate, 'utf8'))
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('Cannot find sources/000_c69a6c577a452886.txt above bench/')
    dir = parent
  }
}

export function hostileCases(sizes: Partial<HostileSizes> = {}): HostileCase[] {
  const s: HostileSizes = {...FULL_SIZES, ...sizes}
  const mib = (bytes: number): string => (bytes >= MiB ? `${+(bytes / MiB).toFixed(2)}MiB` : `${+(bytes / 1024).toFixed(0)}KiB`)
  const count = (n: number): string => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n))
  return [
    {name: 'empty', what: 'an empty file', make: () => new Uint8Array(0)},
    {name: 'whitespace', what: 'whitespace only (spaces, U+3000, tabs, CR/LF)', make: () => Buffer.from(' \n\u3000\t\r\n'.repeat(1000))},
    {
      name: 'binary-nul',
      what: 'NUL bytes in the first KiB',
      make: () => Buffer.concat([Buffer.from('中文'), Buffer.alloc(64), Buffer.from('text')])
    },
    {name: 'png-as-txt', what: 'a PNG image renamed .txt', make: () => Uint8Array.from(PNG_BYTES)},
    {
      name: 'nul-late',
      what: 'the seed with NUL bytes after the first 8 KiB (replaced and reported, not binary)',
      make: () => {
        const seed = Buffer.from(seedSource())
        // After a full stop past the 8 KiB sniffing window (the seed is one line).
        const cut = seed.indexOf(Buffer.from('。'), 9000) + Buffer.byteLength('。')
        return Buffer.concat([seed.subarray(0, cut), Buffer.alloc(16), seed.subarray(cut)])
      }
    },
    {name: `text-${mib(s.textBytes)}`, what: 'seed text repeated, one copy a line (UTF-8)', make: () => repeatTo(Buffer.from(seedSource() + '\n'), s.textBytes)},
    {
      name: `gb18030-${mib(s.textBytes)}`,
      what: 'seed text repeated, one copy a line (GB18030)',
      make: () => repeatTo(iconv.encode(seedSource() + '\n', 'gb18030'), s.textBytes)
    },
    {name: `line-${mib(s.lineBytes)}`, what: 'one line without structure', make: () => repeatTo(Buffer.from(LINE_UNIT), s.lineBytes)},
    {name: `dun-${count(s.dunCount)}`, what: '一、 in a row', make: () => Buffer.from('一、'.repeat(s.dunCount))},
    {name: `debris-${count(s.debrisCount)}`, what: 'page chrome repeated', make: () => Buffer.from(DEBRIS_UNIT.repeat(s.debrisCount))},
    {
      name: `dun-lines-${count(s.dunCount)}`,
      what: '一、 in a row, one a line (each an article numbered 1)',
      make: () => Buffer.from('一、\n'.repeat(s.dunCount))
    },
    {
      // Paragraphs are marked by runs of U+3000; a long run on one line is where
      // backtracking patterns (several adjacent `[ \u3000]*`) go polynomial.
      name: `u3000-run-${count(s.spaceRun)}`,
      what: 'one line of ideographic spaces, then text',
      make: () => Buffer.from('\u3000'.repeat(s.spaceRun) + '双方同意加强合作。')
    }
  ]
}

/** Whole copies of `unit` adding up to at most `bytes` (at least one copy). */
function repeatTo(unit: Uint8Array, bytes: number): Uint8Array {
  const copies = Math.max(1, Math.floor(bytes / unit.byteLength))
  const out = new Uint8Array(copies * unit.byteLength)
  for (let i = 0; i < copies; i++) out.set(unit, i * unit.byteLength)
  return out
}
