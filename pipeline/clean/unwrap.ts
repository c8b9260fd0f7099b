/**
 * Hard-wrapped text (PDF-to-text, forum reposts of newspaper columns): lines
 * broken at a fixed width inside paragraphs. When most lines of a page share
 * one display width, a line that reaches that width continues on the next line
 * unless the next one is indented or opens a numbered item: the line break is
 * dropped between Han characters and becomes a space between Latin words.
 * Nothing is removed (a line break is layout); the map to the source stays exact.
 */
import type {MappedText} from '../text/mapped-text.js'
import {matchNumber} from '../rules/numbering.js'

/** Share of lines that must reach the common width for a page to count as wrapped. */
const WRAPPED_SHARE = 0.3
const MIN_LINES = 4
const MIN_CUT_LINES = 4
/** Share of lines allowed past the common length (a heading or a lead the wrap did not touch). */
const LONGER_SHARE = 0.15
const MIN_LENGTH = 16
const MAX_LENGTH = 200
/** Kinsoku may push a character to the next line; a width may differ by a half-width character or two. */
const CHAR_SLACK = 2
const SLACK = 4

export function unwrapLines(input: MappedText): MappedText {
  const text = input.text
  const lines = lineSpans(text)
  const trimmed = lines.map(([s, e]) => text.slice(s, e).trim())
  // A row of columns (a signature grid padded to one width) is no evidence of wrapping: it is not counted.
  const prose = trimmed.map((line) => (COLUMN_GAP.test(line) ? '' : line))
  // Lines wrap at a number of characters or at a width (CJK counts two): either shows as a common length.
  const chars = commonLength(prose.map((l) => [...l].length), CHAR_SLACK)
  const width = commonLength(prose.map(displayWidth), SLACK)
  if (chars === null && width === null) return input
  const full = (line: string): boolean =>
    (chars !== null && [...line].length >= chars - CHAR_SLACK) || (width !== null && displayWidth(line) >= width - SLACK)
  // Wrapping cuts sentences: most full lines of a wrapped page end mid-sentence. A page of short
  // headings and cells that happen to share a length does not.
  const fullLines = prose.filter((l) => l.length > 0 && full(l))
  const cut = fullLines.filter((l) => !/[。！？；：.!?;:）)」』”]$/.test(l)).length
  if (cut < MIN_CUT_LINES || cut < 0.6 * fullLines.length) return input
  let builder: ReturnType<MappedText['edit']> | undefined
  for (let i = 0; i + 1 < lines.length; i++) {
    const [start, end] = lines[i]!
    const line = text.slice(start, end)
    if (!full(line.trim())) continue
    // The next line with text: page numbers removed before this pass leave blank lines behind.
    let j = i + 1
    while (j < lines.length && trimmed[j] === '') j++
    if (j >= lines.length || j - i > 3) continue
    const next = text.slice(lines[j]![0], lines[j]![1])
    // An indent (U+3000, NBSP, a tab, two spaces) opens a paragraph; one space is where the wrap fell.
    if (/^(?:[\t\u3000\u00a0]| {2})/.test(next) || matchNumber(next.trimStart()) !== null) continue
    const last = line.trimEnd().slice(-1)
    const first = next.trimStart()[0] ?? ''
    builder ??= input.edit()
    const breakStart = start + line.trimEnd().length
    const breakEnd = lines[j]![0] + (next.length - next.trimStart().length)
    builder.keep(builder.cursor, breakStart)
    // Between words a wrap was a space; inside a number or between Han characters it was nothing.
    builder.replace(breakStart, breakEnd, /[A-Za-z,;.:]/.test(last) && /[A-Za-z0-9(]/.test(first) ? ' ' : '')
  }
  return builder ? builder.finish() : input
}

/** Columns inside a line: three spaces or a tab between two cells, or two ideographic spaces. */
const COLUMN_GAP = /\S(?:[ \t]*\t[ \t]*| {3,}|[ \u3000]*\u3000[ \u3000]*\u3000[ \u3000]*)\S/u

function lineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    spans.push([start, i])
    start = i + 1
  }
  spans.push([start, text.length])
  return spans
}

/**
 * The length most lines reach when the page is wrapped, else null: the length
 * L with the most lines in [L - slack, L], if they are at least WRAPPED_SHARE
 * of the lines with text and three or more.
 */
function commonLength(lengths: readonly number[], slack: number): number | null {
  const counted = lengths.filter((n) => n > 0)
  if (counted.length < MIN_LINES) return null
  const counts = new Map<number, number>()
  for (const n of counted) if (n >= MIN_LENGTH && n <= MAX_LENGTH) counts.set(n, (counts.get(n) ?? 0) + 1)
  let best: number | null = null
  let bestCount = 0
  for (const n of counts.keys()) {
    let near = 0
    for (let d = 0; d <= slack; d++) near += counts.get(n - d) ?? 0
    if (near > bestCount || (near === bestCount && best !== null && n > best)) {
      best = n
      bestCount = near
    }
  }
  if (best === null || bestCount < 3 || bestCount / counted.length < WRAPPED_SHARE) return null
  // The wrap width is where lines stop: few lines may run past it.
  const longer = counted.filter((n) => n > best! + slack).length
  return longer <= LONGER_SHARE * counted.length ? best : null
}

/** Columns a line takes: two for wide (CJK) characters, one for the rest. */
function displayWidth(text: string): number {
  let width = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xdc00 && code <= 0xdfff) continue // the second half of a pair was counted with the first
    const wide =
      (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xd800 && code <= 0xdbff) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
    width += wide ? 2 : 1
  }
  return width
}
