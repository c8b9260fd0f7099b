/**
 * Splits cleaned text into blocks: the runs of text between layout. A block
 * ends at a line break, a page break (`\f`, left by page chrome), or a run of
 * two or more spaces (U+3000, NBSP or ASCII: scraped pages mark paragraphs and
 * table columns that way). A single space stays inside its block (letter-spaced
 * names `江　泽　民`, English words).
 */

export type BreakKind = 'start' | 'page' | 'line' | 'gap'

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
    const kind: BreakKind | null = run.includes('\f') ? 'page' : /[\n\r\u2028\u2029]/.test(run) ? 'line' : run.length >= 2 ? 'gap' : null
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
