/**
 * XML 1.0 cannot carry C0 controls (other than tab, LF, CR), U+FFFE/U+FFFF or
 * lone surrogates. Scraped text rarely has them, but one must not make the
 * writer fail: each is replaced by U+FFFD, one for one.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
/** The same test by UTF-16 units, which is cheaper: any surrogate (paired or not) sends the text to the full check. */
const MAYBE_NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/

export function xmlSafe(value: string): string {
  if (!MAYBE_NOT_XML_CHAR.test(value)) return value
  return NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHAR, '\uFFFD') : value
}
