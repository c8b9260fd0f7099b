/**
 * How the PDF's streams are compressed. pdfkit 0.20.2 deflates every stream at
 * zlib's default level 6; the font programs, most of a file's bytes, are
 * near-random glyph outlines on which level 6 spends about half again the time
 * of level 1 to save some 4 % of their size. The writer deflates every stream
 * at `DEFLATE_LEVEL` instead: still FlateDecode (PDF/A allows it), and the
 * same bytes for the same input, as zlib is deterministic at any level.
 */
import {deflateSync} from 'node:zlib'

export const DEFLATE_LEVEL = 1

interface Reference {
  compress: boolean
  buffer: Uint8Array[]
  finalize(): void
}

interface RefHost {
  ref(data?: unknown): Reference
}

/** Make `engine` deflate its streams at `level` (each stream still gets its `/Filter /FlateDecode`). */
export function deflateStreamsAt(engine: unknown, level: number = DEFLATE_LEVEL): void {
  const host = engine as RefHost
  const original = host.ref
  host.ref = function (this: RefHost, data?: unknown) {
    const reference = original.call(this, data)
    const finalize = reference.finalize
    reference.finalize = function (this: Reference) {
      // pdfkit set the filter when the stream was written; it then writes the deflated bytes as they are.
      if (this.compress && this.buffer.length > 0) {
        this.buffer = [deflateSync(Buffer.concat(this.buffer), {level, memLevel: 9})]
        this.compress = false
      }
      finalize.call(this)
    }
    return reference
  }
}
