/**
 * Typesetting: the flow is broken into lines, paginated on the GB/T 9704 grid,
 * then drawn with pdfkit as tagged PDF/A-3a.
 */
import type {Document} from '../../tree/types.js'
import {advance, advanceWithFallback, getFont, glyphCount, runsOf, type FontKey, type Run} from './fonts.js'
import {createEngine, type Engine, type StructureElement} from './engine.js'
import {flatten, type Block, type FlowGroup, type FlowNode, type TextBlock} from './flow.js'
import {buildFlow} from './handle/index.js'
import {baseline, cell, geometry, paginate, slotTop, tracking, type Measured, type Placement} from './layout.js'
import {breakBalanced, breakLines, SQUEEZABLE, trailingSpace, type BrokenLine} from './linebreak.js'
import {spanLanguage} from './language.js'
import {breakTitle} from './title-break.js'
import {attachFile} from './attachments.js'
import {showText} from './show-text.js'
import {buildInfo, creationDate, escapeInfoInXmp, extraXmp} from './metadata.js'
import {blockHeight, columns, rowHeight, rows, signatureWidth} from './signatures.js'

/** The document's /Lang: its BCP 47 tag (`zh-Hans`, `zh-Hant`, `en`), `zh` when the tree has none. */
export function documentLanguage(doc: Document): string {
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(doc.meta.language) ? doc.meta.language : 'zh'
}

/** Tracking of a text block: on the grid for body text, none for the title. */
function trackingOf(block: TextBlock): number {
  return block.size === geometry.fontSize ? tracking : 0
}

/** Break a text block into lines. */
export function linesOf(block: TextBlock): BrokenLine[] {
  const spacing = trackingOf(block)
  const measure = (token: string) => advanceWithFallback(block.font, token) * block.size + spacing * Array.from(token).length
  const squeeze = (token: string) => (SQUEEZABLE.has(token) ? (block.size * 0.5) : 0)
  const hang = (token: string) => {
    const space = trailingSpace(token)
    return advance(block.font, space) * block.size + spacing * space.length
  }
  const options = {width: geometry.blockWidth, firstOffset: block.indent * cell, measure, squeeze, hang}
  if (block.tag === 'H1') return breakTitle(block.text, options)
  return block.align === 'center' ? breakBalanced(block.text, options) : breakLines(block.text, options)
}

export interface LaidOut {
  flow: FlowGroup
  blocks: Array<{block: Block; outlines: string[]; lines: BrokenLine[]; height: number}>
  pages: Placement[][]
}

/** Lines and pages of a document, without drawing anything. */
export function layoutDocument(doc: Document): LaidOut {
  const flow = buildFlow(doc, documentLanguage(doc))
  const blocks = flatten(flow).map(({block, outlines}) => {
    if (block.kind === 'text') {
      const lines = linesOf(block)
      return {block, outlines, lines, height: lines.length}
    }
    return {block, outlines, lines: [], height: blockHeight(block)}
  })
  const measured: Measured[] = blocks.map(({block, outlines, height}, index) => {
    const previous = blocks[index - 1]
    return {
      lines: height,
      spaceBefore: Math.max(block.spaceBefore, previous ? previous.block.spaceAfter : 0),
      keepTogether: block.kind === 'signatures',
      // A one-line block that opens an article (or the preamble) stays with what follows it.
      keepWithNext: block.keepWithNext || (outlines.length > 0 && height === 1 && index + 1 < blocks.length)
    }
  })
  return {flow, blocks, pages: paginate(measured)}
}

export interface RenderInput {
  akn: Uint8Array
  json: Uint8Array
  sourceDateEpoch: number | null
}

/** Structure elements of each block: per signatory one element per part (role, name, mark); else one element. */
type BlockElements = StructureElement[][]

/** Options of a structure element: its language when it differs from the document's (`/Lang` per span). */
function structOptions(text: string, documentLang: string): {lang?: string} {
  const lang = spanLanguage(text, documentLang)
  return lang === null ? {} : {lang}
}

function buildStructure(engine: Engine, flow: FlowGroup, documentLang: string): {root: StructureElement; elements: BlockElements[]} {
  const elements: BlockElements[] = []
  const visit = (node: FlowNode, parent: StructureElement) => {
    if (node.kind === 'group') {
      const element = engine.struct(node.tag === 'Document' ? 'Document' : node.tag)
      parent.add(element)
      node.children.forEach((child) => visit(child, element))
      return
    }
    if (node.kind === 'text') {
      const element = engine.struct(node.tag, structOptions(node.text, documentLang))
      parent.add(element)
      elements.push([[element]])
      return
    }
    // One Div per signatory (its role, name and mark as P), inside the signatures' Div.
    elements.push(
      node.cells.map((signatory) => {
        const div = engine.struct('Div')
        parent.add(div)
        return signatory.parts.map((part) => {
          const element = engine.struct('P', structOptions(part.text, documentLang))
          div.add(element)
          return element
        })
      })
    )
  }
  const root = engine.struct('Document')
  engine.addStructure(root)
  flow.children.forEach((child) => visit(child, root))
  return {root, elements}
}

