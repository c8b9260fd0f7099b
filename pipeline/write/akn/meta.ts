/**
 * `<meta>`, built from the one FRBR Work URI of the document (`meta.id`) plus
 * the dates and the references collected while writing the body.
 *
 * Work          /akn/cn/statement/jointStatement/1994-03-07/cn-az
 * Expression    …/cn-az/zho@            (FRBRthis …/zho@/!main)
 * Manifestation …/cn-az/zho@.akn        (FRBRthis …/zho@/!main.xml)
 *
 * Country, doctype, subtype, date and number are read back from the URI, so
 * the metadata can never disagree with it (cobalt #41).
 */
import type {Element} from '@xmldom/xmldom'
import type {DateFact} from '../../tree/types.js'
import type {State} from './state.js'
import {name as toolName, version as toolVersion} from '../../version.js'
import {DIPTEXT_NAMESPACE, dateProvenanceName, languageCode, PRESCRIPTIVE_NAMES, TLC_ELEMENT} from './vocabulary.js'

export interface WorkUri {
  uri: string
  country: string
  doctype: string
  subtype: string | null
  actor: string | null
  /** `YYYY-MM-DD` or `YYYY` as in the URI, or the pipeline's `undated`. */
  date: string
  number: string
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Parses a Work URI `/akn/{country}/{doctype}[/{subtype}][/{actor}]/{date}/{number}` (NC §4.5). */
export function parseWorkUri(uri: string): WorkUri {
  const match = /^\/akn\/([a-z]{2}(?:-[a-z0-9]+)?)\/([A-Za-z]+)\/((?:[^/\s]+\/){1,3}[^/\s]+)$/.exec(uri)
  const segments = match?.[3]?.split('/') ?? []
  const number = segments.pop()
  const date = segments.pop()
  if (!match || number === undefined || date === undefined || !/^[A-Za-z0-9-]+$/.test(date)) {
    throw new Error(`Not an FRBR Work URI: \`${uri}\`, expected /akn/{country}/{doctype}[/{subtype}]/{date}/{number}`)
  }
  return {
    uri,
    country: match[1] ?? '',
    doctype: match[2] ?? '',
    subtype: segments[0] ?? null,
    actor: segments[1] ?? null,
    date,
    number
  }
}

export interface FrbrUris {
  work: WorkUri
  /** ISO 639-2/T, `zho`. */
  language: string
  expression: string
  manifestation: string
}

export function frbrUris(id: string, bcp47: string): FrbrUris {
  const work = parseWorkUri(id)
  const language = languageCode(bcp47)
  const expression = `${work.uri}/${language}@`
  return {work, language, expression, manifestation: `${expression}.akn`}
}

/** The work date (full ISO date, as `FRBRdate` needs) and its provenance name. */
export function workDate(work: WorkUri, fact: DateFact | null): {date: string; name: string} {
  const name = fact ? dateProvenanceName(fact.source) : 'unknown'
  if (FULL_DATE.test(work.date)) return {date: work.date, name}
  // FRBRdate must be a full date. A year-only URI (`/1994/`) gets the first day of that year and
  // an `undated` one (no date anywhere in the text, the batch or the stamps) gets 0001-01-01; the
  // name says so, so neither can pass for a real date. Nothing comes from the clock.
  if (/^\d{4}$/.test(work.date)) return {date: `${work.date}-01-01`, name: 'year'}
  return {date: '0001-01-01', name: 'undated'}
}

/** The ISO 3166 codes of the parties, from the number (`cn-az`, `cn-az-2`), else from the tree. */
function authorCodes(state: State, work: WorkUri): string[] {
  const fromNumber = work.number.split('-').filter((part) => /^[a-z]{2}$/.test(part))
  if (fromNumber.length > 0) return [...new Set(fromNumber)]
  const fromParties = state.tree.meta.parties.flatMap((party) => (party.code ? [party.code.toLowerCase()] : []))
  return [...new Set(fromParties.length > 0 ? fromParties : [work.country])]
}

function epochDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10)
}

