/**
 * Splits cleaned text into blocks: the runs of text between layout. A block
 * ends at a line break, a page break (`\f`, left by page chrome), or a run of
 * two or more spaces (U+3000, NBSP or ASCII: scraped pages mark paragraphs and
 * table columns that way). A single space stays inside its block (letter-spaced
 * names `江　泽　民`, English words), except where a page flattened its
 * paragraphs onto one line with single spaces: after a sentence end or a closing
 * bracket before Han text, and before a numbering (`。 第二条`, `： 一、`).
 */
import {matchNumber} from '../rules/numbering.js'

/** What came before a block: the input's start, a page break, a line break, a run of spaces, one space between flattened paragraphs. */
export type BreakKind = 'start' | 'page' | 'line' | 'gap' | 'space'

export interface Block {
  /** Offsets into the cleaned text; the block never starts or ends with whitespace. */
  start: number
  end: number
  text: string
  /** The layout before the block. */
  before: BreakKind
}

const LAYOUT = /[\s\u3000\u00a0\u200b\ufeff]+/gu

export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = []
  let pending: BreakKind = 'start'
  let blockStart = from
  LAYOUT.lastIndex = from
  for (let match = LAYOUT.exec(text); match && match.index < to; match = LAYOUT.exec(text)) {
    const runStart = match.index
    const runEnd = Math.min(runStart + match[0].length, to)
    const run = text.slice(runStart, runEnd)
    const kind: BreakKind | null = run.includes('\f')
      ? 'page'
      : /[\n\r\u2028\u2029]/.test(run)
        ? 'line'
        : run.length >= 2
          ? 'gap'
          : softBreak(text, runStart, runEnd)
            ? 'space'
            : null
    if (runStart === blockStart) {
      // Layout before the first block.
      if (kind === 'page') pending = 'page'
      blockStart = runEnd
      continue
    }
    if (kind === null && runEnd < to) continue
    blocks.push({start: blockStart, end: runStart, text: text.slice(blockStart, runStart), before: pending})
    pending = kind ?? 'gap'
    blockStart = runEnd
  }
  if (to > blockStart) blocks.push({start: blockStart, end: to, text: text.slice(blockStart, to), before: pending})
  return blocks
}

const SOFT_BEFORE = /[。！？；：）)」』”】]/
const HAN_OR_OPEN = /[\u3400-\u9fff（(【「“]/

/** A single space that separates paragraphs flattened onto one line. */
function softBreak(text: string, runStart: number, runEnd: number): boolean {
  const before = text[runStart - 1] ?? ''
  const after = text[runEnd] ?? ''
  if (SOFT_BEFORE.test(before) && HAN_OR_OPEN.test(after)) return true
  if (!/[\u3400-\u9fff。，；：）)]/.test(before)) return false
  const number = matchNumber(text.slice(runEnd, runEnd + 12))
  return number !== null && (number.style.id === 'tiao' || number.style.id === 'dun-hanzi' || number.style.id === 'paren-hanzi' || number.style.id === 'chapter')
}
