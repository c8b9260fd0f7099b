/**
 * The PDF writer: a document as PDF/A-3a after GB/T 9704-2012, with its Akoma
 * Ntoso XML (`Source`) and JSON (`Data`) attached as associated files.
 */
import type {Writer} from '../types.js'
import {missingGlyphs} from './missing-glyphs.js'
import {boundDepth} from '../bounded-depth.js'
import {renderPdf} from './render.js'

export const pdfWriter: Writer = {
  name: 'pdf',
  directory: 'pdf',
  extension: '.pdf',
  mediaType: 'application/pdf',
  async write(input, context) {
    const doc = boundDepth(input, context)
    for (const {char, codePoint, place} of missingGlyphs(doc)) {
      context.warn?.(input, `No font has a glyph for \`${char}\` (${codePoint}): the page shows 〓, the text layer keeps the character`, {ruleId: 'missing-glyph', place})
    }
    const [akn, json] = await Promise.all([context.render('akn', input), context.render('json', input)])
    return renderPdf(doc, {akn, json, sourceDateEpoch: context.sourceDateEpoch})
  }
}

export {layoutDocument, renderPdf} from './render.js'
