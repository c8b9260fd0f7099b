/**
 * The HTML reader: saved web pages. The encoding comes from the BOM, then the
 * page's `<meta charset>` / `http-equiv` declaration, then detection; the page
 * becomes mapped plain text with its markup and chrome removed and recorded
 * (`to-text.ts`). A page the parser cannot take (nesting too deep for the
 * stack) is read as text with its tags stripped, and says so.
 */
import {decode, ENCODING_LABELS} from '../decode.js'
import type {Reader, ReaderDecoded} from '../registry.js'
import {textMarkup} from '../text.js'
import {declaredCharset} from './charset.js'
import {htmlToText} from './to-text.js'

export const htmlReader: Reader = {
  name: 'html',
  extensions: ['html', 'htm', 'xhtml', 'shtml'],
  sniff: looksLikeHtml,
  decode: decodeHtml,
  markup(source) {
    const depth = nestingDepth(source)
    if (depth > MAX_DEPTH) {
      return {...textMarkup(source), warning: `Cannot parse the page as HTML (elements nested ${depth} deep, more than ${MAX_DEPTH}); its tags are stripped as text`}
    }
    try {
      return htmlToText(source)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return {...textMarkup(source), warning: `Cannot parse the page as HTML (${reason}); its tags are stripped as text`}
    }
  }
}

/**
 * Deeper than this, the parser's scope checks grow quadratic and the tree
 * walks would exhaust the stack: no real page nests a thousand elements.
 */
const MAX_DEPTH = 1000
/** Elements that close themselves or whose end tag may be left out: they do not nest. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rtc', 'rp',
  'html', 'head', 'body'
])

/** How deep the page's elements nest, counted from its tags in one pass (an estimate: enough to refuse a hostile page). */
function nestingDepth(source: string): number {
  let depth = 0
  let max = 0
  for (const match of source.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]{0,20})(?:\s[^<>]{0,1000})?(\/?)>/g)) {
    const name = match[2]!.toLowerCase()
    if (NOT_NESTING.has(name) || match[3] === '/') continue
    if (match[1] === '/') depth = Math.max(0, depth - 1)
    else max = Math.max(max, ++depth)
  }
  return max
}

function decodeHtml(bytes: Uint8Array, options: {encoding?: string}): ReaderDecoded {
  if (options.encoding !== undefined) return {decoded: decode(bytes, {encoding: options.encoding}), notes: []}
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const declared = bom ? undefined : declaredCharset(bytes)
  if (declared === undefined) return {decoded: decode(bytes), notes: []}
  const encoding = ENCODING_LABELS[declared.toLowerCase()]
  // A page re-saved as UTF-8 often keeps its old declaration: valid multi-byte UTF-8 is not GB text.
  if (encoding !== 'utf-8' && validUtf8WithNonAscii(bytes)) {
    return {decoded: decode(bytes, {encoding: 'utf-8'}), notes: [`The page declares ${declared} but its bytes are UTF-8; read as UTF-8`]}
  }
  return {decoded: decode(bytes, {encoding: declared}), notes: []}
}

function validUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The start of a page (after a BOM and white space): a doctype, `<html`, `<head`, or an XML declaration before one of them. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let head = ''
  for (let i = start; i < Math.min(bytes.length, start + 1024); i++) head += String.fromCharCode(bytes[i]!)
  head = head.trimStart()
  if (/^<\?xml[^>]{0,200}\?>/i.test(head)) head = head.replace(/^<\?xml[^>]{0,200}\?>\s*/i, '')
  head = head.replace(/^(?:<!--[^]*?-->\s*)+/, '')
  return /^(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i.test(head)
}
