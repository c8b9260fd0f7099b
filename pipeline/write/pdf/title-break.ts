/**
 * Breaking a title (GB/T 9704 7.3.1: a title that takes several lines is broken
 * so that each line keeps its sense whole). A title breaks only after 和 / 及 /
 * 与 / 的 / 、 or before 关于, never inside a name of the gazetteers
 * (`rules/countries.ts`, `places.ts`, `organizations.ts`: 大不列颠及北爱尔兰联合王国,
 * 阿拉伯也门共和国, 卡塔尔国), choosing the fewest lines and, among those, the
 * most even ones. Only a phrase wider than a whole line is broken elsewhere,
 * and then still never inside a name.
 */
import {matchCountryAt} from '../../rules/countries.js'
import {matchOrganizationAt} from '../../rules/organizations.js'
import {matchPlaceAt} from '../../rules/places.js'
import {breakBalanced, breakLines, canBreakBetween, tokenize, type BreakOptions, type BrokenLine} from './linebreak.js'

const AFTER = new Set(['和', '及', '与', '與', '的', '、', '，'])
const BEFORE = ['关于', '關於']

/** Spans of `text` that are names of the gazetteers, longest match first, left to right. */
export function nameSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let index = 0
  while (index < text.length) {
    let length = 0
    for (const match of [matchCountryAt(text, index), matchPlaceAt(text, index), matchOrganizationAt(text, index)]) {
      if (match && match.name.length > length) length = match.name.length
    }
    if (length > 0) {
      spans.push([index, index + length])
      index += length
    } else index++
  }
  return spans
}

/** Offsets where the title may break: after 和/及/与/的, before 关于, outside every name. */
export function titleBreaks(text: string): number[] {
  const spans = nameSpans(text)
  const inside = (offset: number) => spans.some(([start, end]) => offset > start && offset < end)
  const breaks: number[] = []
  for (let index = 1; index < text.length; index++) {
    const before = text.charAt(index - 1)
    const preferred =
      (AFTER.has(before) && !(before === '和' && (text.charAt(index - 2) === '共' || text.charAt(index) === '国' || text.charAt(index) === '國'))) ||
      BEFORE.some((word) => text.startsWith(word, index))
    if (preferred && !inside(index) && canBreakBetween(before, text.charAt(index))) breaks.push(index)
  }
  return breaks
}

/** Tokens of `text` with every gazetteer name kept whole. */
export function tokensKeepingNames(text: string): string[] {
  const tokens: string[] = []
  let last = 0
  for (const [start, end] of nameSpans(text)) {
    if (start > last) tokens.push(...tokenize(text.slice(last, start)))
    tokens.push(text.slice(start, end))
    last = end
  }
  if (last < text.length) tokens.push(...tokenize(text.slice(last)))
  return tokens
}

/** Lines of a centred title. */
export function breakTitle(text: string, options: BreakOptions): BrokenLine[] {
  const width = options.width
  const cuts = [0, ...titleBreaks(text), text.length]
  // A phrase wider than a line is broken inside (never inside a name), its pieces then joined as phrases.
  const phrases = cuts.slice(1).flatMap((end, i) => {
    const phrase = text.slice(cuts[i], end)
    if (options.measure(phrase) <= width + 0.01) return [phrase]
    return breakLines(phrase, {...options, tokens: tokensKeepingNames(phrase), firstOffset: 0}).map((line) => line.text)
  })
  const widths = phrases.map((phrase) => options.measure(phrase))
  if (widths.every((w) => w <= width + 0.01)) {
    // Fewest lines, then the smallest widest line: a small DP over the phrase boundaries.
    const n = phrases.length
    const best: Array<{lines: number; widest: number; from: number} | null> = [{lines: 0, widest: 0, from: -1}]
    for (let end = 1; end <= n; end++) {
      best[end] = null
      let lineWidth = 0
      for (let start = end - 1; start >= 0; start--) {
        lineWidth += widths[start]!
        if (lineWidth > width + 0.01) break
        const previous = best[start]
        if (!previous) continue
        const candidate = {lines: previous.lines + 1, widest: Math.max(previous.widest, lineWidth), from: start}
        const current = best[end]
        if (!current || candidate.lines < current.lines || (candidate.lines === current.lines && candidate.widest < current.widest - 0.01)) best[end] = candidate
      }
    }
    const lines: BrokenLine[] = []
    for (let end = n; end > 0; ) {
      const step = best[end]!
      const lineText = phrases.slice(step.from, end).join('')
      lines.unshift({text: lineText, natural: widths.slice(step.from, end).reduce((a, b) => a + b, 0), available: width, justify: false})
      end = step.from
    }
    return lines
  }
  // A single token wider than a line (a very long name): balanced breaking, names still whole.
  return breakBalanced(text, {...options, tokens: tokensKeepingNames(text)})
}
