/**
 * What a document says about itself: family, language, parties, signing date
 * and place as printed, and its page stamps. Identity (Work URI, file name) and
 * dates inferred from other documents are settled later, by `link`, once the
 * whole batch is known.
 */
import type {DateFact, MetaSpan, Party, Removal} from '../tree/types.js'
import {ENGLISH_PLACE, type Token} from './signatures.js'
import {docTypeOfTitle, UNKNOWN_DOC_TYPE} from '../rules/doc-types.js'
import {countriesByAbbrev, countryByCode, englishNamesLongestFirst, matchCountryAt, type CountryRule} from '../rules/countries.js'
import {matchPlaceAt} from '../rules/places.js'
import {closingClauses, placeLinks} from '../rules/formulas.js'
import {findDates} from '../recognize/dates.js'
import type {MappedText} from '../text/mapped-text.js'

// Characters that exist in only one script (a small, frequent sample): 1 Traditional, 2 Simplified.
const SCRIPT = new Uint8Array(0x10000)
for (const char of '國與關於華聯體對發經濟會議條約協這們為個來時說還將產業長實點邊應當舉開請變區門') SCRIPT[char.charCodeAt(0)] = 1
for (const char of '国与关于华联体对发经济会议条约协这们为个来时说还将产业长实点边应当举开请变区门') SCRIPT[char.charCodeAt(0)] = 2

/** `en` when Latin letters outnumber Han, else `zh-Hant` or `zh-Hans` by script-specific characters. */
export function languageOf(text: string): string {
  let han = 0
  let latin = 0
  let traditional = 0
  let simplified = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x4e00 && code <= 0x9fff) {
      han++
      const script = SCRIPT[code]
      if (script === 1) traditional++
      else if (script === 2) simplified++
    } else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++
  }
  if (latin > han) return 'en'
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans'
}

export function docTypeOf(title: string | null): {docType: string; label: string | null} {
  const found = title ? docTypeOfTitle(title) : null
  return found ? {docType: found.rule.name, label: found.label} : {docType: UNKNOWN_DOC_TYPE, label: null}
}

/**
 * The parties, China first: countries named in the title (full names, English
 * names, or the `中X` pair abbreviation resolved against the text), then those
 * of the signatories.
 */
export function partiesOf(title: string | null, text: string, signatoryCodes: readonly (string | null)[]): Party[] {
  const found: CountryRule[] = []
  const add = (rule: CountryRule | undefined): void => {
    if (rule && !found.includes(rule)) found.push(rule)
  }
  const head = title ?? ''
  for (let i = 0; i < head.length; i++) {
    const match = matchCountryAt(head, i)
    if (match) {
      add(match.rule)
      i += match.name.length - 1
    }
  }
  if (found.length === 0 && /[A-Za-z]/.test(head)) {
    // Longest English names first, each span used once: `…Northern Ireland` is not Ireland.
    let rest = head
    for (const {name, rule} of englishNamesLongestFirst) {
      const at = rest.indexOf(name)
      if (at === -1) continue
      add(rule)
      rest = rest.slice(0, at) + '\u0000'.repeat(name.length) + rest.slice(at + name.length)
    }
    found.sort((a, b) => englishIndex(head, a) - englishIndex(head, b))
  }
  // `中秘两国…`, `中尼关于…`: China and one abbreviated partner.
  const pair = /^中([\u4e00-\u9fff])(?:两国|兩國|关于|關於|政府|联合|聯合|建交|双方|雙方)/.exec(head)
  if (pair) {
    add(countryByCode('cn'))
    const candidates = countriesByAbbrev(pair[1]!)
    const named = candidates.filter((rule) => rule.names.some((name) => name.length > 1 && text.includes(name)))
    add(named[0] ?? (candidates.length === 1 ? candidates[0] : undefined))
  }
  for (const code of signatoryCodes) if (code) add(countryByCode(code))
  const china = found.findIndex((rule) => rule.code === 'cn')
  if (china > 0) found.unshift(...found.splice(china, 1))
  return found.map((rule) => ({name: displayName(rule, text), code: rule.code}))
}

function englishIndex(text: string, rule: CountryRule): number {
  const positions = rule.en.map((name) => text.indexOf(name)).filter((i) => i !== -1)
  return positions.length > 0 ? Math.min(...positions) : Number.MAX_SAFE_INTEGER
}

/** The party's name as this document prints it (the first of its names found in the text). */
function displayName(rule: CountryRule, text: string): string {
  return rule.names.find((name) => text.includes(name)) ?? rule.en.find((name) => text.includes(name)) ?? rule.names[0]!
}

/** The signing date and place from the signing line, else from a closing clause. */
export function signingOf(
  signing: Token | null,
  closing: Array<{text: string; start: number}>,
  cleaned: MappedText
): {date: DateFact | null; place: string | null} {
  const candidates: Array<{text: string; start: number}> = []
  if (signing) candidates.push({text: signing.value, start: signing.start})
  for (const clause of closing) if (closingClauses.some((p) => p.test(clause.text))) candidates.push(clause)
  for (const {text, start} of candidates) {
    const date = findDates(text)[0]
    if (!date) continue
    const fact: DateFact = {
      value: date.iso,
      source: 'text',
      text: date.text,
      start: cleaned.sourceStart(start + date.start),
      end: cleaned.sourceEnd(start + date.end - 1)
    }
    const english = ENGLISH_PLACE.exec(text.slice(0, date.start))
    return {date: fact, place: english ? english[1]! : placeAfter(text, date.end)}
  }
  return {date: null, place: null}
}

/** `…日于北京` / `…日在北京签订` / `…签订于北京`: the place named after a date. */
function placeAfter(text: string, from: number): string | null {
  const rest = text.slice(from)
  const linked = placeLinks.exec(rest)
  const signedAt = /(?:签订|簽訂|签署|簽署|签字|簽字)?(?:于|於)/.exec(rest)
  const at = linked ? linked[0].length : signedAt ? signedAt.index + signedAt[0].length : -1
  if (at === -1) return null
  const known = matchPlaceAt(rest, at)
  if (known) return known.name
  const raw = /^[\u4e00-\u9fff]{2,6}?(?=[，,。签簽]|$)/.exec(rest.slice(at))
  return raw ? raw[0] : null
}

/** The stamps and removals inside a document's source span. */
export function within<T extends MetaSpan | Removal>(spans: readonly T[], start: number, end: number): T[] {
  return spans.filter((span) => span.start >= start && span.start < end)
}

export function stampDate(stamps: readonly MetaSpan[], kind: MetaSpan['kind']): DateFact | null {
  const stamp = stamps.find((s) => s.kind === kind && s.value !== null)
  return stamp ? {value: stamp.value!, source: 'stamp', text: stamp.text, start: stamp.start, end: stamp.end} : null
}