/** Builds `<meta>`; call after the body is written, so the references are complete. */
export function buildMeta(state: State): Element {
  const {meta} = state.tree
  const uris = frbrUris(meta.id, meta.language)
  const {work} = uris
  const date = workDate(work, meta.dates.work)
  const authors = authorCodes(state, work).map((code) => `/akn/ontology/organization/${code}.government`)
  const name = state.tree.meta.docType

  const el = state.element('meta')
  const identification = state.append(el, 'identification', [['source', '#pipeline']])

  const frbrWork = state.append(identification, 'FRBRWork')
  state.append(frbrWork, 'FRBRthis', [['value', `${work.uri}/!main`]])
  state.append(frbrWork, 'FRBRuri', [['value', work.uri]])
  if (meta.title !== '') state.append(frbrWork, 'FRBRalias', [['value', meta.title], ['name', 'title']])
  state.append(frbrWork, 'FRBRdate', [['date', date.date], ['name', date.name]])
  for (const href of authors) state.append(frbrWork, 'FRBRauthor', [['href', href]])
  state.append(frbrWork, 'FRBRcountry', [['value', work.country]])
  if (work.subtype) state.append(frbrWork, 'FRBRsubtype', [['value', work.subtype]])
  state.append(frbrWork, 'FRBRnumber', [['value', work.number]])
  state.append(frbrWork, 'FRBRprescriptive', [['value', String(PRESCRIPTIVE_NAMES.has(name))]])

  const expression = state.append(identification, 'FRBRExpression')
  state.append(expression, 'FRBRthis', [['value', `${uris.expression}/!main`]])
  state.append(expression, 'FRBRuri', [['value', uris.expression]])
  state.append(expression, 'FRBRdate', [['date', date.date], ['name', date.name]])
  for (const href of authors) state.append(expression, 'FRBRauthor', [['href', href]])
  state.append(expression, 'FRBRlanguage', [['language', uris.language]])

  const manifestation = state.append(identification, 'FRBRManifestation')
  state.append(manifestation, 'FRBRthis', [['value', `${uris.expression}/!main.xml`]])
  state.append(manifestation, 'FRBRuri', [['value', uris.manifestation]])
  const epoch = state.context?.sourceDateEpoch ?? null
  state.append(
    manifestation,
    'FRBRdate',
    epoch === null ? [['date', date.date], ['name', date.name]] : [['date', epochDate(epoch)], ['name', 'generation']]
  )
  state.append(manifestation, 'FRBRauthor', [['href', '#pipeline']])
  // Which release made this file (AKN keeps tool facts in <preservation>, foreign elements only).
  const generator = state.xml.createElementNS(DIPTEXT_NAMESPACE, 'diptext:generator')
  generator.setAttribute('name', toolName)
  generator.setAttribute('version', toolVersion)
  state.append(manifestation, 'preservation').appendChild(generator)
  state.append(manifestation, 'FRBRformat', [['value', 'xml']])

  const published = meta.dates.published
  if (published && FULL_DATE.test(published.value)) {
    state.append(el, 'publication', [
      ['date', published.value],
      ['name', 'source'],
      ['showAs', published.text === '' ? published.value : published.text]
    ])
  }

  const signed = meta.dates.signed ?? (meta.dates.work?.source === 'citation' ? meta.dates.work : null)
  if (signed && FULL_DATE.test(signed.value)) {
    const lifecycle = state.append(el, 'lifecycle', [['source', '#pipeline']])
    state.append(lifecycle, 'eventRef', [
      ['date', signed.value],
      ['source', '#original'],
      ['type', 'generation']
    ])
  }

  const references = state.append(el, 'references', [['source', '#pipeline']])
  state.append(references, 'original', [
    ['eId', 'original'],
    ['href', uris.expression],
    ['showAs', meta.title === '' ? work.uri : meta.title]
  ])
  for (const entry of state.tlc.entries()) {
    state.append(references, TLC_ELEMENT[entry.kind], [
      ['eId', entry.eId],
      ['href', entry.href],
      ['showAs', entry.showAs]
    ])
  }
  state.append(references, 'TLCOrganization', [
    ['eId', 'pipeline'],
    ['href', '/akn/ontology/organization/diptext'],
    ['showAs', 'diptext']
  ])

  // Where the text came from: the input file and the span of it this document owns.
  const {source} = meta
  const proprietary = state.append(el, 'proprietary', [['source', '#pipeline']])
  const origin = state.xml.createElementNS(DIPTEXT_NAMESPACE, 'diptext:source')
  for (const [key, value] of [
    ['file', source.file],
    ['sha256', source.sha256],
    ['encoding', source.encoding],
    ['start', String(source.start)],
    ['end', String(source.end)],
    ['byteStart', String(source.byteStart)],
    ['byteEnd', String(source.byteEnd)]
  ] as const) {
    origin.setAttribute(key, value)
  }
  proprietary.appendChild(origin)

  return el
}
