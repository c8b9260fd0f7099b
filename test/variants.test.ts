/**
 * Same text, other shape: every variant of the seed (and of a Traditional
 * corpus text, for Big5) derived here programmatically must give the same
 * structure as the clean input — encodings, line breaks instead of U+3000
 * runs, NBSP or ASCII spaces, ASCII punctuation, HTML remnants, one document
 * per file, any order — and every input character must still be covered once.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import {visit} from 'unist-util-visit'
import {convert, type Converted, type Input} from '../pipeline/batch/convert.js'
import type {Citation, Division, Document, Paragraph, Signature, Signing} from '../pipeline/tree/types.js'
import {toText} from '../pipeline/tree/text.js'
import {coverage} from './helpers/coverage.js'
import {corpusDir, corpusFiles, seedText} from './helpers/seed.js'

// ------------------------------------------------------------ structure

interface ArticleShape {
  num: string
  children: Array<string | ArticleShape>
}

interface Shape {
  id: string
  title: string
  signed: string | null
  /** The preface's paragraphs other than the title (page chrome left behind would show here). */
  preface: string[]
  preamble: string[]
  body: Array<string | ArticleShape>
  conclusions: Array<string | {signatures: Array<[string | null, string | null, string | null] | string>}>
  citations: Array<[string, string]>
}

function division(node: Division): ArticleShape {
  const [num, ...rest] = node.children
  return {num: num.value, children: rest.map((c) => (c.type === 'paragraph' ? toText(c) : division(c)))}
}

/** What must not change between shapes of one input: everything a reader of the document sees. */
function shape(doc: Document): Shape {
  const preface: string[] = []
  const preamble: string[] = []
  const body: Shape['body'] = []
  const conclusions: Shape['conclusions'] = []
  for (const section of doc.children) {
    if (section.type === 'preface') for (const p of section.children) if (p.type === 'paragraph') preface.push(toText(p))
    if (section.type === 'preamble') for (const p of section.children) preamble.push(toText(p))
    if (section.type === 'body') for (const c of section.children) body.push(c.type === 'paragraph' ? toText(c) : division(c))
    if (section.type === 'conclusions') {
      for (const c of section.children) {
        if (c.type === 'paragraph') conclusions.push(toText(c as Paragraph))
        else
          conclusions.push({
            signatures: c.children.map((s: Signature | Signing) => (s.type === 'signature' ? [s.party, s.role, s.name] : toText(s)))
          })
      }
    }
  }
  const citations: Array<[string, string]> = []
  visit(doc, 'citation', (n) => {
    const c = n as Citation
    if (c.target !== null) citations.push([c.title, c.target])
  })
  return {id: doc.meta.id, title: doc.meta.title, signed: doc.meta.dates.signed?.value ?? null, preface, preamble, body, conclusions, citations}
}

