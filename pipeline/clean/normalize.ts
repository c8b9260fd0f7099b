/**
 * Layout and punctuation normalisation, so that the same document gives the
 * same structure whatever shape it was scraped in. Reads and writes a
 * `MappedText`; replacements keep one character for one, so positions stay exact.
 *
 * - ASCII `,:;?!()` between or next to Han characters become their full-width
 *   forms (a page whose punctuation was flattened to ASCII reads as the original).
 * - ASCII double quotes around Han text become “ and ”.
 *
 * `normalizeLineBreaks` runs first, before HTML and debris: CRLF becomes LF (the
 * CR is dropped: it is layout, and layout is covered by nothing) and a lone CR
 * or U+2028/U+2029 becomes LF one for one, so that the line-anchored debris rules
 * (`^…$` with the `m` flag, which JavaScript ends before `\n` only) and the
 * segmenter see one kind of line break whatever the page was saved with.
 */
import type {MappedText} from '../text/mapped-text.js'

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff'
const WIDE: Record<string, string> = {',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}
// Punctuation with Han (or CJK punctuation) on at least one side; digits stay ASCII (`2005-2009`, `3:1`).
const ASCII_PUNCT = new RegExp(`(?<=[${HAN}\\u3000-\\u303f\\uff01-\\uff5e])[,:;?!()]|[,:;?!()](?=[${HAN}\\u3000-\\u303f\\uff01-\\uff5e])`, 'g')
const ASCII_QUOTED = new RegExp(`"([^"\\n]{1,200}?)"`, 'g')
const HAS_HAN = new RegExp(`[${HAN}]`)

const LINE_BREAK = /\r\n?|[\u2028\u2029]/g

export function normalizeLineBreaks(input: MappedText): MappedText {
  if (!/[\r\u2028\u2029]/.test(input.text)) return input
  const builder = input.edit()
  for (const match of input.text.matchAll(LINE_BREAK)) {
    const start = match.index
    builder.keep(builder.cursor, start)
    // `\r\n`: drop the CR, keep the LF. `\r`, U+2028, U+2029: one LF for one character.
    if (match[0] === '\r\n') builder.replace(start, start + 1, '')
    else builder.replace(start, start + 1, '\n')
  }
  return builder.finish()
}

export function normalizeLayout(input: MappedText): MappedText {
  let text = input
  if (/[,:;?!()]/.test(text.text)) {
    let builder: ReturnType<MappedText['edit']> | undefined
    for (const match of text.text.matchAll(ASCII_PUNCT)) {
      builder ??= text.edit()
      builder.keep(builder.cursor, match.index)
      builder.replace(match.index, match.index + 1, WIDE[match[0]]!)
    }
    if (builder) text = builder.finish()
  }
  if (text.text.includes('"')) {
    let builder: ReturnType<MappedText['edit']> | undefined
    for (const match of text.text.matchAll(ASCII_QUOTED)) {
      if (!HAS_HAN.test(match[1]!)) continue
      const start = match.index
      const end = start + match[0].length
      builder ??= text.edit()
      builder.keep(builder.cursor, start)
      builder.replace(start, start + 1, '“')
      builder.keep(start + 1, end - 1)
      builder.replace(end - 1, end, '”')
    }
    if (builder) text = builder.finish()
  }
  return text
}
