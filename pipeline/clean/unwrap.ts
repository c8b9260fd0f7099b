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
const MIN_WIDTH = 20
const SLACK = 4
const MAX_WIDTH = 200

export function unwrapLines(input: MappedText): MappedText {
  const text = input.text
  const lines = lineSpans(text)
  const width = wrapWidth(text, lines)
  if (width === null) return input
  let builder: ReturnType<MappedText['edit']> | undefined
  for (let i = 0; i + 1 < lines.length; i++) {
    const [start, end] = lines[i]!
    const line = text.slice(start, end)
    if (displayWidth(line.trimEnd()) < width - SLACK) continue
    // The next line with text: page numbers removed before this pass leave blank lines behind.
    let j = i + 1
    while (j < lines.length && text.slice(lines[j]![0], lines[j]![1]).trim() === '') j++
    if (j >= lines.length || j - i > 3) continue
    const next = text.slice(lines[j]![0], lines[j]![1])
    if (/^[ \t\u3000\u00a0]/.test(next) || matchNumber(next) !== null) continue
    const last = line.trimEnd().slice(-1)
    const first = next[0]!
    builder ??= input.edit()
    const breakStart = start + line.trimEnd().length
    const breakEnd = lines[j]![0]
    builder.keep(builder.cursor, breakStart)
    builder.replace(breakStart, breakEnd, /[A-Za-z0-9,;]/.test(last) && /[A-Za-z0-9(]/.test(first) ? ' ' : '')
  }
  return builder ? builder.finish() : input
}

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
 * The display width most lines reach, when the page is wrapped; else null:
 * the width W with the most lines in [W - SLACK, W], if they are at least
 * WRAPPED_SHARE of the lines and three or more.
 */
function wrapWidth(text: string, lines: Array<[number, number]>): number | null {
  const widths = lines.map(([s, e]) => displayWidth(text.slice(s, e).trim())).filter((w) => w > 0)
  if (widths.length < MIN_LINES) return null
  const counts = new Map<number, number>()
  for (const w of widths) if (w >= MIN_WIDTH && w <= MAX_WIDTH) counts.set(w, (counts.get(w) ?? 0) + 1)
  let best: number | null = null
  let bestCount = 0
  for (const w of counts.keys()) {
    let near = 0
    for (let d = 0; d <= SLACK; d++) near += counts.get(w - d) ?? 0
    if (near > bestCount || (near === bestCount && best !== null && w > best)) {
      best = w
      bestCount = near
    }
  }
  return best !== null && bestCount >= 3 && bestCount / widths.length >= WRAPPED_SHARE ? best : null
}

/** Columns a line takes: two for wide (CJK) characters, one for the rest. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) || char.codePointAt(0)! > 0xffff ? 2 : 1
  return width
}