const shapes = (result: Converted): Shape[] => result.documents.map(shape)
const byId = (list: Shape[]): Shape[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** Nothing lost, for every file of a batch. */
function problems(result: Converted): unknown[] {
  const out: unknown[] = []
  for (const file of result.files) {
    const tree = result.trees.get(file)
    if (!tree) {
      out.push({file: file.path, failed: true})
      continue
    }
    for (const p of coverage(file.data.source!.text, tree, file.data.removed!, file.data.stamps!)) out.push({file: file.path, ...p})
  }
  return out
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const one = (text: string, name = 'variant.txt'): Input[] => [{path: name, bytes: utf8(text)}]

// ------------------------------------------------------------ deriving the variants

/** Runs of U+3000 (with any ASCII spaces around them, as in the signature columns). */
const IDEO_RUN = /[ \u3000]*\u3000[ \u3000]*/g

/** Replace every layout run: two or more characters by `separator`, a single U+3000 (`江　泽　民`) by `single`. */
function relayout(text: string, separator: string, single = ' '): string {
  return text.replace(IDEO_RUN, (run) => (run.length >= 2 ? separator : single))
}

/** The paragraphs of the one-line seed: the text between layout runs. */
function paragraphsOf(text: string): string[] {
  return relayout(text, '\u0000').split('\u0000').filter((p) => p !== '')
}

const ASCII_PUNCT: Record<string, string> = {'，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '“': '"', '”': '"'}
const asciiPunct = (text: string): string => text.replace(/[，：；（）“”]/g, (c) => ASCII_PUNCT[c]!)

const TITLES = [
  '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明',
  '中华人民共和国和阿塞拜疆共和国联合声明',
  '中华人民共和国和阿塞拜疆共和国关于进一步发展和深化友好合作关系的联合声明'
]

/**
 * The seed as PDF-to-text gives it: each paragraph on lines of `width`
 * characters, the first indented by two U+3000, and a page number line after
 * every `perPage` lines (between the lines of a paragraph where it falls).
 */
function hardWrapped(text: string, width: number, perPage: number, pageNumber = (n: number): string => `— ${n} —`): string {
  const lines: string[] = []
  for (const paragraph of paragraphsOf(text)) {
    const chars = [...paragraph]
    for (let i = 0; i < chars.length; i += width) lines.push((i === 0 ? '\u3000\u3000' : '') + chars.slice(i, i + width).join(''))
  }
  const out: string[] = []
  lines.forEach((line, i) => {
    out.push(line)
    if ((i + 1) % perPage === 0) out.push(pageNumber((i + 1) / perPage))
  })
  return out.join('\n')
}

const printLink = (text: string): string => text.replaceAll('打印本页', '<a href="javascript:print()">打印本页</a>')

/** Replace every other paragraph-separating U+3000 run by an entity form. */
function entities(text: string): string {
  let i = 0
  return text.replace(IDEO_RUN, (run) => {
    if (run.length < 2) return run
    i++
    return i % 3 === 0 ? '&nbsp;&nbsp;' : i % 3 === 1 ? '&#12288;&#12288;' : '&#x3000;\u3000'
  })
}

let clean: Converted
let cleanShapes: Shape[]
/** Where documents 2 and 3 start in the seed (the split points of the one-document-per-file variants). */
let cuts: number[]

beforeAll(async () => {
  clean = await convert(one(seedText, 'seed.txt'))
  cleanShapes = shapes(clean)
  cuts = clean.documents.slice(1).map((d) => d.meta.source.start)
})

const pieces = (): string[] => [seedText.slice(0, cuts[0]), seedText.slice(cuts[0], cuts[1]), seedText.slice(cuts[1])]

describe('variants of the seed give the structure of the clean seed', () => {
  it('the clean seed has the structure the seed test holds to', () => {
    expect(cleanShapes.map((s) => s.id)).toEqual([
      '/akn/cn/statement/jointStatement/1994-03-07/cn-az',
      '/akn/cn/statement/jointStatement/2005-03-17/cn-az',
      '/akn/cn/statement/jointStatement/2015-12-10/cn-az'
    ])
    expect(cuts).toHaveLength(2)
    expect(problems(clean)).toEqual([])
  })

  const layouts: Array<[string, () => string]> = [
    ['LF between paragraphs', () => relayout(seedText, '\n')],
    ['CRLF between paragraphs', () => relayout(seedText, '\r\n')],
    ['blank lines (LF LF) between paragraphs', () => relayout(seedText, '\n\n')],
    ['blank lines (CRLF CRLF) between paragraphs', () => relayout(seedText, '\r\n\r\n')],
    ['two NBSP instead of U+3000 runs', () => relayout(seedText, '\u00a0\u00a0', '\u00a0')],
    ['two ASCII spaces instead of U+3000 runs', () => relayout(seedText, '  ')],
    ['ASCII punctuation ,:;()"', () => asciiPunct(seedText)],
    ['ASCII punctuation and LF', () => asciiPunct(relayout(seedText, '\n'))],
    ['ASCII punctuation and ASCII spaces', () => asciiPunct(relayout(seedText, '  '))],
    ['<p>…</p> around each paragraph', () => paragraphsOf(seedText).map((p) => `<p>${p}</p>`).join('')],
    ['<p>…</p> with line breaks', () => paragraphsOf(seedText).map((p) => `<p>${p}</p>`).join('\n')],
    ['<br> between paragraphs', () => paragraphsOf(seedText).join('<br>')],
    ['<br /> and LF between paragraphs', () => paragraphsOf(seedText).join('<br />\n')],
    ['escaped &lt;br&gt; between paragraphs', () => paragraphsOf(seedText).join('&lt;br&gt;')],
    ['print link as <a href="javascript:print()">', () => printLink(seedText)],
    ['&nbsp;, &#12288; and &#x3000; for U+3000', () => entities(seedText)],
    ['all HTML remnants together', () => printLink(entities(paragraphsOf(seedText).map((p) => `<p>${p}</p>`).join('<br>')))],
    ['HTML, ASCII punctuation and CRLF', () => printLink(asciiPunct(paragraphsOf(seedText).join('<br>\r\n')))],
    ['one paragraph per line, no layout kept inside (trailing newline)', () => relayout(seedText, '\n') + '\n'],
    // The shapes issue 8 names: no page chrome, annotated titles, PDF-to-text, a loose site label.
    ['page chrome replaced by a line break', () => seedText.replace(/\[字体：大 中 小\] *打印本页/g, '\n')],
    ['（全文） after each title', () => TITLES.reduce((text, title) => text.replace(title, `${title}（全文）`), seedText)],
    ['hard-wrapped at 30 characters with — n — page numbers', () => hardWrapped(seedText, 30, 40)],
    ['hard-wrapped at 24 characters, ASCII punctuation, - n - page numbers', () => hardWrapped(asciiPunct(seedText), 24, 30, (n) => `- ${n} -`)],
    ['a space between the site label and the first title', () => seedText.replace('合作关系关于', '合作关系 关于')],
    ['page chrome replaced by a line break, one paragraph per line', () => relayout(seedText.replace(/\[字体：大 中 小\] *打印本页/g, '\n'), '\n')]
  ]

  it.each(layouts)('%s', async (_name, derive) => {
    const result = await convert(one(derive()))
    expect(result.failed).toEqual([])
    expect(shapes(result)).toEqual(cleanShapes)
    expect(problems(result)).toEqual([])
  })

  it.each([
    [[1, 0, 2]],
    [[2, 1, 0]],
    [[0, 2, 1]],
    [[2, 0, 1]]
  ])('the documents glued in the order %j, as the seed glues them', async (order) => {
    const parts = pieces()
    const result = await convert(one(order.map((i) => parts[i]).join('')))
    expect(byId(shapes(result))).toEqual(byId(cleanShapes))
    expect(problems(result)).toEqual([])
  })

  it('one document per file', async () => {
    const result = await convert(pieces().map((text, i) => ({path: `part-${i + 1}.txt`, bytes: utf8(text)})))
    expect(shapes(result)).toEqual(cleanShapes)
    expect(problems(result)).toEqual([])
  })

  it('one document per file, in reverse order (compared by id)', async () => {
    const files = pieces()
      .map((text, i) => ({path: `part-${i + 1}.txt`, bytes: utf8(text)}))
      .reverse()
    const result = await convert(files)
    expect(byId(shapes(result))).toEqual(byId(cleanShapes))
    expect(problems(result)).toEqual([])
  })

  it('one document per file, reversed, with LF layout and ASCII punctuation', async () => {
    const files = pieces()
      .map((text, i) => ({path: `part-${i + 1}.txt`, bytes: utf8(asciiPunct(relayout(text, '\n')))}))
      .reverse()
    const result = await convert(files)
    expect(byId(shapes(result))).toEqual(byId(cleanShapes))
    expect(problems(result)).toEqual([])
  })

  it('many documents in one file, in reverse order, one page per line', async () => {
    const text = pieces().reverse().join('\n')
    const result = await convert(one(text))
    expect(byId(shapes(result))).toEqual(byId(cleanShapes))
    expect(problems(result)).toEqual([])
  })

  const encodings: Array<[string, (text: string) => Uint8Array, string]> = [
    ['UTF-8 with BOM', (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)]), 'utf-8'],
    ['UTF-16 LE with BOM', (t) => iconv.encode(t, 'utf-16le', {addBOM: true}), 'utf-16le'],
    ['UTF-16 BE with BOM', (t) => iconv.encode(t, 'utf-16be', {addBOM: true}), 'utf-16be'],
    ['GB18030', (t) => iconv.encode(t, 'gb18030'), 'gb18030'],
    ['GBK', (t) => iconv.encode(t, 'gbk'), 'gb18030']
  ]

  it.each(encodings)('%s, detected without a flag', async (_name, encode, encoding) => {
    const bytes = encode(seedText)
    const result = await convert([{path: 'encoded.txt', bytes}])
    const source = result.files[0]!.data.source!
    expect(source.encoding).toBe(encoding)
    expect(source.text).toBe(seedText)
    expect(shapes(result)).toEqual(cleanShapes)
    expect(problems(result)).toEqual([])
  })

  it('GB18030 with CRLF layout and ASCII punctuation, one document per file', async () => {
    const files = pieces().map((text, i) => ({path: `part-${i + 1}.txt`, bytes: iconv.encode(asciiPunct(relayout(text, '\r\n')), 'gb18030')}))
    const result = await convert(files)
    expect(result.files.map((f) => f.data.source!.encoding)).toEqual(['gb18030', 'gb18030', 'gb18030'])
    expect(shapes(result)).toEqual(cleanShapes)
    expect(problems(result)).toEqual([])
  })
})

const big5File = path.join(corpusDir, '020.txt')

describe.skipIf(!existsSync(big5File))(`Big5 (a Traditional document: Big5 cannot encode the Simplified seed)${existsSync(big5File) ? '' : ' [SKIPPED: no ../shared/corpus/020.txt]'}`, () => {
  const text = existsSync(big5File) ? readFileSync(big5File, 'utf8') : ''

  it('corpus 020 encodes losslessly in Big5', () => {
    expect(iconv.decode(iconv.encode(text, 'big5'), 'big5')).toBe(text)
  })

  it.each([
    ['Big5', (t: string) => iconv.encode(t, 'big5')],
    ['UTF-16 LE with BOM', (t: string) => iconv.encode(t, 'utf-16le', {addBOM: true})],
    ['UTF-8 with BOM', (t: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)])]
  ])('%s gives the structure of the UTF-8 file', async (name, encode) => {
    const reference = await convert([{path: '020.txt', bytes: utf8(text)}])
    expect(reference.documents).toHaveLength(1)
    const result = await convert([{path: '020.txt', bytes: encode(text)}])
    const source = result.files[0]!.data.source!
    expect(source.encoding).toBe(name === 'Big5' ? 'big5' : name.startsWith('UTF-16') ? 'utf-16le' : 'utf-8')
    expect(source.text).toBe(text)
    expect(shapes(result)).toEqual(shapes(reference))
    expect(problems(result)).toEqual([])
  })

  it('Big5 with CRLF line breaks', async () => {
    const reference = await convert([{path: '020.txt', bytes: utf8(text)}])
    const result = await convert([{path: '020.txt', bytes: iconv.encode(text.replace(/\r?\n/g, '\r\n'), 'big5')}])
    expect(result.files[0]!.data.source!.encoding).toBe('big5')
    expect(shapes(result)).toEqual(shapes(reference))
    expect(problems(result)).toEqual([])
  })
})

