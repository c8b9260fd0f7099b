/**
 * The PDF writer (`pipeline/write/pdf`): GB/T 9704 layout, PDF/A-3a tagging,
 * metadata, attachments, outline, reproducibility. PDFs are read back
 * in-process with pdfjs-dist.
 *
 * Text is checked twice:
 * - exactly, from the glyphs pdfjs decodes for each `showText` operator (via the
 *   font's ToUnicode map), grouped by marked-content id and structure element;
 *   this sees every ideographic space (U+3000) as drawn;
 * - as an ordinary extractor sees it (`getTextContent`): pdfjs does not return
 *   the U+3000 glyph but turns a run of them into one ASCII space (poppler and
 *   mupdf do the same, see notes/pdf.md §1), so that comparison maps each run
 *   of U+3000 in the expected text to one space and says so.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {RELEASE_DATE} from '../pipeline/frbr/conversion-date.js'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import {DOMParser} from '@xmldom/xmldom'
import type {WriteContext} from '../pipeline/write/types.js'
import type {AnyNode, Document, Document as Tree} from '../pipeline/tree/types.js'
import {pdfWriter} from '../pipeline/write/pdf/index.js'
import {getWriter, loadAllWriters} from '../pipeline/write/registry.js'
import {layoutDocument} from '../pipeline/write/pdf/render.js'
import {geometry, paginate, type Measured} from '../pipeline/write/pdf/layout.js'
import {breakLines, tokenize} from '../pipeline/write/pdf/linebreak.js'
import {escapeXml} from '../pipeline/write/pdf/metadata.js'
import {fontLoads} from '../pipeline/write/pdf/fonts.js'
import {sampleDocument} from './fixtures/pdf-sample.js'

// ---------------------------------------------------------------- helpers

const encoder = new TextEncoder()
const fixedAkn = encoder.encode('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="jointStatement"/></akomaNtoso>\n')
const fixedJson = encoder.encode('{"type":"document","note":"fixed bytes for the test, 中文 & <>"}\n')

/** A context whose `render` returns fixed bytes for `akn` and `json` (those writers are built elsewhere). */
function fakeContext(batch: readonly Document[], sourceDateEpoch: number | null = null): WriteContext & {calls: string[]} {
  const calls: string[] = []
  return {
    batch,
    sourceDateEpoch,
    calls,
    async render(format) {
      calls.push(format)
      if (format === 'akn') return fixedAkn
      if (format === 'json') return fixedJson
      throw new Error(`unexpected format ${format}`)
    }
  }
}

async function render(doc: Tree, sourceDateEpoch: number | null = null): Promise<Uint8Array> {
  return pdfWriter.write(doc, fakeContext([doc], sourceDateEpoch))
}

function leafText(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'num') return node.value
  if ('children' in node) return (node.children as AnyNode[]).map(leafText).join('')
  return ''
}

/**
 * What the page must say, paragraph by paragraph, straight from the tree: the
 * title, every paragraph (an article's number in front of its first one), each
 * signatory's role, name and mark, the signing line.
 */
function expectedParagraphs(doc: Tree): string[] {
  const out: string[] = []
  const division = (node: AnyNode) => {
    if (node.type !== 'article' && node.type !== 'point' && node.type !== 'chapter') return
    const [num, ...rest] = node.children
    let prefix = num.value
    for (const child of rest) {
      if (child.type === 'paragraph') out.push(prefix + leafText(child))
      else {
        if (prefix) out.push(prefix)
        division(child)
      }
      prefix = ''
    }
    if (prefix) out.push(prefix)
  }
  for (const section of doc.children) {
    for (const child of section.children) {
      if (child.type === 'article' || child.type === 'point' || child.type === 'chapter') division(child)
      else if (child.type === 'signatures') {
        for (const item of child.children) {
          if (item.type === 'signing') out.push(leafText(item))
          else {
            const lines = ['', '', '']
            for (const part of item.children) {
              const index = part.type === 'role' ? 0 : part.type === 'person' ? 1 : 2
              lines[index] += leafText(part)
            }
            out.push(...lines.filter((line) => line !== ''))
          }
        }
      } else out.push(leafText(child))
    }
  }
  const titled = doc.children.some((section) => section.type === 'preface' && section.children.some((child) => child.type === 'title'))
  if (!titled) out.unshift(doc.meta.title)
  return out.filter((text) => text !== '')
}

