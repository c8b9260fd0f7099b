/**
 * What a document says about itself: family, language, parties, signing date
 * and place as printed, and its page stamps. Identity (Work URI, file name) and
 * dates inferred from other documents are settled later, by `link`, once the
 * whole batch is known.
 */
import type {DateFact, MetaSpan, Party, Removal} from '../tree/types.js'
import {ENGLISH_PLACE, type Token} from './signatures.js'
import {docTypeOfTitle, UNKNOWN_DOC_TYPE} from '../rules/doc-types.js'
import {countriesByAbbrev, countryByCode, foldedEnglishNames, foldEnglish, matchCountryAt, type CountryRule} from '../rules/countries.js'
import {matchPlaceAt} from '../rules/places.js'
import {closingClauses, placeLinks} from '../rules/formulas.js'
import {findDates, iso} from '../recognize/dates.js'
import {numeralValue} from '../rules/numerals.js'
import {newsDateline} from '../rules/page-matter.js'
import {titleShape} from './titles.js'
import type {MappedText} from '../text/mapped-text.js'

// Characters that exist in only one script (a small, frequent sample): 1 Traditional, 2 Simplified.
const SCRIPT = new Uint8Array(0x10000)
for (const char of '國與關於華聯體對發經濟會議條約協這們為個來時說還將產業長實點邊應當舉開請變區門') SCRIPT[char.charCodeAt(0)] = 1
for (const char of '国与关于华联体对发经济会议条约协这们为个来时说还将产业长实点边应当举开请变区门') SCRIPT[char.charCodeAt(0)] = 2

/** `en` when Latin letters outnumber Han, else `zh-Hant` or `zh-Hans` by script-specific characters. */
/**
 * The visible text decides: English or Chinese by letters, the script by
 * script-specific characters. A page's declared `lang` (`zh-TW`, `zh-Hant`,
 * `zh-CN`) settles the script only where the text does not (a few characters either way).
 */
export function languageOf(text: string, declared: string | null = null): string {
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
  if (Math.abs(traditional - simplified) < SCRIPT_MARGIN && declared !== null) {
    if (/^zh-(?:Hant|TW|HK|MO)\b/i.test(declared)) return 'zh-Hant'
    if (/^zh-(?:Hans|CN|SG)\b/i.test(declared)) return 'zh-Hans'
  }
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans'
}

/** How many more script-specific characters of one script make the text's own evidence decisive. */
const SCRIPT_MARGIN = 5

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
    const folded = foldEnglish(head)
    let rest = folded
    for (const {folded: name, rule} of foldedEnglishNames) {
      const at = rest.indexOf(name)
      if (at === -1) continue
      add(rule)
      rest = rest.slice(0, at) + '\u0000'.repeat(name.length) + rest.slice(at + name.length)
    }
    found.sort((a, b) => englishIndex(folded, a) - englishIndex(folded, b))
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

/** Where `folded` (an English text through `foldEnglish`) first names the country. */
function englishIndex(folded: string, rule: CountryRule): number {
  const positions = rule.en.map((name) => folded.indexOf(foldEnglish(name))).filter((i) => i !== -1)
  return positions.length > 0 ? Math.min(...positions) : Number.MAX_SAFE_INTEGER
}

/**
 * The party's name as this document prints it: the longest of its names found in the text
 * (`阿拉伯也门共和国`, not the `也门共和国` inside it).
 */
function displayName(rule: CountryRule, text: string): string {
  const longest = (names: readonly string[]): string | undefined => names.filter((name) => text.includes(name)).sort((a, b) => b.length - a.length)[0]
  return longest(rule.names) ?? longestFolded(rule.en, text) ?? rule.names[0]!
}

/** The longest English name of the table that `text` prints, in any case and with either apostrophe. */
function longestFolded(names: readonly string[], text: string): string | undefined {
  const folded = foldEnglish(text)
  return names.filter((name) => folded.includes(foldEnglish(name))).sort((a, b) => b.length - a.length)[0]
}

/** A candidate text for the signing date and place, in cleaned offsets. */
export interface Evidence {
  text: string
  start: number
}

/** English signing sentences: `Done in duplicate at Beijing on …`, `having gathered in Pretoria on this …`. */
const ENGLISH_SIGNING = /\b(?:Done|DONE|Signed|signed|SIGNED|gathered|concluded|Concluded|CONCLUDED)\b[^.;]{0,40}?\b(?:at|in|AT|IN) ([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,3})\b/

/**
 * The signing date and place, from the best evidence the document prints: the
 * signing line under the signatures, a closing clause (`本协定于…在北京签订`), a
 * header under the title (`（1997年11月10日订于北京）`, `1992年1月20日于北京市`),
 * an English signing sentence anywhere in the text.
 */
export function signingOf(
  signings: readonly Token[],
  closing: readonly Evidence[],
  header: readonly Evidence[],
  texts: readonly Evidence[],
  cleaned: MappedText
): {date: DateFact | null; place: string | null} {
  const candidates: Evidence[] = []
  for (const signing of signings) candidates.push({text: signing.value, start: signing.start})
  for (const clause of closing) if (closingClauses.some((p) => p.test(clause.text))) candidates.push(clause)
  candidates.push(...header)
  for (const text of texts) if (ENGLISH_SIGNING.test(text.text)) candidates.push(text)
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
    const english = ENGLISH_SIGNING.exec(text) ?? ENGLISH_PLACE.exec(text.slice(0, date.start))
    return {date: fact, place: english ? english[1]! : placeAfter(text, date.end)}
  }
  return {date: null, place: null}
}

