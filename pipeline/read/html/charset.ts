/**
 * The encoding a page declares: `<meta charset="gb2312">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, found
 * by a prescan of the first 1024 bytes as the WHATWG HTML standard does it
 * (before any decoding: the declaration is ASCII in every encoding we read).
 * Comments are skipped; the first `<meta>` with a label we know wins. A page
 * declared UTF-16 is read as UTF-8, as browsers do (the BOM, checked before
 * this, is what makes a page UTF-16).
 */
import {ENCODING_LABELS} from '../decode.js'

const PRESCAN_BYTES = 1024

/** The declared label (as written, trimmed), or undefined. Only labels `decode` accepts are returned. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[^]*?(?:-->|$)/g, ' ')
  for (const match of head.matchAll(/<meta[\s/][^>]*>?/gi)) {
    const label = charsetOf(match[0])
    if (label === undefined) continue
    const key = label.toLowerCase()
    if (key.startsWith('utf-16') || key.startsWith('utf16')) return 'utf-8'
    if (Object.hasOwn(ENCODING_LABELS, key)) return label
  }
  return undefined
}

/** A `charset` attribute, else the `charset=` inside a `content` attribute (http-equiv). */
function charsetOf(tag: string): string | undefined {
  const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)
  const value = content?.[1] ?? content?.[2] ?? content?.[3]
  const attribute = /[\s/"']charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(content ? tag.replace(content[0], ' ') : tag)?.[1]
  return attribute ?? (value === undefined ? undefined : /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(value)?.[1])
}

function latin1(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += String.fromCharCode(byte)
  return out
}
