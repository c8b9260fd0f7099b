/**
 * Chinese numerals as printed in scraped diplomatic texts. Zero has many faces:
 * 〇 (U+3007), ○ (U+25CB), ◯, О/O (Latin or Cyrillic capital O), 0 (ASCII and
 * full-width), 零. Extend these tables, not the parsers.
 */

/** Digit values, including every zero look-alike and full-width Arabic digits. */
export const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '◯': 0, 'O': 0, 'О': 0, '0': 0, '０': 0, '零': 0, 'Ｏ': 0,
  '一': 1, '壹': 1, '1': 1, '１': 1,
  '二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2, '2': 2, '２': 2,
  '三': 3, '叁': 3, '參': 3, '3': 3, '３': 3,
  '四': 4, '肆': 4, '4': 4, '４': 4,
  '五': 5, '伍': 5, '5': 5, '５': 5,
  '六': 6, '陆': 6, '陸': 6, '6': 6, '６': 6,
  '七': 7, '柒': 7, '7': 7, '７': 7,
  '八': 8, '捌': 8, '8': 8, '８': 8,
  '九': 9, '玖': 9, '9': 9, '９': 9
}

/** Unit characters of positional Chinese numerals. */
export const UNITS: Readonly<Record<string, number>> = {'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

/** A character class source matching any digit or unit above (for building patterns). */
export const NUMERAL_CLASS = '[〇○◯OО0０零Ｏ一壹1１二贰貳两兩2２三叁參3３四肆4４五伍5５六陆陸6６七柒7７八捌8８九玖9９十拾百佰千仟]'

/** Heavenly stems, used as item numbers (甲、乙、丙、…). */
export const STEMS = '甲乙丙丁戊己庚辛壬癸'

/**
 * Value of a numeral: `十四` → 14, `二十三` → 23, `一九九四` → 1994 (digit by
 * digit when there is no unit), `二00五` → 2005, `14` → 14. Null when not a numeral.
 */
export function numeralValue(text: string): number | null {
  if (text.length === 0) return null
  let hasUnit = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (UNIT_BY_UNIT[code] !== 0) hasUnit = true
    else if (DIGIT_BY_UNIT[code] === -1) return null
  }
  if (!hasUnit) {
    let value = 0
    for (let i = 0; i < text.length; i++) value = value * 10 + DIGIT_BY_UNIT[text.charCodeAt(i)]!
    return value
  }
  let total = 0
  let digit: number | null = null
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const unit = UNIT_BY_UNIT[code]!
    if (unit !== 0) {
      total += (digit ?? 1) * unit
      digit = null
    } else {
      const value = DIGIT_BY_UNIT[code]!
      digit = value === 0 ? null : value
    }
  }
  return total + (digit ?? 0)
}

/**
 * `DIGITS` and `UNITS` by UTF-16 unit (every key is one unit), for `numeralValue`:
 * -1 and 0 where a unit is no digit or no unit. A surrogate is neither, as a
 * character outside the tables is.
 */
const DIGIT_BY_UNIT = new Int8Array(0x10000).fill(-1)
const UNIT_BY_UNIT = new Int16Array(0x10000)
for (const [char, value] of Object.entries(DIGITS)) {
  if (char.length !== 1) throw new Error(`numerals: the digit ${char} is not one UTF-16 unit`)
  DIGIT_BY_UNIT[char.charCodeAt(0)] = value
}
for (const [char, value] of Object.entries(UNITS)) {
  if (char.length !== 1) throw new Error(`numerals: the unit ${char} is not one UTF-16 unit`)
  UNIT_BY_UNIT[char.charCodeAt(0)] = value
}

const ROMAN: Readonly<Record<string, number>> = {I: 1, V: 5, X: 10, L: 50, C: 100}

/** Value of a Roman numeral (`IV` → 4, `XII` → 12), or null. */
export function romanValue(text: string): number | null {
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!]
    if (value === undefined) return null
    const next = ROMAN[text[i + 1] ?? '']
    total += next !== undefined && next > value ? -value : value
  }
  return total > 0 ? total : null
}

/** Value of a lower-case letter used as a number (`a` → 1). */
export function letterValue(text: string): number | null {
  return /^[a-z]$/.test(text) ? text.charCodeAt(0) - 96 : null
}

/** English number words up to twenty, as older treaties print them (`Article One`). */
const ENGLISH_WORDS: readonly string[] = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'
]

/** The pattern source of an English article or chapter number: digits, a Roman numeral or a number word. */
export const ENGLISH_NUMERAL = `\\d{1,3}|[IVXLC]{1,7}|(?:${ENGLISH_WORDS.join('|')})`

/** Value of an English article number (`12`, `XII`, `Twelve`), or null. */
export function englishNumberValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  const word = ENGLISH_WORDS.indexOf(text.toLowerCase())
  return word !== -1 ? word + 1 : romanValue(text.toUpperCase())
}
