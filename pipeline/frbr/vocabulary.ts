/** The parts of a Work URI that come from the tree: subtype, number and language codes. */

/** `statement/@name` and URI subtype for a document type; anything that is not ASCII camelCase is `document`. */
export function statementName(docType: string): string {
  return /^[a-z][A-Za-z0-9]*$/.test(docType) ? docType : 'document'
}

/** A party's ISO 3166-1 code in a URI number: two lower-case letters, `xx` when unknown. */
export function partyCode(code: string | null): string {
  const lower = (code ?? '').toLowerCase()
  return /^[a-z]{2}$/.test(lower) ? lower : 'xx'
}

/** BCP 47 (`zh-Hans`) → ISO 639-2/T (`zho`), for `FRBRlanguage` and the Expression URI. */
const ISO639_2: Readonly<Record<string, string>> = {
  zh: 'zho',
  en: 'eng',
  fr: 'fra',
  ru: 'rus',
  es: 'spa',
  ar: 'ara',
  de: 'deu',
  ja: 'jpn',
  ko: 'kor',
  pt: 'por'
}

export function languageCode(bcp47: string): string {
  const primary = bcp47.toLowerCase().split('-')[0] ?? ''
  if (/^[a-z]{3}$/.test(primary)) return primary
  return ISO639_2[primary] ?? 'und'
}
