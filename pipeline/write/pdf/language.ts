/**
 * /Lang of a span: a structure element whose text is in another language than
 * the document's says so (the Chinese signature lines of an English
 * communiqué, an English name in a Chinese one), so that screen readers and
 * text-to-speech switch voices. Decided by script: Han only is Chinese, Latin
 * letters only are English; mixed text (`G20峰会`) keeps the document's language.
 */
const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u

/** The language of `text` when it differs from `documentLang`, else null. */
export function spanLanguage(text: string, documentLang: string): string | null {
  const han = HAN.test(text)
  const latin = LATIN.test(text)
  const primary = documentLang.toLowerCase().split('-')[0]
  if (han && !latin && primary !== 'zh') return 'zh'
  if (latin && !han && primary !== 'en') return 'en'
  return null
}
