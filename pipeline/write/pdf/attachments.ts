/**
 * The /CheckSum of an embedded file is the MD5 of its bytes as a 16-byte
 * string (PDF 32000-1 §7.11.4, table 45); pdfkit 0.20.2 writes the 32
 * hexadecimal characters of the digest instead. The embedded-file stream is
 * written as soon as `file()` creates it, so the value is corrected on the way
 * in: `ref` is wrapped to turn the hex text into the 16 raw bytes (pdfkit
 * writes a `Uint8Array` as a `<…>` string of exactly those bytes).
 */
interface RefHost {
  ref(data: unknown): unknown
}

interface EmbeddedFile {
  Type?: string
  Params?: {CheckSum?: unknown}
}

export function patchAttachmentChecksums(engine: unknown): void {
  const host = engine as RefHost
  const original = host.ref
  host.ref = function (this: RefHost, data: unknown) {
    const body = data as EmbeddedFile | null
    const sum = body?.Params?.CheckSum
    if (body?.Type === 'EmbeddedFile' && sum instanceof String && /^[0-9a-f]{32}$/i.test(sum.valueOf())) {
      body.Params!.CheckSum = new Uint8Array(Buffer.from(sum.valueOf(), 'hex'))
    }
    return original.call(this, data)
  }
}
