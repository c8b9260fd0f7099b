/**
 * The debris table, rule by rule: a realistic line of page chrome set into a
 * short real document is removed (or kept as a stamp), recorded with its rule
 * id and exact source span, and the document reads as without it. Then every
 * rule on adversarial input (near misses repeated 200,000 times, megabyte lines,
 * megabyte runs of spaces): the result must still be exact, and the file must
 * run in seconds (no catastrophic backtracking; no timing is asserted).
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {applyRule} from '../pipeline/clean/apply-debris.js'
import {cleanText} from '../pipeline/clean/plugin.js'
import {MappedText} from '../pipeline/text/mapped-text.js'
import {debrisRules, type DebrisRule} from '../pipeline/rules/debris.js'
import type {Document, MetaSpan, Removal} from '../pipeline/tree/types.js'
import {toText} from '../pipeline/tree/text.js'
import {coverage} from './helpers/coverage.js'
import {seedText} from './helpers/seed.js'

// ------------------------------------------------------------ a short real document

const TITLE = '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明'
/** Document 1 of the seed, one paragraph per line, without its page header. */
const LINES = ((): string[] => {
  const end = seedText.indexOf('（签字）中华人民共和国和阿塞拜疆共和国联合声明') + '（签字）'.length
  const paragraphs = seedText
    .slice(0, end)
    .replace(/[ \u3000]*\u3000[ \u3000]*/g, (run) => (run.length >= 2 ? '\n' : ' '))
    .split('\n')
  return [TITLE, ...paragraphs.slice(1)]
})()
const BASE = LINES.join('\n')

type Where = 'titleStart' | 'top' | 'afterTitle' | 'titleEnd' | 'end' | 'lineEnd' | 'beforeSignatures'

/** The document with `chrome` set in at `where`, and the offset where the chrome starts. */
function compose(chrome: string, where: Where): {text: string; at: number} {
  const [title, ...rest] = LINES as [string, ...string[]]
  switch (where) {
    case 'titleStart':
      return {text: `${chrome}${BASE}`, at: 0}
    case 'top':
      return {text: `${chrome}\n${BASE}`, at: 0}
    case 'titleEnd':
      return {text: `${title}${chrome}\n${rest.join('\n')}`, at: title.length}
    case 'afterTitle':
      return {text: `${title}\n${chrome}\n${rest.join('\n')}`, at: title.length + 1}
    case 'end':
      return {text: `${BASE}\n${chrome}`, at: BASE.length + 1}
    case 'lineEnd':
      // Glued to the last line, as on a page flattened onto one line.
      return {text: `${BASE}${chrome}`, at: BASE.length}
    case 'beforeSignatures': {
      const i = LINES.indexOf('中华人民共和国代表')
      const head = LINES.slice(0, i).join('\n')
      return {text: `${head}\n${chrome}\n${LINES.slice(i).join('\n')}`, at: head.length + 1}
    }
  }
}

/** What a reader sees of a document: title, every section's blocks as text, signatories. */
function reads(doc: Document): unknown {
  return {
    title: doc.meta.title,
    sections: doc.children.map((s) => [s.type, s.children.map((c) => (c.type === 'signatures' ? c.children.map((x) => (x.type === 'signature' ? [x.party, x.role, x.name] : toText(x))) : toText(c)))])
  }
}

const convertText = (text: string): Promise<Converted> => convert([{path: 'page.txt', bytes: new TextEncoder().encode(text)}])

let reference: Converted

beforeAll(async () => {
  reference = await convertText(BASE)
})

interface Case {
  rule: string
  chrome: string
  where: Where
  /** What is removed, as [rule, text] (found in the chrome, in order); default: the whole chrome by `rule`. */
  removed?: Array<[string, string]>
  /** Stamps kept: [text, ISO value]. */
  stamps?: Array<[string, string]>
}