/** Run `draw` inside a marked-content sequence that belongs to the structure element `element`. */
function drawTagged(engine: Engine, element: StructureElement, tag: string, draw: () => void): void {
  const content = engine.markStructureContent(tag)
  draw()
  engine.endMarkedContent()
  element.add(content)
}

const count = (text: string) => Array.from(text).length

/** A run of a drawn line with its measures; `wordEnd` when a word (and its spaces) ends with it. */
interface Piece {
  run: Run
  advance: number
  glyphs: number
  wordEnd: boolean
}

/**
 * The runs `text` is drawn in, measured once: each run in the font that has its glyphs (a
 * missing glyph as 〓 with the character as ActualText). Always word by word, so that a width
 * measured here is the width drawn (kerning stops at spaces).
 */
function piecesOf(font: FontKey, text: string): Piece[] {
  const pieces: Piece[] = []
  for (const word of text.match(/[^ ]+ *| +/gu) ?? []) {
    const runs = runsOf(font, word)
    runs.forEach((run, index) => {
      const empty = run.text === ''
      pieces.push({run, advance: empty ? 0 : advance(run.font, run.text), glyphs: empty ? 0 : glyphCount(run.font, run.text), wordEnd: index === runs.length - 1 && word.endsWith(' ')})
    })
  }
  return pieces
}

/** Draws `pieces` from `x`; after every space between words, `wordGap` more. Returns the end x. */
function drawRuns(engine: Engine | null, pieces: readonly Piece[], size: number, x: number, y: number, spacing: number, wordGap: number): number {
  for (const {run, advance, glyphs, wordEnd} of pieces) {
    if (run.actual !== undefined) engine?.markContent('Span', {actual: run.actual})
    if (run.text !== '') {
      if (engine) {
        useFont(engine, run.font, size)
        showText(engine, run.text, x, y, spacing)
      }
      x += advance * size + spacing * glyphs
    }
    if (run.actual !== undefined) engine?.endMarkedContent()
    if (wordEnd) x += wordGap
  }
  return x
}

/** The width `drawRuns` gives `pieces`, to the end of their last glyph. */
function drawnWidth(pieces: readonly Piece[], size: number, spacing: number, wordGap: number): number {
  return drawRuns(null, pieces, size, 0, 0, spacing, wordGap) - spacing
}

/** Glyphs of `pieces` (character spacing applies per glyph). */
function glyphTotal(pieces: readonly Piece[]): number {
  let glyphs = 0
  for (const piece of pieces) glyphs += piece.glyphs
  return glyphs
}

const registered = new WeakMap<Engine, Set<FontKey>>()

/** Selects `font`, registering it with this document first: a fallback font is opened only when a document needs it. */
function useFont(engine: Engine, font: FontKey, size: number): void {
  let fonts = registered.get(engine)
  if (!fonts) registered.set(engine, (fonts = new Set()))
  if (!fonts.has(font)) {
    engine.registerFont(font, getFont(font))
    fonts.add(font)
  }
  engine.font(font, size)
}

/** Spaces between words of a line (not the hanging ones at its end). */
function innerSpaces(text: string): number {
  return (text.trimEnd().match(/ +/gu) ?? []).length
}

/** A line is justified by its word spaces when it has some and is mostly not Han (English). */
function justifiesBySpaces(text: string): boolean {
  if (innerSpaces(text) === 0) return false
  const letters = text.replace(/\s/gu, '')
  const han = (letters.match(/\p{Script=Han}/gu) ?? []).length
  return han * 2 < count(letters)
}

function drawText(engine: Engine, block: TextBlock, lines: BrokenLine[], placement: Placement, element: StructureElement): void {
  drawTagged(engine, element, block.tag, () => {
    for (let index = placement.from; index < placement.to; index++) {
      const line = lines[index]
      if (!line) continue
      const slot = placement.slot + index - placement.from
      const visible = line.text.trimEnd()
      let spacing = trackingOf(block)
      let wordGap = 0
      const measured = piecesOf(block.font, visible)
      const natural = drawnWidth(measured, block.size, spacing, 0)
      const unspaced = drawnWidth(measured, block.size, 0, 0)
      const glyphs = glyphTotal(measured)
      if (block.align === 'justify' && line.justify) {
        if (justifiesBySpaces(line.text)) wordGap = Math.max(0, (line.available - natural) / innerSpaces(line.text))
        else if (glyphs > 1) spacing = (line.available - unspaced) / (glyphs - 1)
      }
      let width = wordGap > 0 ? natural + wordGap * innerSpaces(line.text) : drawnWidth(measured, block.size, spacing, 0)
      // A line that holds a closing mark squeezed in (or one unbreakable token) may be a little too
      // wide at its natural spacing: it is set tighter, so no glyph passes the edge of the text block.
      if (width > line.available + 0.01 && glyphs > 1) {
        wordGap = 0
        spacing = (line.available - unspaced) / (glyphs - 1)
        width = line.available
      }
      let x = geometry.left
      if (block.align === 'justify') x += geometry.blockWidth - line.available
      else if (block.align === 'center') x += (geometry.blockWidth - width) / 2
      else x += Math.max(0, geometry.blockWidth - block.rightIndent * cell - width)
      drawRuns(engine, piecesOf(block.font, line.text), block.size, x, baseline(slot, block.size), spacing, wordGap)
    }
  })
}

