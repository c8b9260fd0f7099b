/** Every date form of notes/seed.md and the other forms scraped pages print. */
import {describe, expect, it} from 'vitest'
import {DATE_SOURCE, findDates, parseDate} from '../pipeline/recognize/dates.js'
import {numeralValue} from '../pipeline/rules/numerals.js'

const TABLE: Array<[string, string, string | undefined]> = [
  ['2002-03-14', '2002-03-14', undefined],
  ['2005年3月17日', '2005-03-17', undefined],
  ['1994年3月7日', '1994-03-07', undefined],
  ['一九九四年三月七日', '1994-03-07', undefined],
  ['二00五年三月十七日', '2005-03-17', undefined],
  ['二○一五年十二月十日', '2015-12-10', undefined],
  ['二〇一五年十二月十日', '2015-12-10', undefined],
  ['二零一五年十二月十日', '2015-12-10', undefined],
  ['二O一五年十二月十日', '2015-12-10', undefined],
  ['一九八0年四月二十三日', '1980-04-23', undefined],
  ['一九七二年三月十三日', '1972-03-13', undefined],
  ['２００５年３月１７日', '2005-03-17', undefined],
  ['2005年3月17号', '2005-03-17', undefined],
  ['一九九四年三月七日至十日', '1994-03-07', '1994-03-10'],
  ['2015年12月8日至11日', '2015-12-08', '2015-12-11'],
  ['二00五年三月十七日至十九日', '2005-03-17', '2005-03-19'],
  ['一九九四年三月三十日至四月二日', '1994-03-30', '1994-04-02'],
  ['1999年12月30日至2000年1月2日', '1999-12-30', '2000-01-02'],
  ['March 13, 1972', '1972-03-13', undefined],
  ['14 March 1972', '1972-03-14', undefined],
  ['May 12th, 2015', '2015-05-12', undefined],
  ['12th May, 2015', '2015-05-12', undefined],
  ['1st of June 2016', '2016-06-01', undefined],
  ['Sept. 3, 1990', '1990-09-03', undefined],
  ['3 Jan 1992', '1992-01-03', undefined],
  ['2015/05/12', '2015-05-12', undefined],
  ['2015.5.12', '2015-05-12', undefined]
]

describe('dates', () => {
  it.each(TABLE)('%s → %s', (text, iso, isoEnd) => {
    const date = parseDate(text)
    expect(date?.iso).toBe(iso)
    expect(date?.isoEnd).toBe(isoEnd)
  })

  it.each(['二〇二〇年二月三十日', '2015年13月1日', '1994年', '三月七日', '4月9日至12日', '2005-2009年', 'version 2015.1.2.3', '192.168.1.1', 'Marching 12, 2015', '2015/13/01'])('does not invent a date from %s', (text) => {
    expect(findDates(text)).toEqual([])
  })

  it('finds dates inside running text with their offsets', () => {
    const text = '根据一九九四年三月七日签署的《联合声明》，于2015年12月8日至11日访问。'
    expect(findDates(text).map((d) => [d.iso, d.isoEnd ?? null, text.slice(d.start, d.end)])).toEqual([
      ['1994-03-07', null, '一九九四年三月七日'],
      ['2015-12-08', '2015-12-11', '2015年12月8日至11日']
    ])
  })

  it.each([
    ['十', 10],
    ['十四', 14],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['一九九四', 1994],
    ['二00五', 2005],
    ['二○一五', 2015]
  ])('numeral %s = %d', (text, value) => {
    expect(numeralValue(text)).toBe(value)
  })
})

describe('findDates tries the pattern only where a date can start', () => {
  // The reference: one global scan of the whole pattern, every offset tried.
  const scan = (text: string) => [...text.matchAll(new RegExp(DATE_SOURCE, 'g'))].map((m) => [m.index, m[0]])
  const PIECES = ['年', '月', '日', '号', '至', '-', '—', '~', ' ', '\u3000', '一', '二', '九', '十', '○', '〇', '0', '1', '2', '9', '1994', '2005', '12', 'May', 'March', 'January', ' 13, ', 'th', 'st', ' Day of ', ' day of ', ',', '日至', '于北京', 'O', 'x', '/', '.', 'Sept', 'Jan', ' of ', 'nd']

  it('finds what a global scan finds, on 20,000 strings built from the pieces of dates', () => {
    let seed = 7
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    for (let n = 0; n < 20000; n++) {
      let text = ''
      for (let i = random(16) + 1; i > 0; i--) text += PIECES[random(PIECES.length)]
      // A match that is no calendar day (`二月三十日`) is dropped by both; it still covers its text.
      const expected = scan(text).filter(([, printed]) => findDates(printed as string)[0]?.text === printed)
      expect(findDates(text).map((d) => [d.start, d.text]), JSON.stringify(text)).toEqual(expected)
    }
  })
})
