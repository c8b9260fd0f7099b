/**
 * The line breaker: Chinese text on a fixed character grid, with kinsoku
 * (禁则) and full justification.
 *
 * pdfkit's own wrapping keeps kinsoku but cannot justify CJK (its `justify`
 * only stretches spaces, pdfkit #1293), so lines are broken here and each is
 * drawn on its own, stretched through character spacing. Greedy: fill a line
 * with tokens while they fit; when the next token does not fit, move the break
 * back until no line starts with a closing mark (`，。、；：？！）》”`…) and
 * none ends with an opening one (`（《“`…): push-out (追い出し), never
 * squeezing, so every character keeps its grid cell.
 *
 * Tokens are the segments between the break opportunities of UAX #14 (the
 * `linebreak` package pdfkit itself uses): one per Han character, a Latin word
 * or number (`G20`, `2015`, `3.5%`) whole, a doubled dash or ellipsis (`——`,
 * `……`) whole. A space belongs to the word before it, so no line ever starts
 * with one; at the end of a line it takes no width. A line with spaces between
 * its words is justified by widening them (English), a line without by spacing
 * the characters (Chinese).
 */
import LineBreaker from 'linebreak'

/** Characters that may not start a line. */
export const NO_START = new Set(Array.from(
  '，。、；：？！）》”’〉」』】〕〗］｝…—·・‥％〃々〆ゝゞー' + ',.;:?!)]}%' + '－～'
))

/** Closing marks whose glyph fills only half its cell (squeezable at a line end). */
export const SQUEEZABLE = new Set(Array.from('，。、；：？！）》”’'))

/** Characters that may not end a line. */
export const NO_END = new Set(Array.from('（《“‘〈「『【〔〖［｛' + '([{'))

/** Characters set one to a cell, each its own token (kinsoku decides where lines break). */
const CELL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Yi}\p{Script=Bopomofo}\p{Extended_Pictographic}\u3000-\u303F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026\u00B7\u2E80-\u2FFF]/u

/**
 * Split text into unbreakable tokens: one per CJK character (a doubled dash or ellipsis stays
 * whole), and the segments of UAX #14 inside every other run (Latin words and numbers whole).
 * A token of spaces only joins the token before it, so no line starts with a space.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  const push = (token: string) => {
    const last = tokens.length - 1
    if (last >= 0 && /^[ \t\u00a0]+$/u.test(token)) tokens[last] += token
    else tokens.push(token)
  }
  let run = ''
  const flush = () => {
    if (run === '') return
    const breaker = new LineBreaker(run)
    let last = 0
    for (let next = breaker.nextBreak(); next !== null; next = breaker.nextBreak()) {
      if (next.position > last) push(run.slice(last, next.position))
      last = next.position
    }
    if (last < run.length) push(run.slice(last))
    run = ''
  }
  const chars = Array.from(text)
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    if (!CELL.test(char)) {
      run += char
      continue
    }
    flush()
    if ((char === '—' || char === '…') && chars[i + 1] === char) {
      push(char + char)
      i++
    } else push(char)
  }
  flush()
  return tokens
}

/** Spaces at the end of a token (they hang at a line end and take no width there). */
export function trailingSpace(token: string): string {
  return /[ \t\u00a0]*$/u.exec(token)?.[0] ?? ''
}

export interface BreakOptions {
  /** Width available on a full line, in points. */
  width: number
  /** Width taken on the first line before the text (indent plus a number), in points. */
  firstOffset?: number
  /** Measure the natural width of a token, in points, spacing included. */
  measure(token: string): number
  /**
   * How much a closing mark may give up at the end of a line (its glyph sits in
   * one half of its cell): when the next token is such a mark and fits with
   * that much squeezed, it stays on the line, which is then set a little
   * tighter, instead of pushing a character out and setting the line loose.
   */
  squeeze?(token: string): number
  /** The tokens of the text, when the caller decides them (a title keeps names whole). */
  tokens?: readonly string[]
  /** Width of the spaces that end `token`: they hang past the end of a line and take no room there. */
  hang?(token: string): number
}

