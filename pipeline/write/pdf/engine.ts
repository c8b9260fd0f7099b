/**
 * The part of pdfkit 0.20.2 the writer uses, typed here once: `@types/pdfkit`
 * 0.17 lacks fontkit objects as font sources, the `relationship` attachment
 * option and outline destinations (pitfall 7).
 */
import PDFDocument from 'pdfkit'
import type {LoadedFont} from './fonts.js'

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
  /** Width of the text without character spacing, when known (pdfkit measures it otherwise). */
  textWidth?: number
}

export interface Engine {
  readonly page: {readonly width: number; readonly height: number}
  on(event: 'data', listener: (chunk: Uint8Array) => void): Engine
  on(event: 'end', listener: () => void): Engine
  on(event: 'error', listener: (error: unknown) => void): Engine
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
  file(
    bytes: Uint8Array,
    options: {
      name: string
      type: string
      relationship: 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified'
      description: string
      creationDate: Date
      modifiedDate: Date
    }
  ): unknown
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
 * A new document whose default font (`options.font`) is also known as `name`. pdfkit
 * 0.20.2 caches a registered font under its name only when it opens it first: a
 * registered copy of the default font is opened again and compared (by JSON of its
 * name table) on every `font(name)`, so the default font is named here instead.
 */
export function createEngine(options: EngineOptions, name: string): Engine {
  const Constructor = PDFDocument as unknown as new (options: EngineOptions) => Engine
  const engine = new Constructor(options)
  const internals = engine as unknown as {_font: unknown; _fontFamilies: Record<string, unknown>}
  internals._fontFamilies[name] = internals._font
  return engine
}