interface Line {
  text: string
  tag: string | null
  x: number
}

interface PageInfo {
  /** Every `showText` (one drawn line), in content order, with its marked-content tag. */
  lines: Line[]
  /** Exact text of each marked content, by id (`p12R_mc3`). */
  marked: Map<string, string>
  /** Leaf structure elements of the page, in order: role and content ids. */
  elements: Array<{role: string; ids: string[]}>
  /** getTextContent without artifacts, line breaks removed. */
  extracted: string
  /** The page-number artifact and its x. */
  folio: {text: string; x: number} | null
  fonts: Array<{name: string; missingFile: boolean}>
}

interface StructNode {
  role?: string
  type?: string
  id?: string
  children?: StructNode[]
}

const opNames = new Map(Object.entries(pdfjs.OPS).map(([name, code]) => [code as number, name]))

async function inspect(bytes: Uint8Array) {
  const pdf = await pdfjs.getDocument({data: bytes.slice(), disableFontFace: true, verbosity: 0}).promise
  const pages: PageInfo[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const prefix = `p${page.ref?.num ?? 0}R_mc`
    const ops = await page.getOperatorList()
    const lines: Line[] = []
    const marked = new Map<string, string>()
    const fonts = new Map<string, {name: string; missingFile: boolean}>()
    const stack: Array<{tag: string; id: string | null}> = []
    let x = 0
    ops.fnArray.forEach((code, index) => {
      const name = opNames.get(code)
      const args = ops.argsArray[index] as unknown[]
      if (name === 'beginMarkedContentProps' || name === 'beginMarkedContent') {
        const mcid = args[1]
        stack.push({tag: String(args[0]), id: typeof mcid === 'number' ? prefix + mcid : null})
      } else if (name === 'endMarkedContent') {
        stack.pop()
      } else if (name === 'setTextMatrix') {
        x = Number(args[4])
      } else if (name === 'setFont') {
        const id = String(args[0])
        const font = page.commonObjs.get(id) as {name: string; missingFile: boolean}
        fonts.set(id, {name: font.name, missingFile: font.missingFile})
      } else if (name === 'showText') {
        const glyphs = args[0] as Array<number | {unicode: string}>
        const text = glyphs.map((glyph) => (typeof glyph === 'number' ? '' : glyph.unicode)).join('')
        const top = stack[stack.length - 1] ?? null
        lines.push({text, tag: top?.tag ?? null, x})
        if (top?.id) marked.set(top.id, (marked.get(top.id) ?? '') + text)
      }
    })
    const content = await page.getTextContent({includeMarkedContent: true, disableNormalization: true})
    let artifact = 0
    let extracted = ''
    let folio: PageInfo['folio'] = null
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          if ((item as {tag?: string}).tag === 'Artifact') artifact++
        } else if (item.type === 'endMarkedContent' && artifact > 0) artifact--
        continue
      }
      if (artifact > 0) {
        folio = {text: item.str, x: item.transform[4] as number}
        continue
      }
      extracted += item.str
    }
    const tree = (await page.getStructTree()) as StructNode | null
    const elements: PageInfo['elements'] = []
    const walk = (node: StructNode) => {
      const kids = node.children ?? []
      const ids = kids.filter((kid) => kid.type === 'content' && kid.id).map((kid) => kid.id as string)
      if (ids.length > 0 && node.role) elements.push({role: node.role, ids})
      kids.forEach((kid) => {
        if (kid.role) walk(kid)
      })
    }
    if (tree) walk(tree)
    pages.push({lines, marked, elements, extracted, folio, fonts: [...fonts.values()]})
  }
  return {pdf, pages}
}

/** The text of every leaf structure element, pages in order, elements split by a page break merged back. */
function elementTexts(pages: PageInfo[]): Array<{role: string; text: string; pageStart: boolean}> {
  const out: Array<{role: string; text: string; pageStart: boolean}> = []
  for (const page of pages) {
    page.elements.forEach((element, index) => {
      const text = element.ids.map((id) => page.marked.get(id) ?? '').join('')
      out.push({role: element.role, text, pageStart: index === 0})
    })
  }
  return out
}

