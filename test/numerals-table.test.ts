/**
 * `numeralValue` reads its digits and units from tables by UTF-16 unit; it must
 * give what the character tables say, character by character, for any string.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {DIGITS, UNITS, numeralValue} from '../pipeline/rules/numerals.js'

/** The value straight from `DIGITS` and `UNITS`, by code point. */
function reference(text: string): number | null {
  if (text.length === 0) return null
  const chars = [...text]
  if (chars.some((c) => UNITS[c] === undefined && DIGITS[c] === undefined)) return null
  if (!chars.some((c) => UNITS[c] !== undefined)) return chars.reduce((value, c) => value * 10 + DIGITS[c]!, 0)
  let total = 0
  let digit: number | null = null
  for (const c of chars) {
    if (UNITS[c] !== undefined) {
      total += (digit ?? 1) * UNITS[c]
      digit = null
    } else digit = DIGITS[c] === 0 ? null : DIGITS[c]!
  }
  return total + (digit ?? 0)
}

describe('numeralValue', () => {
  it('agrees with the character tables on any string', () => {
    const alphabet = [...Object.keys(DIGITS), ...Object.keys(UNITS), '年', 'a', ' ', '😀', '\ud83d']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 8}), (chars) => {
        const text = chars.join('')
        expect(numeralValue(text)).toBe(reference(text))
      }),
      {numRuns: 2000}
    )
    expect(numeralValue('一九九四')).toBe(1994)
    expect(numeralValue('二十三')).toBe(23)
    expect(numeralValue('二00五')).toBe(2005)
    expect(numeralValue('十四')).toBe(14)
  })
})
