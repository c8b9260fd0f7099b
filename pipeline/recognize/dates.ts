/**
 * Dates in every form the scraped texts print them: `一九九四年三月七日`,
 * `二00五年三月十七日` (ASCII zeros among Chinese digits), `二○一五年十二月十日`,
 * `2005年3月17日`, `2002-03-14`, ranges (`一九九四年三月七日至十日`,
 * `2015年12月8日至11日`, `…三月三十日至四月二日`), and English (`March 13, 1972`,
 * `13 March 1972`). Only full dates are recognised: a year or a month alone
 * cannot become an ISO date, and guessing one would invent a value.
 */
import {NUMERAL_CLASS, numeralValue} from '../rules/numerals.js'
import {rememberRecent} from '../text/recent.js'

export interface ParsedDate {
  iso: string
  isoEnd?: string
  /** Offsets of the match in the searched text. */
  start: number
  end: number
  text: string
}

const N = NUMERAL_CLASS
const YEAR = `(${N}{4}|\\d{4})`
const SMALL = `(${N}{1,3})`
const SEP = '[ \\t\\u3000]{0,2}'
// 年/月/日 with optional spaces; `号`/`號` is a colloquial day mark.
const CJK = `${YEAR}${SEP}年${SEP}${SMALL}${SEP}月${SEP}${SMALL}${SEP}[日号號]`
// Range tails: `至十日`, `至4月2日`, `至1995年1月2日`; `—`/`-`/`~` also join ranges.
const RANGE = `(?:${SEP}[至到—–~\\-－]${SEP}(?:(?:${YEAR}${SEP}年${SEP})?${SMALL}${SEP}月${SEP})?${SMALL}${SEP}[日号號])?`
// `2002-03-14`, and as page stamps print it, `2002/03/14` or `2002.3.14`.
const ISO = '(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d|[-/.]\\d)'
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** Abbreviated month names (`Sept. 3, 1990`, `3 Jan 1992`); May has none. */
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_NAME = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')}|${MONTH_ABBREVIATIONS.map((m) => `${m}\\.?`).join('|')})`
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?'
// `March 13, 1972`, `May 12th, 2015`; `13 March 1972`, `12th May, 2015`, `1st of June 2016`.
const EN_MDY = `${MONTH_NAME} (\\d{1,2})${ORDINAL_SUFFIX}(?:, ?| )(\\d{4})`
const EN_DMY = `(\\d{1,2})${ORDINAL_SUFFIX} (?:of )?${MONTH_NAME},? (\\d{4})`
// `this 25th Day of April in the Year 2000`, `the 1st day of May, 1995`.
const EN_ORDINAL = `(\\d{1,2})(?:st|nd|rd|th) [Dd]ay of ${MONTH_NAME},?(?: in)?(?: the)?(?: [Yy]ear)? (\\d{4})`

const MAY_HOLD_DATE = /[年\-/.]|uary|March|April|May|June|July|August|ber|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec/
/** Every date form as one pattern (a global scan with it is what `findDates` does, faster). */
export const DATE_SOURCE = `(?:${CJK}${RANGE})|(?<![\\d\\-/.])(?:${ISO})|(?:${EN_MDY})|(?:${EN_DMY})|(?:${EN_ORDINAL})`
/** The same pattern, tried only where a date can start (see `startsOf`). */
const DATE_AT = new RegExp(DATE_SOURCE, 'y')
/**
 * Every character a date can start with: a numeral of the year, a digit, the
 * capital of a month name (`test/dates-first.test.ts` derives the set from the
 * pattern). An offset that holds another is passed over without running it.
 */
export const DATE_FIRST_CHARS = [...new Set([...NUMERAL_CLASS.slice(1, -1), ...'0123456789', ...MONTHS.map((m) => m[0]!.toUpperCase())])].join('')
const DATE_FIRST = new Uint8Array(0x10000)
for (let i = 0; i < DATE_FIRST_CHARS.length; i++) DATE_FIRST[DATE_FIRST_CHARS.charCodeAt(i)] = 1
const MONTH_WORD = new RegExp(MONTH_NAME, 'g')
const MONTH_CAPITAL = new RegExp(`[${[...new Set(MONTHS.map((m) => m[0]!.toUpperCase()))].join('')}]`)

/**
 * Every full date in `text`, in order: what a global scan of the date pattern
 * finds, but the pattern is tried only at the offsets where one of its forms
 * can start, found from their fixed parts (a Chinese date's year is four
 * characters and up to two spaces before 年; an ISO date's year four
 * characters before its first hyphen; an English date starts at its month
 * name, or one to twelve characters before it).
 */
