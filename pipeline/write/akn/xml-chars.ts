/**
 * Character data for XML 1.0.
 *
 * XML cannot carry C0 controls (other than tab, LF, CR), U+FFFE/U+FFFF or
 * lone surrogates. Scraped text rarely has them, but one must not make the
 * writer fail: each is replaced by U+FFFD, one for one (`xmlSafe`).
 *
 * Text and attribute values are escaped as xmldom's serializer escapes them:
 * `<`, `&`, `>` in text; those, `"`, tab, LF and CR in attribute values.
 * The writer escapes once, when it makes the text or attribute, with one
 * test for the common case of a value that needs neither replacing nor escaping.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
/** The same test by UTF-16 units, which is cheaper: any surrogate (paired or not) sends the text to the full check. */
const MAYBE_NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/

export function xmlSafe(value: string): string {
  if (!MAYBE_NOT_XML_CHAR.test(value)) return value
  return NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHAR, '\uFFFD') : value
}

const ENTITY: Readonly<Record<string, string>> = {'<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;'}
const entity = (c: string): string => ENTITY[c]!

/** A character to replace or to escape in text (`& < >`); any surrogate sends the text to the full check. */
const SPECIAL_IN_TEXT = /[^\t\n\r\u0020-\u0025\u0027-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/
/** The same in an attribute value (`" & < >`, tab, LF, CR). */
const SPECIAL_IN_ATTRIBUTE = /[^\u0020\u0021\u0023-\u0025\u0027-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/

export function escapeText(value: string): string {
  return /[<&>]/.test(value) ? value.replace(/[<&>]/g, entity) : value
}

export function escapeAttribute(value: string): string {
  return /[<>&"\t\n\r]/.test(value) ? value.replace(/[<>&"\t\n\r]/g, entity) : value
}

/** Text as written in the XML: made safe, then escaped. */
export function textData(value: string): string {
  return SPECIAL_IN_TEXT.test(value) ? escapeText(xmlSafe(value)) : value
}

/** An attribute value as written in the XML (between its quotes): made safe, then escaped. */
export function attributeData(value: string): string {
  return SPECIAL_IN_ATTRIBUTE.test(value) ? escapeAttribute(xmlSafe(value)) : value
}
