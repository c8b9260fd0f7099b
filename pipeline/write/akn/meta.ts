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
import type {DateFact} from '../../tree/types.js'
import {conversionDate} from '../../frbr/conversion-date.js'
import {expressionUri, manifestationUri, parseFrbrUri, workUri, type FrbrUri} from '../../frbr/uri.js'
import type {XmlElement} from './element.js'
import type {State} from './state.js'
import {name as toolName, version as toolVersion} from '../../version.js'
import {DIPTEXT_NAMESPACE, dateProvenanceName, languageCode, PRESCRIPTIVE_NAMES, TLC_ELEMENT} from './vocabulary.js'

/** The Work URI of a document as a structure (`frbr/uri.ts`), with its string form. */
export interface WorkUri extends FrbrUri {
  uri: string
}

/** Parses a Work URI `/akn/{country}/{doctype}[/{subtype}][/{actor}]/{date}/{number}` (NC §4.5). */
export function parseWorkUri(uri: string): WorkUri {
  const parsed = parseFrbrUri(uri)
  if (parsed.language !== null || parsed.component !== null || parsed.format !== null || parsed.portion !== null) {
    throw new Error(`Not an FRBR Work URI: \`${uri}\` names an expression, component or manifestation`)
  }
  return {...parsed, uri: workUri(parsed)}
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
  return {work, language, expression: expressionUri(work, language), manifestation: manifestationUri(work, 'akn', language)}
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/

/** eId and showAs of the signing event that the signing date and the lifecycle refer to. */
export const SIGNING_EVENT = {eId: 'signing', href: '/akn/ontology/event/signing'} as const

/** The work date (full ISO date, as `FRBRdate` needs) and its provenance name. */
export function workDate(work: WorkUri, fact: DateFact | null): {date: string; name: string} {
  const name = fact ? dateProvenanceName(fact.source) : 'unknown'
  if (FULL_DATE.test(work.date)) return {date: work.date, name}
  // A year-only URI (`/1994/`, from outside the pipeline, which writes full days) has only its
  // year known: FRBRdate must be a full date, so the first day of the year, named `year`.
  return {date: `${work.date}-01-01`, name: 'year'}
}

/** The ISO 3166 codes of the parties, from the number (`cn-az`, `cn-az-2`), else from the tree. */
function authorCodes(state: State, work: WorkUri): string[] {
  const fromNumber = work.number.split('-').filter((part) => /^[a-z]{2}$/.test(part))
  if (fromNumber.length > 0) return [...new Set(fromNumber)]
  const fromParties = state.tree.meta.parties.flatMap((party) => (party.code ? [party.code.toLowerCase()] : []))
  return [...new Set(fromParties.length > 0 ? fromParties : [work.country])]
}

/** The party's name as printed with its government (`中华人民共和国政府`), or the code's. */
function governmentName(state: State, code: string): string {
  const party = state.tree.meta.parties.find((p) => (p.code ?? '').toLowerCase() === code)
  if (!party || party.name === '') return `${code} government`
  return languageCode(state.tree.meta.language) === 'zho' ? `${party.name}政府` : `Government of ${party.name}`
}

/** Builds `<meta>`; call after the body is written, so the references are complete. */
export function buildMeta(state: State): XmlElement {
  const {meta} = state.tree
  const uris = frbrUris(meta.id, meta.language)
  const {work} = uris
  const date = workDate(work, meta.dates.work)
  // FRBRauthor points at a TLCOrganization of `references`, which holds the ontology href.
  const authors = authorCodes(state, work).map((code) => ({eId: `${code}Government`, href: `/akn/ontology/organization/${code}.government`, code}))
  const name = state.tree.meta.docType

  const el = state.element('meta')
  const identification = state.append(el, 'identification', [['source', '#pipeline']])

  const frbrWork = state.append(identification, 'FRBRWork')
  state.append(frbrWork, 'FRBRthis', [['value', `${work.uri}/!main`]])
  state.append(frbrWork, 'FRBRuri', [['value', work.uri]])
  if (meta.title !== '') state.append(frbrWork, 'FRBRalias', [['value', meta.title], ['name', 'title']])
  state.append(frbrWork, 'FRBRdate', [['date', date.date], ['name', date.name]])
  for (const author of authors) state.append(frbrWork, 'FRBRauthor', [['href', '#' + author.eId]])
  state.append(frbrWork, 'FRBRcountry', [['value', work.country]])
  if (work.subtype) state.append(frbrWork, 'FRBRsubtype', [['value', work.subtype]])
  state.append(frbrWork, 'FRBRnumber', [['value', work.number]])
  state.append(frbrWork, 'FRBRprescriptive', [['value', String(PRESCRIPTIVE_NAMES.has(name))]])

  const expression = state.append(identification, 'FRBRExpression')
  state.append(expression, 'FRBRthis', [['value', `${uris.expression}/!main`]])
  state.append(expression, 'FRBRuri', [['value', uris.expression]])
  state.append(expression, 'FRBRdate', [['date', date.date], ['name', date.name]])
  for (const author of authors) state.append(expression, 'FRBRauthor', [['href', '#' + author.eId]])
  state.append(expression, 'FRBRlanguage', [['language', uris.language]])

  const manifestation = state.append(identification, 'FRBRManifestation')
  state.append(manifestation, 'FRBRthis', [['value', `${uris.expression}/!main.xml`]])
  state.append(manifestation, 'FRBRuri', [['value', uris.manifestation]])
  // The manifestation is this file: dated by the conversion, never by the clock.
  const converted = conversionDate(state.context?.sourceDateEpoch ?? null)
  state.append(manifestation, 'FRBRdate', [['date', converted.day], ['name', 'transformation']])
  state.append(manifestation, 'FRBRauthor', [['href', '#pipeline']])
  // Which release made this file (AKN keeps tool facts in <preservation>, foreign elements only).
  const generator = state.foreign(DIPTEXT_NAMESPACE, 'diptext:generator', [
    ['name', toolName],
    ['version', toolVersion]
  ])
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
      ['type', 'generation'],
      ['refersTo', '#' + SIGNING_EVENT.eId]
    ])
    state.events.add(SIGNING_EVENT.eId)
  }

  const references = state.append(el, 'references', [['source', '#pipeline']])
  state.append(references, 'original', [
    ['eId', 'original'],
    ['href', uris.expression],
    ['showAs', meta.title === '' ? work.uri : meta.title]
  ])
  const entries = state.tlc.entries()
  for (const entry of entries) {
    state.append(references, TLC_ELEMENT[entry.kind], [
      ['eId', entry.eId],
      ['href', entry.href],
      ['showAs', entry.showAs]
    ])
  }
  for (const author of authors) {
    if (entries.some((entry) => entry.eId === author.eId)) continue
    state.append(references, 'TLCOrganization', [
      ['eId', author.eId],
      ['href', author.href],
      ['showAs', governmentName(state, author.code)]
    ])
  }
  if (state.events.has(SIGNING_EVENT.eId)) {
    state.append(references, 'TLCEvent', [
      ['eId', SIGNING_EVENT.eId],
      ['href', SIGNING_EVENT.href],
      ['showAs', languageCode(meta.language) === 'zho' ? '签署' : 'signing']
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
  const origin = state.foreign(DIPTEXT_NAMESPACE, 'diptext:source', [
    ['file', source.file],
    ['sha256', source.sha256],
    ['encoding', source.encoding],
    ['start', String(source.start)],
    ['end', String(source.end)],
    ['byteStart', String(source.byteStart)],
    ['byteEnd', String(source.byteEnd)]
  ])
  proprietary.appendChild(origin)

  return el
}
