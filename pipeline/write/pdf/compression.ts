/**
 * How the PDF's streams are buffered and compressed.
 *
 * - Buffering: pdfkit 0.20.2 turns every operator written to a stream (a few
 *   dozen bytes each, thousands per document) into a byte array of its own, a
 *   character at a time, then joins them. Here the text written to a stream is
 *   kept as one string and turned into bytes once, natively (`latin1` keeps the
 *   low byte of each code unit, as pdfkit does), before any bytes written after
 *   it: the stream's bytes are the same.
 * - Compression: pdfkit deflates every stream at zlib's default level 6; the
 *   font programs, most of a file's bytes, are near-random glyph outlines on
 *   which level 6 spends about half again the time of level 1 to save some 4 %
 *   of their size. The writer deflates every stream at `DEFLATE_LEVEL` instead:
 *   still FlateDecode (PDF/A allows it), and the same bytes for the same input,
 *   as zlib is deterministic at any level.
 */
import {deflateSync} from 'node:zlib'

export const DEFLATE_LEVEL = 1

/** The part of pdfkit's `PDFReference` used here. */
export interface Reference {
  compress: boolean
  buffer: Uint8Array[]
  uncompressedLength: number
  data: {Length?: number; Filter?: string}
  write(chunk: string | Uint8Array): void
  finalize(): void
  /** Text written to the stream and not yet turned into bytes. */
  pendingText?: string | undefined
}

function flushText(reference: Reference): void {
  if (reference.pendingText === undefined) return
  reference.buffer.push(Buffer.from(reference.pendingText, 'latin1'))
  reference.pendingText = undefined
}

/** Make `reference` buffer its text in one string and deflate at `level` (with `/Filter /FlateDecode`, as pdfkit). */
export function bufferAndDeflate(reference: Reference, level: number = DEFLATE_LEVEL): Reference {
  const write = reference.write
  const finalize = reference.finalize
  reference.write = function (this: Reference, chunk: string | Uint8Array) {
    if (typeof chunk !== 'string') {
      flushText(this)
      write.call(this, chunk)
      return
    }
    // pdfkit's bookkeeping for a string chunk: the text, a newline, one byte per code unit.
    const length = chunk.length + 1
    this.pendingText = (this.pendingText ?? '') + chunk + '\n'
    this.uncompressedLength += length
    this.data.Length = (this.data.Length ?? 0) + length
    if (this.compress) this.data.Filter = 'FlateDecode'
  }
  reference.finalize = function (this: Reference) {
    flushText(this)
    // pdfkit set the filter when the stream was written; it then writes the deflated bytes as they are.
    if (this.compress && this.buffer.length > 0) {
      this.buffer = [deflateSync(this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer), {level, memLevel: 9})]
      this.compress = false
    }
    finalize.call(this)
  }
  return reference
}
