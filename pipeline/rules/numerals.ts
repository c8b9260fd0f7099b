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
  for (const char of text) {
    if (UNITS[char] !== undefined) hasUnit = true
    else if (DIGITS[char] === undefined) return null
  }
  if (!hasUnit) {
    let value = 0
    for (const char of text) value = value * 10 + DIGITS[char]!
    return value
  }
  let total = 0
  let digit: number | null = null
  for (const char of text) {
    const unit = UNITS[char]
    if (unit !== undefined) {
      total += (digit ?? 1) * unit
      digit = null
    } else {
      const value = DIGITS[char]!
      digit = value === 0 ? null : value
    }
  }
  return total + (digit ?? 0)
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