const CASES: Case[] = [
  {rule: 'page-stamp', chrome: '2002-03-14[字体：大 中 小]      打印本页', where: 'titleEnd', removed: [['font-size-widget', '[字体：大 中 小]      打印本页']], stamps: [['2002-03-14', '2002-03-14']]},
  {rule: 'page-stamp', chrome: ' 2005年3月17日 字号：大 中 小', where: 'titleEnd', removed: [['font-size-widget', '字号：大 中 小']], stamps: [['2005年3月17日', '2005-03-17']]},
  {rule: 'font-size-widget', chrome: '[字体：大 中 小]      打印本页', where: 'titleEnd'},
  {rule: 'font-size-widget', chrome: '【字体：大 中 小】【打印本页】', where: 'afterTitle'},
  {rule: 'font-size-widget', chrome: '字号：大 中 小', where: 'afterTitle'},
  {rule: 'print-link', chrome: '【打印】', where: 'end'},
  {rule: 'print-link', chrome: '[ 打印 ]', where: 'end'},
  {rule: 'print-link', chrome: '打印本页', where: 'afterTitle'},
  {rule: 'close-window', chrome: '【关闭窗口】', where: 'end'},
  {rule: 'close-window', chrome: '[ 关闭 ]', where: 'end'},
  {rule: 'close-window', chrome: '【打印】 【关闭窗口】', where: 'end', removed: [['print-link', '【打印】'], ['close-window', '【关闭窗口】']]},
  {rule: 'copy-link', chrome: ' [复制链接]', where: 'titleEnd'},
  {rule: 'wiki-edit', chrome: '[编辑]', where: 'titleEnd'},
  {rule: 'wiki-edit', chrome: '[編輯]', where: 'titleEnd'},
  {rule: 'back-to-top', chrome: '返回顶部', where: 'end'},
  {rule: 'back-to-top', chrome: '【返回顶部】', where: 'end'},
  {rule: 'breadcrumb', chrome: '首页 > 外交部 > 条约文件', where: 'top'},
  {rule: 'breadcrumb', chrome: '当前位置：首页 > 资料 > 双边条约', where: 'top'},
  {rule: 'breadcrumb', chrome: '您现在的位置：首页 >> 新闻中心 >> 正文', where: 'top'},
  {rule: 'breadcrumb', chrome: 'Home > Documents > Treaties', where: 'top'},
  {rule: 'share-links', chrome: '分享到：新浪微博 腾讯微博 微信 QQ空间', where: 'end'},
  {rule: 'share-links-inline', chrome: ' 分享到：微信 微博 QQ空间', where: 'lineEnd'},
  {rule: 'previous-next', chrome: '上一篇：中俄联合声明 下一篇：无', where: 'end'},
  {rule: 'previous-next', chrome: ' 上一篇：无 下一篇：无', where: 'lineEnd'},
  {rule: 'end-mark', chrome: '（完）', where: 'end'},
  {rule: 'end-mark', chrome: 'Enditem', where: 'end'},
  {rule: 'clock-stamp', chrome: '2019年04月26日 10:21 来源：新华网', where: 'afterTitle', removed: [['source-line', ' 来源：新华网']], stamps: [['2019年04月26日 10:21', '2019-04-26']]},
  {rule: 'editor-credit', chrome: '（责任编辑：王磊）', where: 'end'},
  {rule: 'editor-credit', chrome: '责任编辑：张三', where: 'end'},
  {rule: 'source-line', chrome: '来源：外交部网站', where: 'afterTitle'},
  {
    rule: 'published-stamp-inline',
    chrome: '来源：外交部 发布时间：2015-12-11 08:30',
    where: 'afterTitle',
    removed: [['source-line', '来源：外交部 ']],
    stamps: [['发布时间：2015-12-11 08:30', '2015-12-11']]
  },
  {rule: 'published-stamp', chrome: '发布时间：2015-12-11 08:30', where: 'afterTitle', removed: [], stamps: [['发布时间：2015-12-11 08:30', '2015-12-11']]},
  {rule: 'reading-time-stamp', chrome: '2010-09-28|閱讀時間 ‧ 約 5 分鐘', where: 'top', removed: [], stamps: [['2010-09-28|閱讀時間 ‧ 約 5 分鐘', '2010-09-28']]},
  {rule: 'forum-posted-stamp', chrome: '只看楼主 正序阅读 0 发表于: 1956-09-24', where: 'top', removed: [], stamps: [['只看楼主 正序阅读 0 发表于: 1956-09-24', '1956-09-24']]},
  {rule: 'forum-header', chrome: '• 63阅读', where: 'top'},
  {rule: 'forum-header', chrome: '上一主题 下一主题', where: 'top'},
  {rule: 'forum-header', chrome: '离线admin', where: 'top'},
  {rule: 'forum-header', chrome: '查看: 1234|回复: 5', where: 'top'},
  {rule: 'platform-footer', chrome: '© 2024 vocus All rights reserved.', where: 'end'},
  {rule: 'platform-footer', chrome: '成為會員 後即可發表留言', where: 'end'},
  {rule: 'wiki-chrome', chrome: '维基文库，自由的图书馆', where: 'top'},
  {rule: 'wiki-chrome', chrome: '跳转到导航 跳转到搜索', where: 'top'},
  {
    rule: 'wiki-licence',
    chrome: 'PD-icon.svg 根据《中华人民共和国著作权法》第五条，本作品不适用于该法。如不受其他法律保护，本作品在中国大陆和其他地区属于公有领域。',
    where: 'end'
  },
  {rule: 'wiki-licence-text', chrome: '本作品在全世界都属于公有领域，因为作者逝世已经超过100年。', where: 'end'},
  {rule: 'image-caption', chrome: "Flag of the People's Republic of China.svg", where: 'beforeSignatures'},
  {rule: 'site-name', chrome: ' 中华文库', where: 'titleEnd'},
  {rule: 'table-pipe', chrome: ' |', where: 'titleEnd'},
  {rule: 'treaty-db-stamp', chrome: '(签订日期1994年3月7日\n生效日期1994年3月7日)', where: 'afterTitle', removed: [], stamps: [['(签订日期1994年3月7日\n生效日期1994年3月7日)', '1994-03-07']]},
  {rule: 'treaty-db-stamp', chrome: '（签订日期1994年3月7日 生效日期1994年5月1日）', where: 'afterTitle', removed: [], stamps: [['（签订日期1994年3月7日 生效日期1994年5月1日）', '1994-03-07']]},
  {rule: 'treaty-db-stamp', chrome: '(签订日期1994年3月7日)', where: 'afterTitle', removed: [], stamps: [['(签订日期1994年3月7日)', '1994-03-07']]},
  {rule: 'signed-date-field', chrome: '  • 簽訂日期:1994年03月07日', where: 'afterTitle', removed: [], stamps: [['  • 簽訂日期:1994年03月07日', '1994-03-07']]},
  {rule: 'effective-date-field', chrome: '生效日期：1994-05-01', where: 'afterTitle', removed: [], stamps: [['生效日期：1994-05-01', '1994-05-01']]},
  {rule: 'date-field', chrome: '日期: 2015-12-11', where: 'afterTitle', removed: [], stamps: [['日期: 2015-12-11', '2015-12-11']]},
  {rule: 'date-field', chrome: 'Published: 2015-12-11', where: 'afterTitle', removed: [], stamps: [['Published: 2015-12-11', '2015-12-11']]},
  {rule: 'clock-stamp', chrome: '发表于 2013-5-24 10:22', where: 'afterTitle', removed: [], stamps: [['发表于 2013-5-24 10:22', '2013-05-24']]},
  {rule: 'clock-stamp', chrome: 'Published: 2016-11-24 09:15', where: 'afterTitle', removed: [], stamps: [['Published: 2016-11-24 09:15', '2016-11-24']]},
  {rule: 'clock-stamp', chrome: '2019-09-22 05:07', where: 'afterTitle', removed: [], stamps: [['2019-09-22 05:07', '2019-09-22']]},
  {rule: 'clock-stamp', chrome: '时间:2024-07-01 07:00:10', where: 'afterTitle', removed: [], stamps: [['时间:2024-07-01 07:00:10', '2024-07-01']]},
  {rule: 'clock-stamp', chrome: '(2010-09-28更新)', where: 'afterTitle', removed: [], stamps: [['(2010-09-28更新)', '2010-09-28']]},
  {rule: 'page-number', chrome: '— 3 —', where: 'end'},
  {rule: 'page-number', chrome: '- 12 -', where: 'beforeSignatures'},
  {rule: 'page-number', chrome: '第3页', where: 'end'},
  {rule: 'stray-symbols', chrome: '[', where: 'end'},
  {rule: 'stray-symbols', chrome: 'ღღ★', where: 'titleEnd'}
]

