/**
 * The PDF writer: a document as PDF/A-3a after GB/T 9704-2012, with its Akoma
 * Ntoso XML (`Source`) and JSON (`Data`) attached as associated files.
 *
 * Nothing of the typesetting (pdfkit, fontkit, the font files) is loaded until
 * a PDF is rendered: the registry imports this module for every run, most of
 * which write text formats only.
 */
import type {Document} from '../../tree/types.js'
import type {Writer} from '../types.js'
import {boundDepth} from '../bounded-depth.js'
import type {LaidOut, RenderInput} from './render.js'

const typesetting = () => import('./render.js')

export const pdfWriter: Writer = {
  name: 'pdf',
  directory: 'pdf',
  extension: '.pdf',
  mediaType: 'application/pdf',
  async write(input, context) {
    const doc = boundDepth(input, context)
    const [{missingGlyphs}, {renderPdf}] = await Promise.all([import('./missing-glyphs.js'), typesetting()])
    for (const {char, codePoint, place} of missingGlyphs(doc)) {
      context.warn?.(input, `No font has a glyph for \`${char}\` (${codePoint}): the page shows 〓, the text layer keeps the character`, {ruleId: 'missing-glyph', place})
    }
    const [akn, json] = await Promise.all([context.render('akn', input), context.render('json', input)])
    return renderPdf(doc, {akn, json, sourceDateEpoch: context.sourceDateEpoch})
  }
}

/** Render `doc` as PDF/A-3a (loads the typesetting on first use). */
export async function renderPdf(doc: Document, input: RenderInput): Promise<Uint8Array> {
  return (await typesetting()).renderPdf(doc, input)
}

/** Lines and pages of `doc`, without drawing (loads the typesetting on first use). */
export async function layoutDocument(doc: Document): Promise<LaidOut> {
  return (await typesetting()).layoutDocument(doc)
}