function drawSignatures(engine: Engine, block: Extract<Block, {kind: 'signatures'}>, slot: number, elements: BlockElements): void {
  const columnWidth = geometry.blockWidth / columns
  let top = slot
  let index = 0
  for (const row of rows(block.cells)) {
    row.forEach((signatory, column) => {
      const partElements = elements[index++] ?? []
      let line = 0
      signatory.parts.forEach((part, partIndex) => {
        const element = partElements[partIndex]
        if (!element) return
        drawTagged(engine, element, 'P', () => {
          for (const text of part.lines) {
            const width = signatureWidth(text.trimEnd())
            const x = geometry.left + column * columnWidth + Math.max(0, (columnWidth - width) / 2)
            drawRuns(engine, piecesOf('regular', text), geometry.fontSize, x, baseline(top + line, geometry.fontSize), tracking, 0)
            line++
          }
        })
      })
    })
    top += rowHeight(row) + 1
  }
}

/** `— n —`, 4号, 7 mm under the text block: right on odd pages, left on even ones, as an artifact. */
function drawFolio(engine: Engine, number: number): void {
  const text = `— ${number} —`
  engine.font('regular', geometry.folioSize)
  const width = engine.widthOfString(text)
  const indent = geometry.folioSize
  const x = number % 2 === 1 ? geometry.left + geometry.blockWidth - indent - width : geometry.left + indent
  const y = geometry.top + geometry.blockHeight + geometry.folioGap + geometry.folioSize * 0.88
  engine.markContent('Artifact', {type: 'Pagination'})
  engine.text(text, x, y, {lineBreak: false, characterSpacing: 0, baseline: 'alphabetic'})
  engine.endMarkedContent()
}

/** Render `doc` as PDF/A-3a; resolves to the bytes of the file. */
export function renderPdf(doc: Document, input: RenderInput): Promise<Uint8Array> {
  const laid = layoutDocument(doc)
  const date = creationDate(input.sourceDateEpoch)
  const lang = documentLanguage(doc)
  const info = buildInfo(doc, date)
  const engine = createEngine({
    pdfVersion: '1.7',
    subset: 'PDF/A-3a',
    tagged: true,
    lang,
    displayTitle: true,
    autoFirstPage: false,
    size: [geometry.pageWidth, geometry.pageHeight],
    margins: {
      top: geometry.top,
      left: geometry.left,
      bottom: geometry.pageHeight - geometry.top - geometry.blockHeight,
      right: geometry.pageWidth - geometry.left - geometry.blockWidth
    },
    info: {...info},
    font: getFont('regular')
  }, 'regular')
  escapeInfoInXmp(engine)
  engine.appendXML(extraXmp(doc, lang))
  // The default font is the regular face, already known to the engine as `regular`.
  registered.set(engine, new Set(['regular']))
  useFont(engine, 'bold', geometry.titleSize)
  useFont(engine, 'regular', geometry.fontSize)

  const attached = {creationDate: date, modifiedDate: date}
  attachFile(engine, input.akn, {
    name: `${doc.meta.slug}.xml`,
    type: 'application/xml',
    relationship: 'Source',
    description: 'Akoma Ntoso 3.0 XML of this document',
    ...attached
  })
  attachFile(engine, input.json, {
    name: `${doc.meta.slug}.json`,
    type: 'application/json',
    relationship: 'Data',
    description: 'The document tree of this document as JSON',
    ...attached
  })

  const {root, elements} = buildStructure(engine, laid.flow, lang)
  laid.pages.forEach((page, pageIndex) => {
    engine.addPage()
    drawFolio(engine, pageIndex + 1)
    for (const placement of page) {
      const entry = laid.blocks[placement.block]
      const blockElements = elements[placement.block]
      if (!entry || !blockElements) continue
      if (placement.from === 0) {
        for (const title of entry.outlines) {
          engine.outline.addItem(title, {top: slotTop(placement.slot), left: engine.page.width - geometry.left})
        }
      }
      if (entry.block.kind === 'text') {
        const element = blockElements[0]?.[0]
        if (element) drawText(engine, entry.block, entry.lines, placement, element)
      } else {
        drawSignatures(engine, entry.block, placement.slot, blockElements)
      }
    }
  })
  root.end()
  // Pitfall 1: the outline root needs /Count; replace the shared default options, do not mutate them.
  engine.outline.options = {...engine.outline.options, expanded: true}
  engine.end()
  return engine.output
}