describe('every debris rule removes its chrome and records it exactly', () => {
  it('the document without chrome reads as the seed reads it, with nothing removed', () => {
    const doc = reference.documents[0]!
    expect(reference.documents).toHaveLength(1)
    expect(doc.meta.title).toBe(TITLE)
    expect(reference.files[0]!.data.removed).toEqual([])
    expect(reference.files[0]!.data.stamps).toEqual([])
  })

  it('has a case for every rule of the table', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(debrisRules.map((r) => r.id)))
  })

  it('every rule says why', () => {
    for (const rule of debrisRules) expect(rule.why.length, rule.id).toBeGreaterThan(10)
  })

  it.each(CASES.map((c) => [c.rule, c.chrome.replace(/\n/g, '⏎'), c] as const))('%s: %s', async (_rule, _shown, c) => {
    const {text, at} = compose(c.chrome, c.where)
    const result = await convertText(text)
    const file = result.files[0]!
    expect(result.failed).toEqual([])
    // Exact spans: each expected piece is found in the chrome, in order.
    let from = at
    const expectedRemoved = (c.removed ?? [[c.rule, c.chrome]]).map(([rule, piece]) => {
      const start = text.indexOf(piece, from)
      expect(start, piece).toBeGreaterThanOrEqual(at)
      from = start + piece.length
      return {rule, text: piece, start, end: start + piece.length}
    })
    from = at
    const expectedStamps = (c.stamps ?? []).map(([piece, value]) => {
      const start = text.indexOf(piece, from)
      from = start + piece.length
      return {text: piece, value, start, end: start + piece.length}
    })
    expect(file.data.removed).toEqual(expectedRemoved)
    expect(file.data.stamps!.map(({text, value, start, end}) => ({text, value, start, end}))).toEqual(expectedStamps)
    for (const r of file.data.removed!) expect(text.slice(r.start, r.end)).toBe(r.text)
    // The rest of the document is unchanged.
    expect(result.documents.map(reads)).toEqual(reference.documents.map(reads))
    expect(coverage(text, result.trees.get(file)!, file.data.removed!, file.data.stamps!)).toEqual([])
  })
})

