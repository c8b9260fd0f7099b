/**
 * Typesetting of the PDF writer (issue 12): signature roles wrapped inside
 * their half column, English justified by word spacing (never by spacing
 * letters, never a line starting with a space), titles broken at phrase
 * boundaries and never inside a gazetteer name, the ideographic space after
 * `第一条`, /Lang per document and per span, fallback fonts and a warning for a
 * character no font has, English outline labels, and the truncation note.
 * Documents are built by hand (`fixtures/akn-sample.ts`).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {Document, EntityMark} from '../pipeline/tree/types.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {advanceWithFallback} from '../pipeline/write/pdf/fonts.js'
import {geometry, cell} from '../pipeline/write/pdf/layout.js'
import {layoutDocument} from '../pipeline/write/pdf/render.js'
import {columnMeasure, signatureCell, signatureWidth} from '../pipeline/write/pdf/signatures.js'
import {titleBreaks} from '../pipeline/write/pdf/title-break.js'
import {TRUNCATION_NOTE} from '../pipeline/write/pdf/handle/index.js'
import {art, doc, meta, para, person, sig, signatures, signing, t} from './fixtures/akn-sample.js'

const poppler = spawnSync('pdftotext', ['-v']).error === undefined
const directory = mkdtempSync(path.join(tmpdir(), 'diptext-typeset-'))
afterAll(() => rmSync(directory, {recursive: true, force: true}))

/** A role printed over several lines: one text leaf per printed line, as the segmenter gives it. */
function printedRole(ref: string, ...lines: string[]): EntityMark {
  return {type: 'role', ref, href: `/akn/ontology/role/${ref}`, showAs: lines.join(''), children: lines.map(t), position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}}
}

function titled(text: string, language = 'zh-Hans'): Document {
  return doc(meta({id: '/akn/cn/statement/jointCommunique/1988-07-05/cn-qa', title: text, language}), {type: 'preface', children: [{type: 'title', children: [t(text)], position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}}], position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}})
}

function titleLines(text: string): string[] {
  const laid = layoutDocument(titled(text))
  const entry = laid.blocks.find((b) => b.block.kind === 'text' && b.block.tag === 'H1')!
  return entry.lines.map((line) => line.text)
}