export function findDates(text: string): readonly ParsedDate[] {
  // The segmenter weighs one block several ways (a date line? a signing line? a cell?), each asking for its dates.
  return recentDates(text)
}

const recentDates = rememberRecent((text): readonly ParsedDate[] => Object.freeze(scanDates(text).map((date) => Object.freeze(date))), Object.freeze([]))

function scanDates(text: string): ParsedDate[] {
  const found: ParsedDate[] = []
  // Most text has no date: every form needs 年, a hyphen, or a month name.
  if (!MAY_HOLD_DATE.test(text)) return found
  let reach = 0
  for (const start of startsOf(text)) {
    if (start < reach || DATE_FIRST[text.charCodeAt(start)] !== 1) continue
    DATE_AT.lastIndex = start
    const match = DATE_AT.exec(text)
    if (!match) continue
    // As in a global scan, a match that is no calendar day still covers its text.
    reach = start + match[0].length
    const parsed = fromMatch(match)
    if (parsed) found.push(parsed)
  }
  return found
}

const ISO_SEPARATORS = ['-', '/', '.']

/** Offsets where a date can start, ascending, without repeats. */
function startsOf(text: string): number[] {
  const starts: number[] = []
  for (let at = text.indexOf('年'); at !== -1; at = text.indexOf('年', at + 1)) starts.push(at - 6, at - 5, at - 4)
  for (const separator of ISO_SEPARATORS) for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) starts.push(at - 4)
  // Every month name opens with one of these capitals: most Chinese text has none, and is not scanned for them.
  if (MONTH_CAPITAL.test(text)) {
    for (const month of text.matchAll(MONTH_WORD)) {
      const at = month.index
      // `March 13, 1972`; `1 March` to `12th of March` (2 to 8 before); `the 25th Day of April` (`1st day of ` is 11, `25th Day of ` 12).
      starts.push(at, at - 2, at - 3, at - 4, at - 5, at - 6, at - 7, at - 8, at - 11, at - 12)
    }
  }
  starts.sort((a, b) => a - b)
  const unique: number[] = []
  for (const start of starts) if (start >= 0 && start !== unique[unique.length - 1]) unique.push(start)
  return unique
}

/** The date that `text` is, entirely (surrounding whitespace allowed), or null. */
export function parseDate(text: string): ParsedDate | null {
  const trimmed = text.trim()
  const dates = findDates(trimmed)
  const first = dates[0]
  return first && first.start === 0 && first.end === trimmed.length ? first : null
}

function fromMatch(match: RegExpMatchArray): ParsedDate | null {
  const g = match
  const start = match.index ?? 0
  const end = start + match[0].length
  let year: number | null
  let month: number | null
  let day: number | null
  let isoEnd: string | undefined
  if (g[1] !== undefined) {
    year = numeralValue(g[1])
    month = numeralValue(g[2]!)
    day = numeralValue(g[3]!)
    if (g[6] !== undefined && year !== null && month !== null) {
      const endYear = g[4] !== undefined ? numeralValue(g[4]) : year
      const endMonth = g[5] !== undefined ? numeralValue(g[5]) : month
      const endDay = numeralValue(g[6])
      const candidate = endYear !== null && endMonth !== null && endDay !== null ? iso(endYear, endMonth, endDay) : null
      if (candidate === null) return null
      isoEnd = candidate
    }
  } else if (g[7] !== undefined) {
    year = Number(g[7])
    month = Number(g[8])
    day = Number(g[9])
  } else if (g[10] !== undefined) {
    month = monthNumber(g[10])
    day = Number(g[11])
    year = Number(g[12])
  } else if (g[13] !== undefined) {
    day = Number(g[13])
    month = monthNumber(g[14]!)
    year = Number(g[15])
  } else {
    day = Number(g[16])
    month = monthNumber(g[17]!)
    year = Number(g[18])
  }
  if (year === null || month === null || day === null) return null
  const value = iso(year, month, day)
  if (value === null) return null
  if (isoEnd !== undefined && isoEnd < value) return null
  const parsed: ParsedDate = {iso: value, start, end, text: match[0]}
  if (isoEnd !== undefined) parsed.isoEnd = isoEnd
  return parsed
}

/** 1 to 12 for a month name or its abbreviation (`Sept.` → 9). */
function monthNumber(name: string): number {
  const word = name.toLowerCase().replace(/\.$/, '')
  return MONTHS.findIndex((month) => month.startsWith(word)) + 1
}

/** `YYYY-MM-DD` for a real calendar day, else null (no 二月三十日). */
export function iso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return null
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
