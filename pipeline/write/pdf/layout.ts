/**
 * Page geometry after GB/T 9704-2012 (党政机关公文格式), and pagination.
 *
 * A4; top margin (天头) 37 mm, left (订口) 28 mm; text block (版心) 156×225 mm;
 * body 3号 (16 pt) on a grid of 22 lines × 28 characters. 28 × 16 pt is wider
 * than 156 mm, so every character cell is 156/28 mm (tracking ≈ −0.21 pt) and
 * every line 225/22 mm (≈ 28.99 pt). Page numbers are 4号 (14 pt) `— n —`,
 * 7 mm under the text block, right on odd and left on even pages, one
 * character in from the block edge.
 */

export const MM = 72 / 25.4

export const geometry = {
  pageWidth: 210 * MM,
  pageHeight: 297 * MM,
  top: 37 * MM,
  left: 28 * MM,
  blockWidth: 156 * MM,
  blockHeight: 225 * MM,
  lines: 22,
  chars: 28,
  fontSize: 16,
  titleSize: 22,
  folioSize: 14,
  /** Distance from the bottom of the text block to the top of the page number. */
  folioGap: 7 * MM
} as const

/** Line pitch (一行). */
export const pitch = geometry.blockHeight / geometry.lines
/** Character cell (一字). */
export const cell = geometry.blockWidth / geometry.chars
/** Tracking that puts 16 pt characters on the 28-character grid. */
export const tracking = cell - geometry.fontSize

/** Top of grid line `slot` (0-based) on any page. */
export function slotTop(slot: number): number {
  return geometry.top + slot * pitch
}

/** Baseline for text of `size` set in grid line `slot`: the em box is centred in the line. */
export function baseline(slot: number, size: number): number {
  return slotTop(slot) + (pitch - size) / 2 + size * 0.88
}

// ---------------------------------------------------------------- pagination

/** What the paginator needs to know about a block. */
export interface Measured {
  /** Lines the block takes on the grid. */
  lines: number
  /** Blank grid lines before the block (dropped at the top of a page). */
  spaceBefore: number
  /** Never split the block across pages (signature block). */
  keepTogether: boolean
  /** Keep with the first lines of the next block (titles, enacting formulas, numbers). */
  keepWithNext: boolean
}

/** A run of lines of one block on one page. */
export interface Placement {
  block: number
  /** First line of the block in this run. */
  from: number
  /** One past the last line. */
  to: number
  /** Grid line of `from` on the page. */
  slot: number
}

/** Minimum lines of a paragraph left at the foot of a page (orphans) or carried to the next (widows). */
const minLines = 2

/**
 * Distribute blocks over pages of `capacity` grid lines. Rules, in order:
 * a block that does not fit and must stay together starts a new page; a
 * paragraph never leaves its first line alone at the foot (orphan) nor its last
 * line alone at the head (widow); a keep-with-next block (a title, an
 * enacting formula) moves with the first lines of what follows it.
 */
export function paginate(blocks: readonly Measured[], capacity: number = geometry.lines): Placement[][] {
  const pages: Placement[][] = [[]]
  let used = 0
  const newPage = () => {
    pages.push([])
    used = 0
  }
  const current = () => pages[pages.length - 1] as Placement[]

  /** Lines that must be on the same page as the start of block `index`. */
  const needed = (index: number): number => {
    const block = blocks[index]
    if (!block) return 0
    const head = block.keepTogether || block.lines <= minLines + 1 ? block.lines : minLines
    if (block.keepWithNext && index + 1 < blocks.length) {
      const next = blocks[index + 1]
      return block.lines + (next ? next.spaceBefore : 0) + needed(index + 1)
    }
    return head
  }

  blocks.forEach((block, index) => {
    const space = used === 0 ? 0 : block.spaceBefore
    const want = Math.min(needed(index), capacity)
    if (used > 0 && used + space + want > capacity) {
      newPage()
    } else {
      used += space
    }
    let from = 0
    while (from < block.lines) {
      const room = capacity - used
      const rest = block.lines - from
      if (rest <= room) {
        current().push({block: index, from, to: block.lines, slot: used})
        used += rest
        break
      }
      let take = room
      if (block.keepTogether) take = 0
      // Widow: do not carry a single line over.
      if (rest - take < minLines) take = rest - minLines
      // Orphan: do not leave fewer than two lines (of a paragraph start) here.
      if (take < minLines) take = 0
      if (take <= 0) {
        if (used === 0) {
          // Cannot do better than a full page.
          take = Math.min(room, rest)
        } else {
          newPage()
          continue
        }
      }
      current().push({block: index, from, to: from + take, slot: used})
      from += take
      newPage()
    }
  })
  if (pages.length > 1 && current().length === 0) pages.pop()
  return pages
}
