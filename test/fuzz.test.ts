/**
 * Random edits of the seed and of every corpus page, aimed where recognition
 * is fragile: inside signature and closing blocks, inside article numbers,
 * around titles; inserted spaces, line breaks, chrome, markup and noise. For
 * every case: no crash, every input character covered exactly once, and no
 * removal of 200 or more prose-like characters without a `removed-prose`
 * warning. `make test` runs FUZZ_RUNS cases (default 120); `make fuzz` runs 2,000.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {convert} from '../pipeline/batch/convert.js'
import {coverage} from './helpers/coverage.js'
import {corpusFiles, seedText} from './helpers/seed.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120)
const SEED = Number(process.env['FUZZ_SEED'] ?? 8)

const bases: string[] = [seedText, ...corpusFiles().map((f) => readFileSync(f, 'utf8'))]

/** Where edits are aimed: numbers, signature marks, signing places, titles' family words, sentence ends. */
const HOTSPOTS = /第[一二三四五六七八九十]+[条條]|[一二三四五六七八九十]、|（[一二三四五六七八九十]）|[（(][签簽]字[）)]|于北京|於北京|联合声明|聯合聲明|公报|公報|协定|協定|。|：/g

const snippets = [
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\u3000\u3000',
  '\u00a0',
  '[复制链接]',
  '[编辑]',
  '<!-- c -->',
  '<br>',
  '（签字）',
  '（签名）',
  '（印）',
  '第',
  '一、',
  '（一）',
  '第四条',
  '— 3 —\n',
  '\n- 12 -\n',
  'ღღ★',
  '(zhōng)',
  'SfL品论天涯网',
  '发布时间：2019-01-01 10:00',
  '2019-01-01 10:00',
  '全文如下：',
  '相关阅读\n',
  '【打印】【关闭窗口】',
  '中华人民共和国和某国联合声明',
  '二〇一九年九月十一日于北京',
  '纳扎尔巴耶夫',
  'Done at Beijing on January 1,1979.'
]

type Edit =
  | {kind: 'insert'; at: number; text: string}
  | {kind: 'delete'; at: number; length: number}
  | {kind: 'duplicate'; at: number; length: number; to: number}

const position = fc.double({min: 0, max: 1, noNaN: true})
const hotspot = fc.nat()
const edit: fc.Arbitrary<Edit & {aim: number | null}> = fc.oneof(
  fc.record({kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...snippets), aim: fc.option(hotspot, {nil: null})}),
  fc.record({kind: fc.constant('insert' as const), at: position, text: fc.string({unit: 'grapheme', maxLength: 8}), aim: fc.option(hotspot, {nil: null})}),
  fc.record({kind: fc.constant('delete' as const), at: position, length: fc.integer({min: 1, max: 40}), aim: fc.option(hotspot, {nil: null})}),
  fc.record({kind: fc.constant('duplicate' as const), at: position, length: fc.integer({min: 1, max: 400}), to: position, aim: fc.constant(null)})
)

function apply(text: string, edits: ReadonlyArray<Edit & {aim: number | null}>): string {
  let t = text
  for (const e of edits) {
    const spots = e.aim === null ? [] : [...t.matchAll(HOTSPOTS)].map((m) => m.index + Math.floor(m[0].length / 2))
    const at = spots.length > 0 && e.aim !== null ? spots[e.aim % spots.length]! : Math.min(t.length, Math.floor(e.at * (t.length + 1)))
    if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at)
    else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length)
    else {
      const piece = t.slice(at, at + e.length)
      const to = Math.min(t.length, Math.floor(e.to * (t.length + 1)))
      t = t.slice(0, to) + piece + t.slice(to)
    }
  }
  return t
}

const PROSE = 200
const proseLike = (text: string): boolean => text.length >= PROSE && (text.match(/[\u3400-\u9fffA-Za-z]/g) ?? []).length >= PROSE / 2 && /[。，；！？]|[.;!?] /.test(text)

describe('fuzz: random edits of the seed and the corpus', () => {
  it(`${RUNS} cases: no crash, nothing lost or counted twice, no silent removal of prose`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({max: bases.length - 1}), fc.array(edit, {minLength: 1, maxLength: 4}), async (base, edits) => {
        const text = apply(bases[base]!, edits)
        const result = await convert([{path: 'fuzz.txt', bytes: new TextEncoder().encode(text)}])
        const file = result.files[0]!
        const internal = file.messages.filter((m) => m.ruleId === 'internal-error')
        if (internal.length > 0) throw new Error(`crash: ${internal.map((m) => String((m.cause as Error | undefined)?.stack ?? m.reason)).join('\n')}`)
        const tree = result.trees.get(file)
        if (!tree) return
        const problems = coverage(file.data.source!.text, tree, file.data.removed!, file.data.stamps!)
        if (problems.length > 0) throw new Error(`nothing-lost violated: ${JSON.stringify(problems.slice(0, 5))}`)
        const warned = new Set(file.messages.filter((m) => m.ruleId === 'removed-prose').map((m) => m.place && 'start' in m.place ? m.place.start.offset : -1))
        for (const removal of file.data.removed!) {
          if (proseLike(removal.text) && !warned.has(removal.start)) throw new Error(`silent removal of ${removal.text.length} characters by ${removal.rule}: ${removal.text.slice(0, 40)}`)
        }
      }),
      {seed: SEED, numRuns: RUNS}
    )
    expect(RUNS).toBeGreaterThan(0)
  }, 3_600_000)
})
