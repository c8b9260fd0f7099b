/**
 * Document information and XMP.
 *
 * pdfkit 0.20.2 writes Title/Author/Subject/Keywords into the XMP without XML
 * escaping (pitfall 3), so its `_addInfo` is wrapped to see escaped copies;
 * the Info dictionary keeps the plain values. No ModDate (pitfall 4). The FRBR
 * Work URI goes into Keywords and into the XMP as `dc:identifier`. A custom
 * Info key carries the sha256 of the document, so different documents never
 * share an /ID (pdfkit derives /ID from the Info entries). Nothing here reads
 * the clock: CreationDate is the conversion's date (`frbr/conversion-date.ts`:
 * `SOURCE_DATE_EPOCH`, else the release date of diptext), never a date of the
 * document itself (a 1956 text is not a file created in 1956).
 */
import {createHash} from 'node:crypto'
import type {Document} from '../../tree/types.js'
import {conversionDate} from '../../frbr/conversion-date.js'
import {generator} from '../../version.js'

/** Characters not allowed in XML 1.0 (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const xmlInvalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/** Escape text for XML character data and attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(xmlInvalid, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** The latest of the document's dates, or null. */
export function latestDate(doc: Document): Date | null {
  let latest: string | null = null
  for (const fact of Object.values(doc.meta.dates)) {
    const value = fact?.value
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && (latest === null || value > latest)) latest = value
  }
  if (latest === null) return null
  const date = new Date(latest + 'T00:00:00Z')
  return Number.isNaN(date.getTime()) ? null : date
}

/** CreationDate: the conversion's date, `SOURCE_DATE_EPOCH` when set, else the release date. */
export function creationDate(sourceDateEpoch: number | null): Date {
  return conversionDate(sourceDateEpoch).instant
}

/** sha256 (hex) of the document: its identity and its whole content. */
export function documentHash(doc: Document): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex')
}

export interface Info {
  Title: string
  Author: string
  Subject: string
  Keywords: string
  Creator: string
  Producer: string
  CreationDate: Date
  /** Custom key: sha256 of the document (makes the /ID unique per document). */
  DocumentSHA256: string
  /** Custom key: the FRBR Work URI. */
  Identifier: string
}

export function buildInfo(doc: Document, date: Date): Info {
  const {meta} = doc
  const parties = meta.parties.map((party) => party.name).filter((name) => name !== '')
  const label = meta.docTypeLabel ?? meta.docType
  const signed = meta.dates.signed?.value ?? meta.dates.work?.value ?? null
  const subject = [label, signed, meta.place].filter((part): part is string => Boolean(part)).join('，')
  const keywords = [meta.id, meta.docType, meta.docTypeLabel, ...parties, meta.slug]
  return {
    Title: meta.title,
    Author: parties.join('、'),
    Subject: subject,
    Keywords: [...new Set(keywords.filter((part): part is string => Boolean(part)))].join('; '),
    Creator: generator,
    Producer: `${generator} (PDFKit)`,
    CreationDate: date,
    DocumentSHA256: documentHash(doc),
    Identifier: meta.id
  }
}

/** Extra XMP: the Work URI as `dc:identifier`, and the language. */
export function extraXmp(doc: Document, lang: string): string {
  return `
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier>${escapeXml(doc.meta.id)}</dc:identifier>
            <dc:language>
                <rdf:Bag>
                    <rdf:li>${escapeXml(lang)}</rdf:li>
                </rdf:Bag>
            </dc:language>
        </rdf:Description>
        `
}

interface InfoHost {
  info: Record<string, unknown>
  _addInfo(): void
}

/**
 * Make pdfkit escape what it copies from Info into the XMP (pitfall 3): its
 * `_addInfo` runs at `end()`, after the Info dictionary is written, and sees
 * escaped copies of the string values.
 */
export function escapeInfoInXmp(doc: unknown): void {
  const host = doc as InfoHost
  const original = host._addInfo
  host._addInfo = function (this: InfoHost) {
    const saved = this.info
    const escaped: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(saved)) escaped[key] = typeof value === 'string' ? escapeXml(value) : value
    this.info = escaped
    try {
      original.call(this)
    } finally {
      this.info = saved
    }
  }
}