/**
 * Check that the structure elements give exactly `expected`, in order: the
 * concatenations are equal, every paragraph boundary is an element boundary,
 * and every element boundary that is not a page break is a paragraph boundary.
 */
function expectSameParagraphs(pages: PageInfo[], expected: string[]): void {
  const elements = elementTexts(pages)
  expect(elements.map((element) => element.text).join('')).toBe(expected.join(''))
  const expectedBoundaries = new Set<number>()
  let at = 0
  for (const text of expected) expectedBoundaries.add((at += text.length))
  at = 0
  const seen = new Set<number>()
  elements.forEach((element, index) => {
    const next = elements[index + 1]
    at += element.text.length
    seen.add(at)
    if (next && !next.pageStart) expect(expectedBoundaries.has(at), `boundary after “${element.text.slice(-10)}”`).toBe(true)
  })
  for (const boundary of expectedBoundaries) expect(seen.has(boundary)).toBe(true)
}

const NO_START = '，。、；：？！）》”'
const NO_END = '（《“'

// ---------------------------------------------------------------- fixtures

const sample = sampleDocument()
const ideographic = sampleDocument({
  title: 'A&B <测试> “标题”',
  extraPreamble: '二十国集团（G20）杭州峰会　　与APEC会议期间，双方于2016年9月4日举行会谈；中方　强调：“一带一路”倡议……有关方面。'
})
const long = sampleDocument({repeat: 5})

const rendered = {
  sample: render(sample),
  ideographic: render(ideographic),
  long: render(long)
}

// ---------------------------------------------------------------- tests