describe('text that looks like chrome but is not stays', () => {
  it.each([
    ['a sentence about printing', '双方同意打印并交换文本。'],
    ['a sentence about closing', '双方决定关闭领事馆。'],
    ['a title containing 来源', '关于能源来源的协定'],
    ['numbers and ratios', '双方同意2005-2009年合作计划，比例为3:1。'],
    ['a paragraph starting with 首页', '首页内容不属于页面导航。']
  ])('%s', (_name, line) => {
    const result = cleanText(`${TITLE}\n${line}\n`)
    expect(result.removed).toEqual([])
    expect(result.stamps).toEqual([])
  })
})

// ------------------------------------------------------------ adversarial input

const REPEAT = 200_000
const MB = 1 << 20

/** Per rule: near misses (which must not match, however often repeated) and a real hit. */
const ADVERSARIAL: Record<string, {nearMiss: string[]; hit: string}> = {
  'page-stamp': {nearMiss: ['2002-03-14[字体：大 中', '2002-03-14 ', '20020314'], hit: '2002-03-14[字体：大 中 小]'},
  'font-size-widget': {nearMiss: ['[字体：大 中', '【字体：大 中 ', '字号：大 中 '], hit: '[字体：大 中 小]'},
  'print-link': {nearMiss: ['[打', '【 打 印', '打印本'], hit: '【打印】'},
  'close-window': {nearMiss: ['【关闭窗', '[ 关 闭 ]', '【关闭'], hit: '【关闭窗口】'},
  'copy-link': {nearMiss: ['[复制链', '  [复制', ' '], hit: ' [复制链接]'},
  'wiki-edit': {nearMiss: ['[编', '[編輯', '[edi'], hit: '[編輯]'},
  'back-to-top': {nearMiss: ['返回顶', '【返回顶部', '返回顶部。'], hit: '【返回顶部】'},
  breadcrumb: {nearMiss: ['首页 > ', '当前位置：首页 >> ', '首页>'], hit: '首页 > 外交部 > 条约文件'},
  'share-links': {nearMiss: ['分享', '分 享到'], hit: '分享到：微信'},
  'share-links-inline': {nearMiss: ['分享', '分享到：', ' 分享到 ', '微信 微博'], hit: ' 分享到：微信'},
  'previous-next': {nearMiss: ['上一篇：', '上一篇 下一篇', '下一篇：', '上一篇：无'], hit: '上一篇：无 下一篇：无'},
  'end-mark': {nearMiss: ['（完', '完）', '（完成）', '（完）。', 'Enditems', 'Enditem.'], hit: '（完）'},
  'editor-credit': {nearMiss: ['责任编辑', '（责任编辑：'], hit: '（责任编辑：王磊）'},
  'source-line': {nearMiss: ['来源', '来 源：'], hit: '来源：外交部网站'},
  'published-stamp-inline': {nearMiss: ['来源 发布时间：', '来源 发布时间：2015-12'], hit: '来源 发布时间：2015-12-11'},
  'published-stamp': {nearMiss: ['发布时间：', '发布时间：2015-12'], hit: '发布时间：2015-12-11'},
  'reading-time-stamp': {nearMiss: ['2010-09-28|閱讀', '2010-09-28|'], hit: '2010-09-28|閱讀時間 ‧ 約 5 分鐘'},
  'forum-posted-stamp': {nearMiss: ['只看楼主 发表于', '只看楼主 正序阅读 0 发表于: 1956-09'], hit: '只看楼主 发表于: 1956-09-24'},
  'forum-header': {nearMiss: ['• 63', '离线', '查看: 1234|回复', '上一主题 下一'], hit: '查看: 1234|回复: 5'},
  'platform-footer': {nearMiss: ['© 2024 vocus All rights', '從 Google News 追蹤'], hit: '© 2024 vocus All rights reserved.'},
  'wiki-chrome': {nearMiss: ['維基文庫,自由的圖書', '跳至導覽 跳至'], hit: '維基文庫,自由的圖書館'},
  'wiki-licence': {nearMiss: ['PD-icon.sv', 'PD-icon'], hit: 'PD-icon.svg 本作品在中国大陆属于公有领域。'},
  'wiki-licence-text': {nearMiss: ['本作品在全世界都属于公', 'This work is in the'], hit: '本作品在全世界都属于公有领域。'},
  'image-caption': {nearMiss: ['Flag.sv', 'a.svgx'], hit: 'Flag of China.svg'},
  'site-name': {nearMiss: [' 中华文', '中华文库 x'], hit: ' 中华文库'},
  'table-pipe': {nearMiss: [' | x', '|x'], hit: ' |'},
  'treaty-db-stamp': {nearMiss: ['(签订日期1980年4月23日\n', '(签订日期1980年4月'], hit: '(签订日期1980年4月23日\n生效日期1980年9月23日)'},
  'signed-date-field': {nearMiss: ['簽訂日期:1973年11月', '• 簽訂日期'], hit: '• 簽訂日期:1973年11月04日'},
  'effective-date-field': {nearMiss: ['生效日期：1994-05', '生效日期'], hit: '生效日期：1994-05-01'},
  'date-field': {nearMiss: ['日期: 2015-12', '日期'], hit: '日期: 2015-12-11'},
  'clock-stamp': {nearMiss: ['2019-09-22 05', '时间:2024-07-01 ', '(2010-09-28更'], hit: '2019-09-22 05:07'},
  'page-number': {nearMiss: ['— 3', '- 12 -x', '第3'], hit: '— 3 —'},
  'stray-symbols': {nearMiss: ['[x', '【a'], hit: '★'}
}

