/**
 * The HTML reader on tag soup (fast-check, fixed seed): pages assembled at
 * random from fragments that break parsers (unclosed and misnested tags,
 * stray `<` and `&`, comments, scripts, tables, chrome, references, CR LF)
 * never fail, and every source character still ends in content, a removal or
 * a stamp, exactly once, or is white space.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {convert} from '../pipeline/batch/convert.js'
import {htmlToText} from '../pipeline/read/html/to-text.js'
import {coverage} from './helpers/coverage.js'

const SEED = Number(process.env['PROPERTY_SEED'] ?? 13)
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 80)

const FRAGMENTS = [
  '<p>', '</p>', '<div class="content">', '<div class="share">分享到：', '</div>', '<br>', '<br/>', '</br>', '<table>', '<tr>', '<td>',
  '</td>', '</tr>', '</table>', '<b>', '</b>', '<i>', '</i>', '<a href="/x">', '</a>', '<ul><li>', '</li>', '</ul>', '<h1>', '</h1>',
  '<nav>', '</nav>', '<footer>', '</footer>', '<script>var a = "<p>";</script>', '<style>p{}</style>', '<!-- 注释 -->', '<!-- unclosed',
  '<!DOCTYPE html>', '<html lang="zh">', '<head>', '<title>标题_网站</title>', '</head>', '<body>', '</body>', '</html>', '<pre>', '</pre>',
  '&amp;', '&nbsp;', '&#12288;', '&#x4E2D;', '&lt;p&gt;', '&copy', '&nosuch;', '&#0;', '&#xD800;', '&', '<', '>', 'a < b', '\r\n', '\n',
  '  ', '\u3000\u3000', '\u00a0', '第一条　', '一、', '双方同意加强合作。', '中华人民共和国和法兰西共和国联合声明', '签订日期：', '2003年7月7日',
  '<tr><td>签订日期</td><td>2003年7月7日</td></tr>', '<div class="toolbar">2024-05-07 【打印】</div>', 'The two sides agree.', '<img alt="x">',
  '<textarea>', '</textarea>', '<plaintext>', '<svg><p>x</p></svg>', '<math>', '<select><option>甲', '<xmp>', '</xmp>', '<noscript>无</noscript>'
]

const page = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({maxLength: 6})), {maxLength: 60}).map((parts) => parts.join(''))

describe('the HTML reader on tag soup', () => {
  it('maps every character of its text back to the source, and accounts for the rest', () => {
    fc.assert(
      fc.property(page, (html) => {
        const {text, removed, stamps} = htmlToText(html)
        const counts = new Uint8Array(html.length)
        for (const span of [...removed, ...stamps]) for (let i = span.start; i < span.end; i++) counts[i]!++
        for (let i = 0; i < text.length; i++) {
          for (const [from, to] of text.sourceRanges(i, i + 1)) for (let j = from; j < to; j++) counts[j] = Math.max(counts[j]!, 1)
        }
        for (let i = 0; i < html.length; i++) {
          if (counts[i] === 0 && !/[\s\u3000\u00a0]/u.test(html[i]!)) throw new Error(`offset ${i} (${JSON.stringify(html[i])}) lost in ${JSON.stringify(html)}`)
        }
        for (const span of removed) expect(html.slice(span.start, span.end)).toBe(span.text)
      }),
      {seed: SEED, numRuns: RUNS * 5}
    )
  })

  it('converts without failing and loses nothing', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        const result = await convert([{path: 'soup.html', bytes: new TextEncoder().encode(html)}])
        expect(result.failed).toEqual([])
        const file = result.files[0]!
        expect(coverage(file.data.source!.text, result.trees.get(file)!, file.data.removed ?? [], file.data.stamps ?? [])).toEqual([])
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })
})