describe('variants of every corpus file give the structure of the file as captured', () => {
  const crlf = (t: string): string => t.replace(/\r?\n/g, '\r\n')
  const bigFive = (t: string): boolean => /[們國這說關與為對會時]/.test(t) && iconv.decode(iconv.encode(t, 'big5'), 'big5') === t
  /**
   * A page with no Chinese at all (English) gives a legacy Chinese encoding nothing to be told from
   * UTF-8 with stray bytes by (the decoder prefers reporting invalid bytes to a silent misreading), so
   * its GB18030 form is read as its user would: with the encoding declared.
   */
  const english = (t: string): boolean => !/[\u3400-\u9fff]/.test(t)
  /** name, the text as the variant reads, its bytes, the encoding that must be detected, the encoding declared. */
  const derived: Array<[string, (t: string) => string, (t: string) => Uint8Array, (t: string) => string, (t: string) => string | undefined]> = [
    ['CRLF', crlf, utf8, () => 'utf-8', () => undefined],
    ['CR only', (t) => t.replace(/\r?\n/g, '\r'), utf8, () => 'utf-8', () => undefined],
    ['UTF-8 with BOM', (t) => t, (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)]), () => 'utf-8', () => undefined],
    ['UTF-16 BE with BOM and CRLF', crlf, (t) => iconv.encode(t, 'utf-16be', {addBOM: true}), () => 'utf-16be', () => undefined],
    // Big5 for a Traditional text it can encode; GB18030 (which encodes all of Unicode) otherwise.
    [
      'Big5 or GB18030',
      (t) => t,
      (t) => iconv.encode(t, bigFive(t) ? 'big5' : 'gb18030'),
      (t) => (bigFive(t) ? 'big5' : 'gb18030'),
      (t) => (english(t) ? 'gb18030' : undefined)
    ]
  ]
  const cases = corpusFiles().flatMap((file) => derived.map(([name, ...rest]) => [path.basename(file), name, file, ...rest] as const))

  if (cases.length === 0) it.skip('every corpus file [SKIPPED: no ../shared/corpus]', () => {})
  it.each(cases)('%s, %s', async (_base, _name, file, transform, encode, encoding, declared) => {
    const original = readFileSync(file, 'utf8')
    const reference = await convert([{path: 'corpus.txt', bytes: utf8(original)}])
    const text = transform(original)
    const declaration = declared(original)
    const result = await convert([{path: 'corpus.txt', bytes: encode(text)}], declaration ? {encoding: declaration} : {})
    expect(result.failed).toEqual([])
    const source = result.files[0]!.data.source!
    expect([source.encoding, source.text]).toEqual([encoding(original), text])
    expect(shapes(result)).toEqual(shapes(reference))
    expect(problems(result)).toEqual([])
  })

  it.each(corpusFiles().filter((file) => english(readFileSync(file, 'utf8')) && /[^\x00-\x7f]/.test(readFileSync(file, 'utf8'))))(
    '%s in GB18030, undeclared, is read as UTF-8 with every invalid byte reported, never silently',
    async (file) => {
      const result = await convert([{path: 'corpus.txt', bytes: iconv.encode(readFileSync(file, 'utf8'), 'gb18030')}])
      expect(result.files[0]!.data.source!.encoding).toBe('utf-8')
      const invalid = result.files[0]!.messages.filter((m) => m.ruleId === 'invalid-byte')
      expect(invalid.length).toBeGreaterThan(0)
      expect(problems(result)).toEqual([])
    }
  )
})
