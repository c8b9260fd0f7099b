/**
 * Benchmark inputs generated from the seed: each copy of the seed is three
 * documents. Copies differ in the dates printed in their text (years moved by
 * the copy's number, months too past 9,000 copies), so every document is a
 * different text with its own Work URI; within a copy the dates stay
 * consistent, so citations still date the documents they cite.
 */
import {seedSource} from './hostile.js'

const DIGITS = '○一二三四五六七八九'
const MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']

/** The text of copy `i`: every printed year and month moved, the page stamps named by the year of the copy. */
export function seedCopy(i: number, source = seedSource()): string {
  const year = (y: number) => 1000 + ((y - 1000 + i) % 9000)
  const month = (m: number) => ((m - 1 + Math.floor(i / 9000)) % 12) + 1
  return source
    .replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, _y, m, d) => `${2100 + (i % 7900)}-${m}-${d}`)
    .replace(/(\d{4})年(\d{1,2})月/g, (_m, y: string, m: string) => `${year(Number(y))}年${month(Number(m))}月`)
    .replace(/([○〇零一二三四五六七八九]{4})年(十[一二]?|[一二三四五六七八九])月/g, (_m, y: string, m: string) => {
      const value = Number([...y].map((c) => (c === '〇' || c === '零' ? 0 : DIGITS.indexOf(c))).join(''))
      const moved = String(year(value)).split('').map((d) => DIGITS[Number(d)]).join('')
      return `${moved}年${MONTHS[month(MONTHS.indexOf(m) + 1) - 1]}月`
    })
}

/** `count` files, each a copy of the seed (`seedCopy`). */
export function seedCorpus(count: number): Array<{path: string; bytes: Uint8Array}> {
  const source = seedSource()
  const files: Array<{path: string; bytes: Uint8Array}> = []
  for (let i = 0; i < count; i++) files.push({path: `seed-copy-${String(i).padStart(5, '0')}.txt`, bytes: Buffer.from(seedCopy(i, source))})
  return files
}