/** What a news lead or an editor's note says about the document it announces. */
export interface LeadFacts {
  title: string | null
  signed: {value: string; text: string; start: number; end: number} | null
  place: string | null
  published: {value: string; text: string; start: number; end: number} | null
  /** The lead says only part of the text follows (`主要内容如下`): the document is an excerpt. */
  excerpt: boolean
}

const EXCERPT = /主要内容|要点|要點|摘要|节选|節選|摘录|摘錄|excerpts?\b/iu

const LEAD_TITLE = /《([^《》\n]{4,160})》/gu
const MONTH_DAY = String.raw`(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日`
/** `于1月19日在华盛顿发表` (the date next to the place), else `9月21日，…在北京举行会谈并签署`. */
const EVENT_VERB = '(?:举行|舉行|发表|發表|签署|簽署|签订|簽訂|会晤|會晤)'
const LEAD_EVENTS = [
  new RegExp(String.raw`${MONTH_DAY}[ \t]{0,2}(?:在|於|于)([\u4e00-\u9fff]{2,6}?)${EVENT_VERB}`, 'u'),
  new RegExp(String.raw`${MONTH_DAY}[^。；]{0,30}?(?:在|於|于)([\u4e00-\u9fff]{2,6}?)${EVENT_VERB}`, 'u')
]
/** `3日在首爾發表`: a day of the dateline's month. */
const LEAD_DAY_EVENT = /(?<![月\d])(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:在|於|于)([\u4e00-\u9fff]{2,6}?)(?:发表|發表|签署|簽署|签订|簽訂)/u

/**
 * Title, date and place from leads. A lead prints month and day only; the year
 * is the page stamp's, else that of a full date in the document in the same month.
 */
export function leadFacts(leads: readonly Evidence[], stampYear: number | null, documentText: string, cleaned: MappedText): LeadFacts {
  const facts: LeadFacts = {title: null, signed: null, place: null, published: null, excerpt: false}
  for (const lead of leads) {
    if (EXCERPT.test(lead.text)) facts.excerpt = true
    for (const match of lead.text.matchAll(LEAD_TITLE)) {
      const shape = titleShape(match[1]!)
      if (shape && !facts.title) facts.title = shape.title
    }
    const dateline = newsDateline.exec(lead.text)
    const month = dateline ? numeralValue(dateline[2]!) : null
    const year = (m: number | null): number | null => stampYear ?? (m === null ? null : yearOfMonth(documentText, m))
    const at = (from: number, to: number, value: string) => ({value, text: lead.text.slice(from, to), start: cleaned.sourceStart(lead.start + from), end: cleaned.sourceEnd(lead.start + to - 1)})
    if (dateline && !facts.published) {
      const y = year(month)
      const d = numeralValue(dateline[3]!)
      const value = y !== null && month !== null && d !== null ? iso(y, month, d) : null
      const from = dateline[0].length - dateline[2]!.length - dateline[3]!.length - 3
      if (value) facts.published = at(from, dateline[0].length - 1, value)
    }
    const event = LEAD_EVENTS.map((pattern) => pattern.exec(lead.text)).find((m) => m !== null) ?? null
    const dayEvent = event ? null : LEAD_DAY_EVENT.exec(lead.text)
    if (!facts.signed && (event || (dayEvent && month !== null))) {
      const m = event ? numeralValue(event[1]!) : month
      const d = numeralValue(event ? event[2]! : dayEvent![1]!)
      const y = year(m)
      const value = y !== null && m !== null && d !== null ? iso(y, m, d) : null
      const match = (event ?? dayEvent)!
      if (value) {
        facts.signed = at(match.index, match.index + match[0].length, value)
        const placeText = event ? event[3]! : dayEvent![2]!
        facts.place = matchPlaceAt(placeText, 0)?.name ?? placeText
      }
    }
  }
  return facts
}

/** The year of the first full date in `text` that falls in `month`. */
function yearOfMonth(text: string, month: number): number | null {
  for (const date of findDates(text)) if (Number(date.iso.slice(5, 7)) === month) return Number(date.iso.slice(0, 4))
  return null
}

const DATELINE_GAP = /^[ \t\u3000]*[，,]?[ \t\u3000]*/u

/** `…日于北京` / `…日在北京签订` / `…签订于北京`: the place named after a date. */
function placeAfter(text: string, from: number): string | null {
  const rest = text.slice(from)
  const linked = placeLinks.exec(rest)
  const signedAt = /(?:签订|簽訂|签署|簽署|签字|簽字)?(?:于|於)/.exec(rest)
  const at = linked ? linked[0].length : signedAt ? signedAt.index + signedAt[0].length : -1
  // A dateline: the date, a space or a comma, a place the gazetteer knows (`2019年9月11日，北京`).
  if (at === -1) return matchPlaceAt(rest, DATELINE_GAP.exec(rest)![0].length)?.name ?? null
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