describe('pdf writer', () => {
  it('is the `pdf` format', async () => {
    expect(pdfWriter.name).toBe('pdf')
    expect(pdfWriter.directory).toBe('pdf')
    expect(pdfWriter.extension).toBe('.pdf')
    expect(pdfWriter.mediaType).toBe('application/pdf')
    // The registry's entry names the same folder and type, and loads this very writer.
    const registered = getWriter('pdf')
    expect([registered.directory, registered.extension, registered.mediaType]).toEqual([pdfWriter.directory, pdfWriter.extension, pdfWriter.mediaType])
    expect(await loadAllWriters()).toContain(pdfWriter)
  })

  it('holds the title and every paragraph in order, exactly (structure tree)', async () => {
    const {pages} = await inspect(await rendered.sample)
    const expected = expectedParagraphs(sample)
    expect(expected[0]).toBe('中华人民共和国和阿塞拜疆共和国关于进一步发展和深化友好合作关系的联合声明')
    expect(expected).toContain('一、双方将延续业已建立的相互尊重、平等互利的关系，恪守1994年3月7日签订的《关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明》和2005年3月17日签订的《中华人民共和国和阿塞拜疆共和国联合声明》，坚定不移地扩大两国政治、经贸和人文等各领域合作，推动中阿友好合作不断深入发展，造福两国人民。')
    expectSameParagraphs(pages, expected)
    const elements = elementTexts(pages)
    expect(elements[0]).toMatchObject({role: 'H1', text: expected[0]})
    expect(elements.slice(1).every((element) => element.role === 'P')).toBe(true)
  })

  it('keeps ideographic spaces, punctuation and Latin words (exact and as extractors see them)', async () => {
    const {pages} = await inspect(await rendered.ideographic)
    const expected = expectedParagraphs(ideographic)
    expect(expected.join('')).toContain('峰会　　与APEC')
    expectSameParagraphs(pages, expected)
    // getTextContent: the same text, with each run of U+3000 reported as one ASCII space.
    const extracted = pages.map((page) => page.extracted).join('')
    expect(extracted).toBe(expected.join('').replace(/\u3000+/gu, ' '))
    // Latin words and numbers stay whole on a line.
    const lines = pages.flatMap((page) => page.lines.filter((line) => line.tag !== 'Artifact').map((line) => line.text))
    for (const word of ['G20', 'APEC', '2016', '2015', '1994']) {
      const whole = lines.filter((line) => line.includes(word)).length
      const all = expected.join('').split(word).length - 1
      expect(whole, word).toBe(all)
    }
  })

  it('never starts a line with a closing mark nor ends one with an opening mark', async () => {
    for (const bytes of [await rendered.sample, await rendered.ideographic, await rendered.long]) {
      const {pages} = await inspect(bytes)
      for (const page of pages) {
        for (const line of page.lines) {
          if (line.tag === 'Artifact' || line.text === '') continue
          expect(NO_START.includes(line.text[0] ?? ''), `line starts with a closing mark: ${line.text}`).toBe(false)
          expect(NO_END.includes(line.text.slice(-1)), `line ends with an opening mark: ${line.text}`).toBe(false)
        }
      }
    }
    // The breaker pushes out: a comma at the break moves down with the character before it.
    const measure = (token: string) => token.length * 16
    const lines = breakLines('一二三四五六七八九十，乙丙丁', {width: 160, measure})
    expect(lines.map((line) => line.text)).toEqual(['一二三四五六七八九', '十，乙丙丁'])
    expect(breakLines('一二三四五六七八九（十）乙', {width: 160, measure}).map((line) => line.text)).toEqual(['一二三四五六七八九', '（十）乙'])
    expect(tokenize('于2015年在G20峰会')).toEqual(['于', '2015', '年', '在', 'G20', '峰', '会'])
    // Closing marks that fit once squeezed to half a cell stay at the end of the line.
    const squeeze = (token: string) => ('，。”）'.includes(token) ? 8 : 0)
    expect(breakLines('一二三四五六七八九”）乙', {width: 160, measure, squeeze}).map((line) => line.text)).toEqual(['一二三四五六七八九”）', '乙'])
    expect(breakLines('一二三四五六七八九”）乙', {width: 160, measure}).map((line) => line.text)).toEqual(['一二三四五六七八', '九”）乙'])
  })

  it('justifies every line but the last of a paragraph to the full measure', async () => {
    const laid = layoutDocument(sample)
    const {pages} = await inspect(await rendered.sample)
    const right = geometry.left + geometry.blockWidth
    // Text-content items carry their width; the justified ones end at the right edge of the text block.
    const pdf = await pdfjs.getDocument({data: (await rendered.sample).slice(), verbosity: 0}).promise
    let justified = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent()
      for (const item of content.items) {
        if (!('str' in item) || item.str.length < 20) continue
        const end = (item.transform[4] as number) + item.width
        if (Math.abs(end - right) < 0.5) justified++
      }
    }
    const expectedJustified = laid.blocks.reduce(
      (sum, entry) => sum + entry.lines.filter((line) => line.justify && entry.block.kind === 'text' && entry.block.align === 'justify').length,
      0
    )
    expect(expectedJustified).toBeGreaterThan(40)
    expect(justified).toBe(expectedJustified)
    // Paragraphs are indented two characters by position, not by U+3000.
    const firstBody = pages[0]?.lines.find((line) => line.text.startsWith('应中华人民共和国'))
    expect(firstBody?.x).toBeCloseTo(geometry.left + 2 * (geometry.blockWidth / 28), 1)
    expect(pages.flatMap((page) => page.lines).some((line) => line.text.startsWith('\u3000'))).toBe(false)
  })

  it('embeds and subsets every font', async () => {
    const bytes = await rendered.sample
    const {pages} = await inspect(bytes)
    const fonts = new Map(pages.flatMap((page) => page.fonts).map((font) => [font.name, font]))
    expect([...fonts.keys()].sort((a, b) => a.slice(7).localeCompare(b.slice(7)))).toEqual([
      expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Bold$/),
      expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Regular$/)
    ])
    for (const font of fonts.values()) expect(font.missingFile).toBe(false)
    // In the bytes: every font dictionary names a subset, and every descriptor has its TrueType file.
    const raw = Buffer.from(bytes).toString('latin1')
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((match) => match[1])
    expect(baseFonts.length).toBeGreaterThan(0)
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+/)
    const descriptors = raw.match(/\/Type \/FontDescriptor/g)?.length ?? 0
    expect(raw.match(/\/FontFile2 /g)?.length).toBe(descriptors)
    expect(raw).not.toMatch(/\/FontFile3? |Helvetica|\/Subtype \/Type1/)
  })

  it('attaches the AKN XML (Source) and the JSON (Data) exactly as `context.render` gives them', async () => {
    const context = fakeContext([sample])
    const bytes = await pdfWriter.write(sample, context)
    expect(context.calls.sort()).toEqual(['akn', 'json'])
    const {pdf} = await inspect(bytes)
    const attachments = (await pdf.getAttachments()) as Record<string, {filename: string; content: Uint8Array}>
    const byName = new Map(Object.values(attachments).map((file) => [file.filename, file.content]))
    expect(Buffer.from(byName.get(`${sample.meta.slug}.xml`) ?? [])).toEqual(Buffer.from(fixedAkn))
    expect(Buffer.from(byName.get(`${sample.meta.slug}.json`) ?? [])).toEqual(Buffer.from(fixedJson))
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw).toMatch(/\/AFRelationship \/Source/)
    expect(raw).toMatch(/\/AFRelationship \/Data/)
    expect(raw).toMatch(/\/Subtype \/application#2Fxml/)
    expect(raw).toMatch(/\/Subtype \/application#2Fjson/)
    expect(raw).toMatch(/\/AF \[\d+ 0 R \d+ 0 R\]/)
    // Explicit dates (the conversion's: SOURCE_DATE_EPOCH, else the release date), never the clock.
    expect(raw.match(new RegExp(`/ModDate \\(D:${RELEASE_DATE.replace(/-/g, '')}000000Z\\)`, 'g'))?.length).toBe(2)
    // The checksum is the MD5 as 16 raw bytes (a <…> string of 32 hex digits), not 32 characters.
    const sums = [...raw.matchAll(/\/CheckSum <([0-9a-f]+)>/g)].map((match) => match[1])
    expect(sums).toHaveLength(2)
    expect(sums).toContain(createHash('md5').update(fixedAkn).digest('hex'))
    expect(raw).not.toMatch(/\/CheckSum \(/)
  })

  it('has one bookmark for the preamble, one per article, one for the signatures', async () => {
    const {pdf} = await inspect(await rendered.sample)
    const outline = (await pdf.getOutline()) as Array<{title: string; dest: unknown; items: unknown[]}>
    const articles = sample.children.flatMap((section) => (section.type === 'body' ? section.children : []))
    expect(outline.map((item) => item.title)).toEqual([
      '序言',
      ...articles.map((article) => expect.stringMatching(new RegExp('^' + (article.type === 'article' ? article.children[0].value : '')))),
      '签署'
    ])
    expect(outline[1]?.title).toBe('一、双方将延续业已建立的相互尊重、平等互利的关系…')
    // Destinations: XYZ at the left edge of the text block, on pages in reading order.
    const pages: number[] = []
    for (const item of outline) {
      const dest = item.dest as [{num: number; gen: number}, {name: string}, number, number, number]
      expect(dest[1].name).toBe('XYZ')
      expect(dest[2]).toBeCloseTo(geometry.left, 3)
      pages.push(await pdf.getPageIndex(dest[0]))
    }
    expect(pages).toEqual([...pages].sort((a, b) => a - b))
    // Pitfall 1: the outline root carries /Count.
    const raw = Buffer.from(await rendered.sample).toString('latin1')
    const root = /\/Outlines (\d+) 0 R/.exec(raw)?.[1]
    expect(root).toBeDefined()
    const dictionary = new RegExp(`\\n${root} 0 obj\\n<<([\\s\\S]*?)>>\\nendobj`).exec(raw)?.[1] ?? ''
    expect(dictionary).toMatch(new RegExp(`/Count ${outline.length}\\b`))
  })

  it('writes PDF/A-3a identification, tags, language and escaped metadata', async () => {
    const bytes = await rendered.ideographic
    const {pdf} = await inspect(bytes)
    const {info, metadata} = (await pdf.getMetadata()) as unknown as {info: Record<string, unknown>; metadata: {get(name: string): unknown}}
    expect(info['Title']).toBe('A&B <测试> “标题”')
    expect(info['Author']).toBe('中华人民共和国、阿塞拜疆共和国')
    expect(info['Subject']).toBe('联合声明，2015-12-10，北京')
    expect(info['Keywords']).toContain('/akn/cn/statement/jointStatement/2015-12-10/cn-az')
    expect(info['Language']).toBe('zh-Hans')
    expect(info['IsXFAPresent']).toBe(false)
    expect(info['ModDate']).toBeUndefined()
    expect(info['CreationDate']).toBe(`D:${RELEASE_DATE.replace(/-/g, '')}000000Z`)
    expect((info['Custom'] as Record<string, string>)['DocumentSHA256']).toMatch(/^[0-9a-f]{64}$/)
    expect(metadata.get('dc:title')).toBe('A&B <测试> “标题”')
    expect(metadata.get('dc:identifier')).toBe('/akn/cn/statement/jointStatement/2015-12-10/cn-az')
    expect(metadata.get('pdfaid:part')).toBe('3')
    expect(metadata.get('pdfaid:conformance')).toBe('A')
    // The XMP packet is well-formed XML, and the title is escaped in it.
    const raw = Buffer.from(bytes).toString('utf8')
    const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(raw)?.[0] ?? ''
    expect(xmp).toContain('A&amp;B &lt;测试&gt;')
    const errors: string[] = []
    new DOMParser({onError: (level, message) => errors.push(`${level}: ${message}`)}).parseFromString(xmp, 'text/xml')
    expect(errors).toEqual([])
    expect(escapeXml('a&b<c>"\'\u0001')).toBe('a&amp;b&lt;c&gt;&quot;&apos;')
    const latin = Buffer.from(bytes).toString('latin1')
    expect(latin).toMatch(/^%PDF-1\.7/)
    expect(latin).toMatch(/\/MarkInfo \d+ 0 R/)
    expect(latin).toMatch(/\/Marked true/)
    expect(latin).toMatch(/\/StructTreeRoot \d+ 0 R/)
    expect(latin).toMatch(/\/OutputIntents/)
    expect(latin).toMatch(/\/DisplayDocTitle true/)
  })

  it('groups each article in a Sect and marks page numbers as artifacts', async () => {
    const {pdf} = await inspect(await rendered.sample)
    const tree = (await (await pdf.getPage(2)).getStructTree()) as StructNode
    const document = tree.children?.[0]
    expect(document?.role).toBe('Document')
    const roles = (document?.children ?? []).map((node) => node.role)
    expect(roles).toContain('Sect')
    const body = document?.children?.find((node) => node.role === 'Sect')
    for (const article of body?.children ?? []) {
      expect(article.role).toBe('Sect')
      for (const paragraph of article.children ?? []) expect(paragraph.role).toBe('P')
    }
  })

  it('renders byte-identical twice, and different documents get different /IDs', async () => {
    const first = await render(sample)
    const second = await render(sampleDocument())
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0)
    expect(Buffer.compare(Buffer.from(first), Buffer.from(await rendered.sample))).toBe(0)
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(bytes).toString('latin1'))?.[1]
    const other = sampleDocument()
    other.meta.id = '/akn/cn/statement/jointStatement/2015-12-10/cn-az-other'
    expect(id(await render(other))).not.toBe(id(first))
    // SOURCE_DATE_EPOCH wins over the document's dates.
    const epoch = await render(sample, 1_700_000_000)
    expect(Buffer.from(epoch).toString('latin1')).toMatch(/\/CreationDate \(D:20231114221320Z\)/)
    expect(fontLoads.count).toBe(2)
  })

  it('keeps first lines with what follows, and never strands a single line', () => {
    const block = (lines: number, extra: Partial<Measured> = {}): Measured => ({lines, spaceBefore: 0, keepTogether: false, keepWithNext: false, ...extra})
    const shape = (pages: ReturnType<typeof paginate>) => pages.map((page) => page.map((run) => `${run.block}:${run.from}-${run.to}`))
    // Orphan: one free line is not enough to start a paragraph.
    expect(shape(paginate([block(21), block(5)]))).toEqual([['0:0-21'], ['1:0-5']])
    // Widow: four free lines, but the fifth would be alone overleaf, so three.
    expect(shape(paginate([block(18), block(5)]))).toEqual([['0:0-18', '1:0-3'], ['1:3-5']])
    // Keep with next: a one-line opener moves with the first two lines of what follows.
    expect(shape(paginate([block(19), block(1, {keepWithNext: true}), block(4)]))).toEqual([['0:0-19', '1:0-1', '2:0-2'], ['2:2-4']])
    expect(shape(paginate([block(20), block(1, {keepWithNext: true}), block(4)]))).toEqual([['0:0-20'], ['1:0-1', '2:0-4']])
    // Keep together (the signature block) moves whole.
    expect(shape(paginate([block(18), block(6, {keepTogether: true})]))).toEqual([['0:0-18'], ['1:0-6']])
  })

  it('paginates a document longer than ten pages', async () => {
    const bytes = await rendered.long
    const {pages} = await inspect(bytes)
    expect(pages.length).toBeGreaterThan(10)
    pages.forEach((page, index) => {
      const number = index + 1
      expect(page.folio?.text).toBe(`— ${number} —`)
      const x = page.folio?.x ?? 0
      if (number % 2 === 1) expect(x).toBeGreaterThan(geometry.left + geometry.blockWidth / 2)
      else expect(x).toBeCloseTo(geometry.left + geometry.folioSize, 1)
      // At most 22 lines of text on a page.
      expect(page.lines.filter((line) => line.tag !== 'Artifact').length).toBeLessThanOrEqual(geometry.lines)
    })
    expectSameParagraphs(pages, expectedParagraphs(long))
    // No article's first line (nor the title) alone at the foot of a page; no single last line at the head.
    const laid = layoutDocument(long)
    laid.pages.forEach((page, index) => {
      const last = page[page.length - 1]
      if (!last || index === laid.pages.length - 1) return
      const entry = laid.blocks[last.block]
      if (last.to < (entry?.lines.length ?? 0)) expect(last.to - last.from).toBeGreaterThanOrEqual(2)
      const first = page[0]
      if (first && first.from > 0) expect(first.to - first.from).toBeGreaterThanOrEqual(2)
    })
    for (const page of pages.slice(0, -1)) {
      const body = page.lines.filter((line) => line.tag !== 'Artifact')
      expect(body[body.length - 1]?.text).not.toMatch(/^[一二三四五六七八九十]+、/)
    }
  })
})