/** Every match of the one rule over `text` (as the clean stage runs it), as [kind, start, end] in source offsets. */
function hits(rule: DebrisRule, text: string): Array<[string, number, number]> {
  const removed: Removal[] = []
  const stamps: MetaSpan[] = []
  applyRule(MappedText.identity(text), rule, text, {removed, stamps})
  return [...removed.map((r): [string, number, number] => ['removed', r.start, r.end]), ...stamps.map((s): [string, number, number] => ['stamp', s.start, s.end])]
}

describe('no rule backtracks catastrophically', () => {
  it('has adversarial input for every rule', () => {
    expect(new Set(Object.keys(ADVERSARIAL))).toEqual(new Set(debrisRules.map((r) => r.id)))
  })

  const cases = debrisRules.map((rule) => [rule.id, rule] as const)

  it.each(cases)('%s: near misses repeated 200,000 times, on one line and on many, then a real hit', (id, rule) => {
    const {nearMiss, hit} = ADVERSARIAL[id]!
    for (const [i, miss] of nearMiss.entries()) {
      // On one line, one per line, and (for the first) between paragraph gaps.
      for (const joiner of i === 0 ? ['', '\n', '\u3000\u3000'] : ['', '\n']) {
        const noise = Array.from({length: REPEAT}, () => miss).join(joiner)
        const text = `${noise}\n${hit}\n`
        // Nothing in the noise; the hit, within its line.
        const found = hits(rule, text)
        expect(found.length, JSON.stringify([miss, joiner])).toBeGreaterThanOrEqual(1)
        expect(found[0]![1], JSON.stringify([miss, joiner])).toBeGreaterThanOrEqual(noise.length)
        expect(found.at(-1)![2]).toBeLessThanOrEqual(text.length)
      }
    }
  })

  it.each(cases)('%s: a 1 MB line without a newline, and 1 MB runs of spaces', (id, rule) => {
    const {hit} = ADVERSARIAL[id]!
    for (const filler of ['中', ' ', '\u3000', '2', '|']) {
      const line = filler.repeat(MB)
      const matches = hits(rule, line)
      // Nothing but a table-pipe rule can find anything in a line of one repeated character.
      if (id === 'table-pipe' && filler === '|') expect(matches).toEqual([['removed', MB - 1, MB]])
      else expect(matches, JSON.stringify(filler)).toEqual([])
      const text = `${line}x\n${hit}`
      expect(hits(rule, text).some(([, start]) => start >= line.length), JSON.stringify(filler)).toBe(true)
    }
  })
})