export interface BrokenLine {
  /** The characters of the line, exactly as in the input. */
  text: string
  /** Natural width of the line (sum of the token widths). */
  natural: number
  /** Width available to this line. */
  available: number
  /** True when the line is not the last of its paragraph (it is justified). */
  justify: boolean
}

const epsilon = 0.01

function lastChar(token: string): string {
  return token.slice(-1)
}

function firstChar(token: string): string {
  return Array.from(token)[0] ?? ''
}

/** True when a line may break between tokens `before` and `after`. */
export function canBreakBetween(before: string, after: string): boolean {
  return !NO_START.has(firstChar(after)) && !NO_END.has(lastChar(before))
}

/** Break `text` into lines (greedy with kinsoku push-out). Never drops or adds a character. */
export function breakLines(text: string, options: BreakOptions): BrokenLine[] {
  const tokens = options.tokens ? [...options.tokens] : tokenize(text)
  const widths = tokens.map((token) => options.measure(token))
  const hangs = tokens.map((token) => (options.hang && trailingSpace(token) !== '' ? options.hang(token) : 0))
  const lines: BrokenLine[] = []
  let start = 0
  let offset = options.firstOffset ?? 0
  while (start < tokens.length) {
    const available = options.width - offset
    let end = start
    let natural = 0
    while (end < tokens.length && (end === start || natural + (widths[end] ?? 0) - (hangs[end] ?? 0) <= available + epsilon)) {
      natural += widths[end] ?? 0
      end++
    }
    // Closing marks that fit once squeezed stay (unless what follows them may not start a line).
    if (options.squeeze && end > start) {
      let run = end
      let width = natural
      let squeezed = 0
      // Marks already at the end of the line can be squeezed too (`双方”` + `）`).
      for (let back = end - 1; back > start && options.squeeze(tokens[back] ?? '') > 0; back--) {
        squeezed += options.squeeze(tokens[back] ?? '')
      }
      while (run < tokens.length && options.squeeze(tokens[run] ?? '') > 0) {
        width += widths[run] ?? 0
        squeezed += options.squeeze(tokens[run] ?? '')
        run++
        const fits = width - squeezed <= available + epsilon
        if (!fits) break
        if (run === tokens.length || canBreakBetween(tokens[run - 1] ?? '', tokens[run] ?? '')) {
          natural = width
          end = run
          break
        }
      }
    }
    // The very first token may not fit at all: it still gets a line of its own.
    if (end < tokens.length) {
      let cut = end
      while (cut > start + 1 && !canBreakBetween(tokens[cut - 1] ?? '', tokens[cut] ?? '')) cut--
      if (canBreakBetween(tokens[cut - 1] ?? '', tokens[cut] ?? '')) end = cut
      natural = 0
      for (let index = start; index < end; index++) natural += widths[index] ?? 0
    }
    lines.push({text: tokens.slice(start, end).join(''), natural: natural - (hangs[end - 1] ?? 0), available, justify: end < tokens.length})
    start = end
    offset = 0
  }
  return lines
}

/**
 * Break a title into the fewest lines of about equal length (a centred title
 * reads better balanced than filled): the greedy line count at full width,
 * then the narrowest width that still gives that count.
 */
export function breakBalanced(text: string, options: BreakOptions): BrokenLine[] {
  const full = breakLines(text, options)
  if (full.length < 2) return full.map((line) => ({...line, justify: false}))
  let low = 0
  let high = options.width
  let best = full
  for (let step = 0; step < 24; step++) {
    const middle = (low + high) / 2
    const trial = breakLines(text, {...options, width: middle})
    if (trial.length <= full.length) {
      best = trial
      high = middle
    } else {
      low = middle
    }
  }
  return best.map((line) => ({...line, available: options.width, justify: false}))
}
