/**
 * Numbering styles that open an article, point or chapter at the start of a
 * paragraph. The first style a document uses (other than chapters) is its
 * article level; styles met later nest below it in order of appearance.
 * Add a style here to teach the segmenter a new numbering.
 */
import {ENGLISH_NUMERAL, STEMS, englishNumberValue, letterValue, numeralValue, romanValue} from './numerals.js'
import {rememberRecent} from '../text/recent.js'

export interface NumberingStyle {
  id: string
  /** Anchored at the start of a paragraph; group 1 is the numeral. */
  pattern: RegExp
  /** Chapters always sit above articles. */
  kind: 'chapter' | 'division'
  /**
   * A style that names articles wherever it occurs (`第一条`, `Article 1`):
   * it is the article level even when another numbering comes first (whose
   * short items are then section headings above the articles).
   */
  article?: boolean
  value(numeral: string): number | null
}

/** Chinese numerals of item numbers, the formal (banking) forms included (`壹、貳、參、`). */
const HANZI = '[一二三四五六七八九十百零〇两壹贰貳叁參肆伍陆陸柒捌玖拾佰]'
/** `第1条`, `第１２条`: Arabic digits, ASCII or full-width, where the numeral is usually Chinese. */
const ARABIC = '[0-9０-９]{1,3}'
/**
 * `Article 1`, `ARTICLE IV`, `Article One` (and `Chapter II`), at the start of
 * a paragraph and followed by the end of the line, a heading or the text. Not
 * a reference that opens a sentence (`Article 5 of the Agreement shall…`).
 */
const english = (word: string): RegExp =>
  new RegExp(`^${word}[ \\u00a0]+(${ENGLISH_NUMERAL})[.:]?(?=\\s|$)(?!\\s+(?:of|to|in|and|or|shall|is|are|as|under|above|below|hereof)\\b)`, 'i')

const stemValue = (numeral: string): number | null => {
  const index = STEMS.indexOf(numeral)
  return index === -1 ? null : index + 1
}

export const numberingStyles: readonly NumberingStyle[] = [
  {id: 'chapter', kind: 'chapter', pattern: new RegExp(`^第(${HANZI}{1,4}|${ARABIC})[章編编](?=[\\s\\u3000]|$)`), value: numeralValue},
  {id: 'tiao', kind: 'division', article: true, pattern: new RegExp(`^第(${HANZI}{1,5}|${ARABIC})[条條](?=[\\s\\u3000]|$|[\\u4e00-\\u9fff“（])`), value: numeralValue},
  {id: 'dun-hanzi', kind: 'division', pattern: new RegExp(`^(${HANZI}{1,4})[、，．.](?![、，])`), value: numeralValue},
  {id: 'paren-hanzi', kind: 'division', pattern: new RegExp(`^[（(](${HANZI}{1,4})[）)]`), value: numeralValue},
  {id: 'arabic-dot', kind: 'division', pattern: /^(\d{1,3})[.．、](?!\d)/, value: (n) => Number(n)},
  {id: 'paren-arabic', kind: 'division', pattern: /^[（(](\d{1,3})[）)]/, value: (n) => Number(n)},
  // Enclosed numbers, one character each: `①`…`⑳`, `⑴`…`⒇`, `⒈`…`⒛`.
  {id: 'circled', kind: 'division', pattern: /^([\u2460-\u2473])/, value: (c) => c.charCodeAt(0) - 0x245f},
  {id: 'paren-digit', kind: 'division', pattern: /^([\u2474-\u2487])/, value: (c) => c.charCodeAt(0) - 0x2473},
  {id: 'digit-stop', kind: 'division', pattern: /^([\u2488-\u249b])/, value: (c) => c.charCodeAt(0) - 0x2487},
  {id: 'stem', kind: 'division', pattern: new RegExp(`^([${STEMS}])[、，．.]`), value: stemValue},
  // English counterparts: `Chapter I`, `Article 1`, `I.`, `IV.`, `(a)`.
  {id: 'chapter-en', kind: 'chapter', pattern: english('Chapter'), value: englishNumberValue},
  {id: 'article-en', kind: 'division', article: true, pattern: english('Article'), value: englishNumberValue},
  {id: 'roman-dot', kind: 'division', pattern: /^([IVXLC]{1,6})\.(?=\s)/, value: romanValue},
  {id: 'paren-latin', kind: 'division', pattern: /^\(([a-z])\)(?=\s)/, value: letterValue},
  // A numeral alone on its line, as wiki section headings print it (`一` / `二`).
  {id: 'bare-hanzi', kind: 'division', pattern: new RegExp(`^(${HANZI}{1,3})$`), value: numeralValue}
]

export interface NumberMatch {
  style: NumberingStyle
  /** The number as printed, e.g. `十四、`. */
  printed: string
  value: number
}

/** The numbering at the start of `text`, if any. */
export function matchNumber(text: string): Readonly<NumberMatch> | null {
  // The segmenter asks about one block several ways (its features, a cell, a title): the last answers are kept.
  return recentNumbers(text)
}

const recentNumbers = rememberRecent((text): Readonly<NumberMatch> | null => {
  const found = scanNumber(text)
  return found && Object.freeze(found)
}, null)

function scanNumber(text: string): NumberMatch | null {
  for (const style of numberingStyles) {
    const match = style.pattern.exec(text)
    if (!match) continue
    const value = style.value(match[1]!)
    if (value === null || value <= 0) continue
    return {style, printed: match[0], value}
  }
  return null
}