describe('the clean stage on adversarial input', () => {
  it('handles unclosed tags, entities and comments in linear time', () => {
    // `&lt;` alone is an entity (it becomes `<`) and ASCII quotes around Han pair up; nothing else here is markup.
    for (const [piece, becomes] of [['<p', '<p'], ['<a href="', '<a href="'], ['&nbsp', '&nbsp'], ['&#', '&#'], ['<!--', '<!--'], ['&lt;br', '<br'], ['"中"中', '“中”中']] as const) {
      const text = piece.repeat(REPEAT)
      const {text: cleaned, removed} = cleanText(text)
      expect(removed).toEqual([])
      expect(cleaned.text === becomes.repeat(REPEAT), piece).toBe(true)
      expect(cleaned.sourceRanges(0, cleaned.length)).toEqual([[0, text.length]])
    }
  })

  it('still removes a comment after a run of unclosed ones, and records it', () => {
    const noise = '<!--'.repeat(REPEAT)
    const text = `${noise}<!-- 打印 -->${TITLE}`
    const {text: cleaned, removed} = cleanText(text)
    expect(removed).toEqual([{rule: 'html-comment', text: '<!-- 打印 -->', start: noise.length, end: noise.length + 11}])
    expect(cleaned.text).toBe(noise + TITLE)
  })

  it('runs the whole table over 1 MB lines and 1 MB runs of layout', () => {
    for (const filler of ['中', '\u00a0', '\r', '\r\n']) {
      const text = `${filler.repeat(MB)}${TITLE}\n首页 > 外交部 > 条约文件\n`
      const {removed} = cleanText(text)
      expect(removed.map((r) => [r.rule, r.text])).toEqual([['breadcrumb', '首页 > 外交部 > 条约文件']])
    }
  })
})
