/**
 * `endsDocument` reads characters instead of running patterns on a slice (it is
 * asked at every offset before a possible title); it must answer as the
 * pattern form does, on any text and any end offset.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {endsDocument} from '../pipeline/segment/titles.js'
import {findDates} from '../pipeline/recognize/dates.js'

/** The pattern form: the 40 characters before `end`, trimmed at the end, tested whole. */
function reference(text: string, end: number): boolean {
  const before = text.slice(Math.max(0, end - 40), end).trimEnd()
  if (/[。！？）)」』”\]】.]$/.test(before)) return true
  return /[日号號][ \t\u3000]*(?:于|於|在)[ \t\u3000]*[\u4e00-\u9fff]{2,8}$/.test(before) && findDates(before).length > 0
}

const UNITS = [...'。！？）)」』”]】.日号號于於在北京中文二〇〇五年三月十七1990- \t\u3000\u00a0\n\ufeffa', '\ud83d']

describe('endsDocument', () => {
  it('answers as the pattern form on any text and offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), {maxLength: 60}), fc.integer({min: -3, max: 65}), (units, end) => {
        const text = units.join('')
        expect(endsDocument(text, end)).toBe(reference(text, end))
      }),
      {numRuns: 5000}
    )
    // Near signing places: a date, a link word, layout and a place, in any order.
    const near = fc.array(fc.constantFrom('二〇〇五年三月十七日', '1990年1月2日', '日', '号', '于', '在', '於', ' ', '\u3000', '北京', '中', '。'), {maxLength: 12})
    fc.assert(
      fc.property(near, fc.integer({min: 0, max: 70}), (parts, cut) => {
        const text = parts.join('')
        const end = Math.min(cut, text.length)
        expect(endsDocument(text, end)).toBe(reference(text, end))
        expect(endsDocument(text, text.length)).toBe(reference(text, text.length))
      }),
      {numRuns: 5000}
    )
    expect(endsDocument('二〇〇五年三月十七日于北京  标题', 15)).toBe(true)
    expect(endsDocument('本协定一式两份。 ', 9)).toBe(true)
    expect(endsDocument('双方同意', 4)).toBe(false)
  })
})
