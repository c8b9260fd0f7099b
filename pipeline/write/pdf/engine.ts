/**
 * The part of pdfkit 0.20.2 the writer uses, typed here once: `@types/pdfkit`
 * 0.17 lacks fontkit objects as font sources, the `relationship` attachment
 * option and outline destinations (pitfall 7).
 */
import PDFDocument from 'pdfkit'
import type {LoadedFont} from './fonts.js'
import {bufferAndDeflate, type Reference} from './compression.js'

export interface StructureContent {
  readonly refs: unknown[]
}

export interface StructureElement {
  add(child: StructureElement | StructureContent): StructureElement
  end(): void
}

export interface OutlineItem {
  addItem(title: string, options?: {top?: number; left?: number; expanded?: boolean}): OutlineItem
  options: Record<string, unknown>
}

export interface TextOptions {
  lineBreak: false
  characterSpacing: number
  baseline: 'alphabetic'
}

export interface Engine {
  readonly page: {readonly width: number; readonly height: number}
  /** The bytes of the file, once `end()` has written it. */
  readonly output: Promise<Uint8Array>
  registerFont(name: string, font: LoadedFont): Engine
  font(name: string, size?: number): Engine
  fontSize(size: number): Engine
  fillColor(color: string): Engine
  widthOfString(text: string, options?: {characterSpacing?: number}): number
  text(text: string, x: number, y: number, options: TextOptions): Engine
  addPage(options?: object): Engine
  markContent(tag: string, options?: {type?: 'Pagination' | 'Layout' | 'Page'; actual?: string; lang?: string}): Engine
  markStructureContent(tag: string): StructureContent
  endMarkedContent(): Engine
  struct(tag: string, options?: {title?: string; lang?: string}): StructureElement
  addStructure(element: StructureElement): Engine
  outline: OutlineItem
  appendXML(xml: string, newline?: boolean): void
  end(): void
}

export interface EngineOptions {
  pdfVersion: '1.7'
  subset: 'PDF/A-3a'
  tagged: true
  lang: string
  displayTitle: true
  autoFirstPage: false
  size: [number, number]
  margins: {top: number; bottom: number; left: number; right: number}
  info: Record<string, string | Date>
  font: LoadedFont
}

/**
 * pdfkit's document, its output collected here rather than pushed through its
 * readable stream a few bytes at a time: the text pdfkit writes between
 * binary chunks (object headers, dictionaries, the cross-reference table)
 * becomes bytes in one native conversion (`latin1`: the low byte of each code
 * unit, as pdfkit's own conversion). Its streams are buffered and deflated by
 * `bufferAndDeflate`. pdfkit writes its header from its constructor, before
 * any field of a subclass exists, hence the fields set on first use.
 */
class CollectedDocument extends (PDFDocument as unknown as new (options: EngineOptions) => object) {
  declare chunks: Uint8Array[] | undefined
  declare pendingText: string | undefined
  declare _offset: number
  declare resolve: (bytes: Uint8Array) => void
  readonly output = new Promise<Uint8Array>((resolve) => {
    this.resolve = resolve
  })

  _write(data: string | Uint8Array): void {
    const chunks = (this.chunks ??= [])
    if (typeof data === 'string') {
      this.pendingText = (this.pendingText ?? '') + data + '\n'
      this._offset += data.length + 1
      return
    }
    this.flushText()
    chunks.push(data)
    this._offset += data.length
  }

  flushText(): void {
    if (!this.pendingText) return
    this.chunks!.push(Buffer.from(this.pendingText, 'latin1'))
    this.pendingText = ''
  }

  ref(data?: object): Reference {
    const ref = (PDFDocument.prototype as unknown as {ref(data?: object): Reference}).ref
    return bufferAndDeflate(ref.call(this, data))
  }

  _finalize(): void {
    const finalize = (PDFDocument.prototype as unknown as {_finalize(this: CollectedDocument): void})._finalize
    finalize.call(this)
    this.flushText()
    this.resolve(new Uint8Array(Buffer.concat(this.chunks!)))
  }
}

/**
 * A new document whose default font (`options.font`) is also known as `name`. pdfkit
 * 0.20.2 caches a registered font under its name only when it opens it first: a
 * registered copy of the default font is opened again and compared (by JSON of its
 * name table) on every `font(name)`, so the default font is named here instead.
 */
export function createEngine(options: EngineOptions, name: string): Engine {
  const engine = new CollectedDocument(options) as unknown as Engine
  const internals = engine as unknown as {_font: unknown; _fontFamilies: Record<string, unknown>}
  internals._fontFamilies[name] = internals._font
  return engine
}