async function pdfOf(document: Document): Promise<{bytes: Uint8Array; file: string; context: ReturnType<typeof createWriteContext>}> {
  const context = createWriteContext([document])
  const bytes = await context.render('pdf', document)
  const file = path.join(directory, `${document.meta.slug}-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, bytes)
  return {bytes, file, context}
}

const english = () =>
  doc(
    meta({id: '/akn/cn/statement/jointCommunique/1972-03-13/cn-gb', title: 'Joint Communiqué', language: 'en', docTypeLabel: null, slug: 'english'}),
    {
      type: 'preamble',
      children: [
        para(
          'Both confirming the principles of mutual respect for sovereignty and territorial integrity, non-interference in each other\'s internal affairs and equality and mutual benefit, the Government of the People\'s Republic of China and the Government of the United Kingdom have decided to raise the level of their respective diplomatic representatives in each other\'s capitals from charges d\'affaires to ambassadors as from March 13, 1972.'
        )
      ],
      position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
    },
    {type: 'body', children: [art(1, '1.', para('The Government of the United Kingdom recognize the Government of the People\'s Republic of China as the sole legal Government of China.'))], position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}},
    {
      type: 'conclusions',
      children: [
        signatures(
          sig('中華人民共和國', 'cn', printedRole('cnRep', '中華人民共和國政府代表', '外交部副部長'), person('qiao', 'cn.qiaoGuanhua', '喬冠華'), '喬冠華'),
          sig('大不列顛及北愛爾蘭聯合王國', 'gb', printedRole('gbRep', '大不列顛及北愛爾蘭聯合王國政府代表', '駐中華人民共和國代辦'), person('addis', 'gb.addis', 'J. M. Addis'), 'J. M. Addis')
        )
      ],
      position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
    }
  )

describe('signature block', () => {
  it('wraps each role inside its half column: printed line breaks first, then by width', () => {
    const signatory = signatureCell(
      sig('中华人民共和国', 'cn', printedRole('cnRep', '中华人民共和国代表', '中华人民共和国驻法兰西共和国特命全权大使'), person('zhou', 'cn.zhouJue', '周觉'), '周觉', '（签字）')
    )
    const role = signatory.parts[0]!
    expect(role.kind).toBe('role')
    expect(role.lines[0]).toBe('中华人民共和国代表')
    expect(role.lines.join('')).toBe('中华人民共和国代表中华人民共和国驻法兰西共和国特命全权大使')
    expect(role.lines.length).toBeGreaterThanOrEqual(3)
    for (const line of signatory.parts.flatMap((part) => part.lines)) {
      expect(signatureWidth(line), line).toBeLessThanOrEqual(columnMeasure + 0.01)
    }
    // The column is half the text block less one cell: nothing reaches the other column.
    expect(columnMeasure).toBeCloseTo(geometry.blockWidth / 2 - cell, 5)
  })

  it('never breaks inside a name of the gazetteer when it wraps', () => {
    const signatory = signatureCell(sig('', 'gb', printedRole('gbRep', '大不列顛及北愛爾蘭聯合王國政府代表'), person('addis', 'gb.addis', 'J. M. Addis'), 'J. M. Addis'))
    expect(signatory.parts[0]!.lines).toEqual(['大不列顛及北愛爾蘭聯合王國', '政府代表'])
  })
})

describe('titles', () => {
  it('break only at 和 / 及 / 的 / 关于 and never inside a gazetteer name or a word', () => {
    for (const [title, name] of [
      ['中华人民共和国文化部和阿拉伯也门共和国新闻文化部议定书', '阿拉伯也门共和国'],
      ['中華人民共和國政府和大不列顛及北愛爾蘭聯合王國政府關於互換大使的聯合公報', '北愛爾蘭'],
      ['中华人民共和国和卡塔尔国建立外交关系联合公报', '卡塔尔国'],
      ['中华人民共和国和阿塞拜疆共和国关于进一步发展和深化友好合作关系的联合声明', '进一步']
    ] as const) {
      const lines = titleLines(title)
      expect(lines.join('')).toBe(title)
      expect(lines.length).toBeGreaterThan(1)
      expect(lines.some((line) => line.includes(name)), `${name} whole in ${lines.join(' | ')}`).toBe(true)
      for (const line of lines.slice(0, -1)) expect(line, lines.join(' | ')).toMatch(/[和及与的、]$|[^关關]$/u)
      for (const line of lines.slice(1)) expect(/^(关于|關於)/u.test(line) || /[和及与的、]$/u.test(lines[lines.indexOf(line) - 1]!), lines.join(' | ')).toBe(true)
    }
    // 和 inside 共和国 is never a break.
    expect(titleBreaks('中华人民共和国和俄罗斯联邦引渡条约')).toEqual([8])
  })
})

describe('English', () => {
  it('never starts a line with a space, and justifies by word spacing, not letter spacing', async () => {
    const laid = layoutDocument(english())
    const lines = laid.blocks.flatMap((entry) => entry.lines)
    expect(lines.length).toBeGreaterThan(4)
    for (const line of lines) expect(line.text, line.text).not.toMatch(/^\s/u)
    if (!poppler) return
    const {file} = await pdfOf(english())
    const html = spawnSync('pdftotext', ['-bbox-layout', file, '-'], {encoding: 'utf8'}).stdout
    const right = geometry.left + geometry.blockWidth
    let justified = 0
    for (const line of html.split('<line ').slice(1)) {
      const words = [...line.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/gu)].map((m) => ({xMin: Number(m[1]), xMax: Number(m[2]), text: m[3]!}))
      if (words.length < 4 || !/[a-z]/.test(words[0]!.text)) continue
      // Every word keeps its natural width (letters are not spaced out)…
      for (const word of words) {
        const text = word.text.replace(/&apos;/g, "'").replace(/&amp;/g, '&')
        const natural = advanceWithFallback('regular', text) * geometry.fontSize + (geometry.blockWidth / geometry.chars - geometry.fontSize) * (Array.from(text).length - 1)
        expect(Math.abs(word.xMax - word.xMin - natural), text).toBeLessThan(1)
      }
      // …and a justified line still ends at the right edge of the text block.
      if (Math.abs(words[words.length - 1]!.xMax - right) < 0.5) justified++
    }
    expect(justified).toBeGreaterThan(2)
  })

  it('says /Lang en for the document and zh for the Chinese signature lines, with English outline labels', async () => {
    const {bytes} = await pdfOf(english())
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw).toMatch(/\/Lang \(en\)/)
    expect(raw).toMatch(/\/S \/P\s*\/Lang \(zh\)/)
    expect(raw).toContain('/Title (Preamble)')
    expect(raw).toContain('/Title (Signatures)')
    expect(raw).not.toContain('zh-CN')
  })
})

describe('Chinese documents', () => {
  it('puts an ideographic space after 第一条 (PDF and Markdown), and none after 一、', async () => {
    const tiao = doc(
      meta({id: '/akn/cn/statement/agreement/1992-01-20/cn-by', title: '协定', docType: 'agreement', docTypeLabel: '协定', slug: 'tiao'}),
      {
        type: 'body',
        children: [
          {type: 'article', ordinal: 1, style: 'tiao', children: [{type: 'num', value: '第一条', position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}}, para('双方同意发展友好关系。')], position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}},
          art(2, '二、', para('双方同意合作。'))
        ],
        position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
      }
    )
    const texts = layoutDocument(tiao).blocks.flatMap((entry) => entry.lines.map((line) => line.text))
    expect(texts).toContain('第一条\u3000双方同意发展友好关系。')
    expect(texts).toContain('二、双方同意合作。')
    const markdown = new TextDecoder().decode(await createWriteContext([tiao]).render('md', tiao))
    expect(markdown).toContain('第一条\u3000双方同意发展友好关系。')
    expect(markdown).toContain('二、双方同意合作。')
  })

  it('sets characters outside Noto Serif SC in fallback fonts, and warns for each character no font has', async () => {
    const text = '双方😀同意ꀀ合作𠀀与𗀀。'
    const fallback = doc(meta({id: '/akn/cn/statement/jointStatement/2005-03-17/cn-az', title: '声明', slug: 'fallback'}), {
      type: 'preamble',
      children: [para(text)],
      position: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
    })
    const {bytes, file, context} = await pdfOf(fallback)
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansYi/)
    const warnings = context.messages.filter((message) => message.ruleId === 'missing-glyph')
    expect(warnings.map((message) => message.reason)).toEqual([expect.stringContaining('𠀀` (U+20000)'), expect.stringContaining('𗀀` (U+17000)')])
    const start = fallback.children[0]!.children[0]!.position.start.offset!
    expect(warnings.map((message) => message.place)).toEqual([
      expect.objectContaining({offset: start + text.indexOf('𠀀')}),
      expect.objectContaining({offset: start + text.indexOf('𗀀')})
    ])
    if (!poppler) return
    // The text layer keeps every character: the fallback glyphs through ToUnicode, the missing ones through ActualText.
    const extracted = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {encoding: 'utf8'}).stdout
    expect(extracted.replace(/\s/gu, '')).toContain(text)
  })

  it('says on the first page that a truncated document is incomplete', () => {
    const truncated = titled('中华人民共和国和卡塔尔国建立外交关系联合公报')
    truncated.meta.truncated = true
    const laid = layoutDocument(truncated)
    const texts = laid.blocks.map((entry) => (entry.block.kind === 'text' ? entry.block.text : ''))
    expect(texts[1]).toBe(TRUNCATION_NOTE['zh'])
    expect(laid.pages[0]!.some((placement) => placement.block === 1)).toBe(true)
    const englishTruncated = english()
    englishTruncated.meta.truncated = true
    expect(layoutDocument(englishTruncated).blocks.some((entry) => entry.block.kind === 'text' && entry.block.text === TRUNCATION_NOTE['en'])).toBe(true)
  })
})