// ---------------------------------------------------------------- the real seed, once `convert` exists

const convertPath = fileURLToPath(new URL('../pipeline/index.ts', import.meta.url))
const batchPath = fileURLToPath(new URL('../pipeline/batch/convert.ts', import.meta.url))
const seedPath = fileURLToPath(new URL('../sources/000_c69a6c577a452886.txt', import.meta.url))

describe.skipIf(!existsSync(convertPath))('pdf writer on the seed', () => {
  it('renders every document of the seed with all its text and one bookmark per article', async () => {
    type Convert = {convert(inputs: Array<{path: string; bytes: Uint8Array}>): Promise<{documents: Tree[]}>}
    // `pipeline/index.ts` also loads every writer; while one of them is still missing, load the stage directly.
    const {convert} = (await import(convertPath).catch(() => import(batchPath))) as Convert
    const {documents} = await convert([{path: 'sources/000_c69a6c577a452886.txt', bytes: readFileSync(seedPath)}])
    expect(documents.length).toBe(3)
    // The real context (AKN and JSON from their writers) once every registered writer exists, else the fake one.
    const real = (await import('../pipeline/write/context.js').catch(() => null)) as null | {
      createWriteContext(batch: readonly Tree[]): WriteContext
    }
    const context = real ? real.createWriteContext(documents) : fakeContext(documents)
    for (const doc of documents) {
      const bytes = await pdfWriter.write(doc, context)
      const attachments = (await (await pdfjs.getDocument({data: bytes.slice(), verbosity: 0}).promise).getAttachments()) as Record<string, {filename: string; content: Uint8Array}>
      const byName = new Map(Object.values(attachments).map((file) => [file.filename, Buffer.from(file.content)]))
      expect(byName.get(`${doc.meta.slug}.xml`)).toEqual(Buffer.from(await context.render('akn', doc)))
      expect(byName.get(`${doc.meta.slug}.json`)).toEqual(Buffer.from(await context.render('json', doc)))
      const {pdf, pages} = await inspect(bytes)
      expectSameParagraphs(pages, expectedParagraphs(doc))
      const articles = doc.children.flatMap((section) => (section.type === 'body' ? section.children.filter((child) => child.type === 'article') : []))
      const outline = (await pdf.getOutline()) as Array<{title: string}>
      const numbered = outline.filter((item) => /^[一二三四五六七八九十]+、/.test(item.title))
      expect(numbered.length).toBe(articles.length)
    }
  })
})
