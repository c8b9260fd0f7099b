/**
 * Associated files (PDF/A-3): an embedded-file stream and its file
 * specification, written as pdfkit 0.20.2's `file()` writes them for bytes
 * given in memory, with two differences:
 *
 * - the /CheckSum is the MD5 of the bytes as a 16-byte string (PDF 32000-1
 *   §7.11.4, table 45); pdfkit writes the 32 hexadecimal characters of the
 *   digest instead (a `Uint8Array` is written as a `<…>` string of exactly
 *   those bytes);
 * - the digest is computed by Node's crypto, not by pdfkit's MD5 in
 *   JavaScript, which took more time than deflating the file.
 */
import {createHash} from 'node:crypto'

export interface Attachment {
  name: string
  type: string
  relationship: 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified'
  description: string
  creationDate: Date
  modifiedDate: Date
}

interface Ref {
  end(chunk?: Uint8Array): void
}

interface AttachmentHost {
  ref(data: object): Ref
  addNamedEmbeddedFile(name: string, ref: Ref): void
  _root: {data: {AF?: Ref[]}}
}

/** pdfkit's `escapeName`: a name's bytes outside the regular characters as `#xx`. */
function escapeName(name: string): string {
  let escaped = ''
  for (const char of name) {
    const code = char.charCodeAt(0)
    const safe = code > 0x7f || (code > 0x20 && code !== 0x7f && !'#%()/<>[]{}'.includes(char))
    escaped += safe ? char : `#${code.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return escaped
}

/** Embed `bytes` as an associated file of the document (`/AF` of the catalog, and the EmbeddedFiles name tree). */
export function attachFile(engine: unknown, bytes: Uint8Array, options: Attachment): Ref {
  const host = engine as AttachmentHost
  const stream = host.ref({
    Type: 'EmbeddedFile',
    Params: {
      CreationDate: options.creationDate,
      ModDate: options.modifiedDate,
      CheckSum: new Uint8Array(createHash('md5').update(bytes).digest()),
      Size: bytes.byteLength
    },
    Subtype: escapeName(options.type)
  })
  stream.end(bytes)
  const filespec = host.ref({
    Type: 'Filespec',
    AFRelationship: options.relationship,
    F: new String(options.name),
    EF: {F: stream},
    UF: new String(options.name),
    Desc: new String(options.description)
  })
  filespec.end()
  host.addNamedEmbeddedFile(options.name, filespec)
  const catalog = host._root.data
  catalog.AF ??= []
  catalog.AF.push(filespec)
  return filespec
}
