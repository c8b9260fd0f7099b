/**
 * Typesetting: the flow is broken into lines, paginated on the GB/T 9704 grid,
 * then drawn with pdfkit as tagged PDF/A-3a.
 */
import type {Document} from '../../tree/types.js'
import {advance, getFont} from './fonts.js'
import {createEngine, type Engine, type StructureElement} from './engine.js'
import {flatten, type Block, type FlowGroup, type FlowNode, type TextBlock} from './flow.js'
import {buildFlow} from './handle/index.js'
import {baseline, cell, geometry, paginate, slotTop, tracking, type Measured, type Placement} from './layout.js'
import {breakBalanced, breakLines, SQUEEZABLE, type BrokenLine} from './linebreak.js'
import {buildInfo, creationDate, escapeInfoInXmp, extraXmp} from './metadata.js'
import {blockHeight, cellLines, columns, rowHeight, rows} from './signatures.js'

export const lang = 'zh-CN'

/** Tracking of a text block: on the grid for body text, none for the title. */
function trackingOf(block: TextBlock): number {
  return block.size === geometry.fontSize ? tracking : 0
}

/** Break a text block into lines. */
export function linesOf(block: TextBlock): BrokenLine[] {
  const spacing = trackingOf(block)
  const measure = (token: string) => advance(block.font, token) * block.size + spacing * token.length
  const squeeze = (token: string) => (SQUEEZABLE.has(token) ? (block.size * 0.5) : 0)
  const options = {width: geometry.blockWidth, firstOffset: block.indent * cell, measure, squeeze}
  return block.align === 'center' ? breakBalanced(block.text, options) : breakLines(block.text, options)
}

export interface LaidOut {
  flow: FlowGroup
  blocks: Array<{block: Block; outlines: string[]; lines: BrokenLine[]; height: number}>
  pages: Placement[][]
}

/** Lines and pages of a document, without drawing anything. */
export function layoutDocument(doc: Document): LaidOut {
  const flow = buildFlow(doc)
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

/** Structure elements of each block: one list per signatory for a signature block, else one element. */
type BlockElements = StructureElement[][]

function buildStructure(engine: Engine, flow: FlowGroup): {root: StructureElement; elements: BlockElements[]} {
  const elements: BlockElements[] = []
  const visit = (node: FlowNode, parent: StructureElement) => {
    if (node.kind === 'group') {
      const element = engine.struct(node.tag === 'Document' ? 'Document' : node.tag)
      parent.add(element)
      node.children.forEach((child) => visit(child, element))
      return
    }
    if (node.kind === 'text') {
      const element = engine.struct(node.tag)
      parent.add(element)
      elements.push([[element]])
      return
    }
    // One Div per signatory (its role, name and mark as P), inside the signatures' Div.
    elements.push(
      node.cells.map((signatory) => {
        const div = engine.struct('Div')
        parent.add(div)
        return cellLines(signatory).map(() => {
          const line = engine.struct('P')
          div.add(line)
          return line
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

function drawText(engine: Engine, block: TextBlock, lines: BrokenLine[], placement: Placement, element: StructureElement): void {
  engine.font(block.font, block.size)
  drawTagged(engine, element, block.tag, () => {
    for (let index = placement.from; index < placement.to; index++) {
      const line = lines[index]
      if (!line) continue
      const slot = placement.slot + index - placement.from
      const count = line.text.length
      const natural = engine.widthOfString(line.text)
      let spacing = trackingOf(block)
      if (block.align === 'justify' && line.justify && count > 1) spacing = (line.available - natural) / (count - 1)
      const width = natural + spacing * (count - 1)
      let x = geometry.left
      if (block.align === 'justify') x += geometry.blockWidth - line.available
      else if (block.align === 'center') x += (geometry.blockWidth - width) / 2
      else x += Math.max(0, geometry.blockWidth - block.rightIndent * cell - width)
      engine.text(line.text, x, baseline(slot, block.size), {lineBreak: false, characterSpacing: spacing, baseline: 'alphabetic'})
    }
  })
}

function drawSignatures(engine: Engine, block: Extract<Block, {kind: 'signatures'}>, slot: number, elements: BlockElements): void {
  engine.font('regular', geometry.fontSize)
  const columnWidth = geometry.blockWidth / columns
  let top = slot
  let index = 0
  for (const row of rows(block.cells)) {
    row.forEach((signatory, column) => {
      const lineElements = elements[index++] ?? []
      cellLines(signatory).forEach((text, line) => {
        const element = lineElements[line]
        if (!element) return
        const width = engine.widthOfString(text, {characterSpacing: tracking})
        const x = geometry.left + column * columnWidth + Math.max(0, (columnWidth - width) / 2)
        drawTagged(engine, element, 'P', () => {
          engine.text(text, x, baseline(top + line, geometry.fontSize), {lineBreak: false, characterSpacing: tracking, baseline: 'alphabetic'})
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
  const date = creationDate(doc, input.sourceDateEpoch)
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
  })
  const chunks: Uint8Array[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    engine.on('data', (chunk) => chunks.push(chunk))
    engine.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    engine.on('error', reject)
  })

  escapeInfoInXmp(engine)
  engine.appendXML(extraXmp(doc, lang))
  engine.registerFont('regular', getFont('regular'))
  engine.registerFont('bold', getFont('bold'))

  const attached = {creationDate: date, modifiedDate: date}
  engine.file(input.akn, {
    name: `${doc.meta.slug}.xml`,
    type: 'application/xml',
    relationship: 'Source',
    description: 'Akoma Ntoso 3.0 XML of this document',
    ...attached
  })
  engine.file(input.json, {
    name: `${doc.meta.slug}.json`,
    type: 'application/json',
    relationship: 'Data',
    description: 'The document tree of this document as JSON',
    ...attached
  })

  const {root, elements} = buildStructure(engine, laid.flow)
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
  return done
}
