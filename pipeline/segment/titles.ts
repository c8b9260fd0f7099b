/**
 * What titles look like. A title names a document family at its end (联合声明,
 * 议定书, … in `rules/doc-types.ts`; in English the family word near its start),
 * has no sentence punctuation and no full date of its own, and may carry
 * annotations that are not part of it: a label before it (`标题：`,
 * `Document 3 - `), and after it `（全文）`, `(1992)`, `（一九五四年十月十二日发表）`,
 * `（1997年11月10日订于北京）`, `（签订日期…）` or a page stamp date.
 */
import {docTypeOfTitle, docTypes} from '../rules/doc-types.js'
import {matchNumber} from '../rules/numbering.js'
import {countryNamesLongestFirst, matchCountryAt} from '../rules/countries.js'
import {matchOrganizationAt, organizationNamesLongestFirst} from '../rules/organizations.js'
import {endsOnFunctionWord, startsWithLinkingWord} from '../rules/english-words.js'
import {findDates} from '../recognize/dates.js'
import {isSpaceUnit} from '../text/spaces.js'
import {rememberRecent} from '../text/recent.js'

const MAX_TITLE = 160
const MAX_ENGLISH_TITLE = 320
/**
 * More visible characters than a label, the longest title and four of the
 * longest annotations can hold: such a block is never a title (paragraphs are
 * rejected before any pattern runs).
 */
const MAX_TITLE_BLOCK = 800
const HAN = /[\u3400-\u9fff]/
const SP = /[\s\u3000\u00a0]/u

/** A label printed before a title. */
const LEADING_LABEL = /^(?:标题|標題|题目|題目|名称|名稱|Title)[：:][ \t\u3000]*|^Document[ \t]+\d{1,4}[ \t]*[-–—:][ \t]*|^【[^】]{0,10}】[ \t\u3000]*|^Full text of (?:the )?/iu
/** What a trailing annotation in brackets may say: a date, a year, a version, a status. */
const ANNOTATION_WORDS = /全文|摘要|节选|節選|草案|译文|譯文|中文本|英文本|文本|签订日期|簽訂日期|生效日期|通过|通過|发表|發表|订于|訂於|签于|簽於|签订|簽訂|签署|簽署|公布|公佈|发布|發佈|修订|修訂|^\d{4}$|^\d{4}年$|excerpts?|full text|draft/iu
const BRACKETED_END = /[（(［\[]([^（）()［\]\[]{1,80})[）)］\]]$/u
const CLOSING = /[）)］\]]/
/** The last character of every date form (`…日`, `…号`, `2002-03-14`, `March 13, 1972`) and of a year note. */
const DATE_LAST = /[日号號0-9]/
const YEAR_LAST = /[0-9)]/

export interface TitleShape {
  /** The title as it should be recorded: annotations off, layout inside Han text closed up. */
  title: string
  /** Offsets of the title proper inside the examined text. */
  start: number
  end: number
  /** Annotations after the title, as offsets inside the examined text (brackets, dates). */
  annotations: Array<{start: number; end: number; kind: 'note' | 'date'}>
}

/** Is `text` entirely a title, possibly with a label before and annotations after? */
export function titleShape(text: string): Readonly<TitleShape> | null {
  // A block is asked whole when the page is split into pieces and again for its features: the last answers are kept.
  return recentShapes(text)
}

const recentShapes = rememberRecent((text): Readonly<TitleShape> | null => {
  const shape = shapeOf(text)
  if (shape) {
    for (const annotation of shape.annotations) Object.freeze(annotation)
    Object.freeze(shape.annotations)
    Object.freeze(shape)
  }
  return shape
}, null)

function shapeOf(text: string): TitleShape | null {
  if (text.length > MAX_TITLE_BLOCK && moreVisibleThan(text, MAX_TITLE_BLOCK)) return null
  let start = 0
  let end = text.length
  const label = LEADING_LABEL.exec(text)
  if (label) start = label[0].length
  const annotations: TitleShape['annotations'] = []
  // Peel annotations off the end, innermost last.
  for (let guard = 0; guard < 4; guard++) {
    while (end > start && SP.test(text[end - 1]!)) end--
    const head = text.slice(start, end)
    // Each annotation is known by its last character first: a closing bracket, the end of a date, a year.
    const last = head.charAt(head.length - 1)
    const bracket = CLOSING.test(last) ? BRACKETED_END.exec(head) : null
    if (bracket && (ANNOTATION_WORDS.test(bracket[1]!) || findDates(bracket[1]!).length > 0)) {
      annotations.unshift({start: start + bracket.index, end, kind: 'note'})
      end = start + bracket.index
      continue
    }
    const date = DATE_LAST.test(last) ? findDates(head).at(-1) : undefined
    if (date && date.end === head.length && date.start > 0) {
      annotations.unshift({start: start + date.start, end, kind: 'date'})
      end = start + date.start
      continue
    }
    // `Title, 24 January 1992` / `Title (1992)` in English.
    const year = YEAR_LAST.test(last) && !HAN.test(head) ? /(?:[ ,]+(?:\(\d{4}\)|\d{4})|(?<=[a-z])\d{4})$/.exec(head) : null
    if (year) {
      annotations.unshift({start: start + year.index, end, kind: 'note'})
      end = start + year.index
      continue
    }
    break
  }
  while (end > start && /[\s\u3000\u00a0,，]/u.test(text[end - 1]!)) end--
  const core = text.slice(start, end)
  return isBareTitle(core) ? {title: closeUp(core), start, end, annotations} : null
}

/** Are more than `limit` units of `text` not layout? (Counting stops there: paragraphs run to thousands.) */
function moreVisibleThan(text: string, limit: number): boolean {
  let count = 0
  for (let i = 0; i < text.length; i++) if (!isSpaceUnit(text.charCodeAt(i)) && ++count > limit) return true
  return false
}

/** A title with nothing around it. */
function isBareTitle(text: string): boolean {
  const english = !HAN.test(text)
  if (text.length < 4 || text.length > (english ? MAX_ENGLISH_TITLE : MAX_TITLE)) return false
  if (english ? /[.;:!?]$/.test(text) || /\. [A-Z]/.test(text) : /[。，；！？：:;]/.test(text)) return false
  if (!/^[\p{L}\d《“"]/u.test(text)) return false
  // An English title names more than its family (`Treaty`, `Joint Communiqué` alone are a section's label).
  if (english && (SENTENCE_SUBJECT.test(text) || endsOnFunctionWord.test(text) || text.trim().split(/\s+/).length < 3)) return false
  if (matchNumber(text)) return false
  // A Chinese title opens with its parties, `关于`, a year, or names a party within its first words.
  if (!english && !titleOpensAt(text, 0) && (/^\d/.test(text) || !partyNear(text))) return false
  // A title may cite a dated agreement (`…对一九八七年七月十七日互免签证协议的修改换文`), never end on a date
  // or name a signing place after one (`…二00五年三月十七日于北京…` is a signing line).
  if (findDates(text).some((d) => d.end === text.length || /^[ \t\u3000]*(?:于|於|在)/.test(text.slice(d.end)))) return false
  return docTypeOfTitle(text) !== null
}

/** Words that open a sentence about a document (`This Agreement…`, `Such Protocol…`), never its title. */
const SENTENCE_SUBJECT = /^(?:this|these|that|those|such|each|any|every|either|its|their|our|the present|the said|the above|the same)\s/i

function partyNear(text: string): boolean {
  for (let i = 1; i < Math.min(text.length, 10); i++) if (matchCountryAt(text, i) || matchOrganizationAt(text, i)) return true
  return false
}

/** Layout inside a title broken over lines or columns: none between Han characters, one space elsewhere. */
export function closeUp(text: string): string {
  return text
    .replace(/([\u3400-\u9fff\u3000-\u303f\uff00-\uffef])[\s\u3000\u00a0]+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/gu, '$1')
    .replace(/[\s\u3000\u00a0]+/gu, ' ')
    .trim()
}

/** Any family word of `rules/doc-types.ts`, Chinese or English: a cheap test before the search for a title. */
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const familyWords = docTypes.flatMap((rule) => [...rule.suffixes, ...rule.en])
// Han words need no case folding: they are looked up by their first unit (one alternation of them all
// tried at every offset cost more than the search it saves). English ones are tried only on text with Latin letters.
const HAN_FAMILY_WORDS = new Map<number, string[]>()
/** 1 for a hash of the first two units of a Han family word (all have two or more): the map is read only there. */
const FAMILY_PAIRS = new Uint8Array(0x10000)
const familyPair = (text: string, i: number): number => (text.charCodeAt(i) * 31 + (text.charCodeAt(i + 1) | 0)) & 0xffff
for (const word of familyWords.filter((word) => !/[A-Za-z]/.test(word))) {
  if (word.length < 2) throw new Error(`doc-types: the family word ${word} is shorter than two characters`)
  const list = HAN_FAMILY_WORDS.get(word.charCodeAt(0)) ?? []
  list.push(word)
  HAN_FAMILY_WORDS.set(word.charCodeAt(0), list)
  FAMILY_PAIRS[familyPair(word, 0)] = 1
}
const LATIN_FAMILY_WORD = new RegExp(familyWords.filter((word) => /[A-Za-z]/.test(word)).map(escape).join('|'), 'iu')

/** Is a family word entirely inside `text.slice(from, to)`? */
function hasFamilyWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) {
    if (FAMILY_PAIRS[familyPair(text, i)] !== 1) continue
    // A hash collision finds no list, or no word that starts here.
    for (const word of HAN_FAMILY_WORDS.get(text.charCodeAt(i)) ?? []) if (i + word.length <= to && text.startsWith(word, i)) return true
  }
  const part = text.slice(from, to)
  return /[A-Za-z]/.test(part) && LATIN_FAMILY_WORD.test(part)
}

/** What follows the first party of a title: another party, a conjunction, an organ, the subject. */
const PARTY_LINK = /^(?:和|与|與|同|及|、|政府|外交部|人民|国家|國家|关于|關於|联合|聯合|两国|兩國|建交|总理|總理|国务院|國務院|议会|議會|全国|全國|部长|部長|常驻|常駐|[\u4e00-\u9fff]{1,8}?(?:部|局|署|院|委员会|委員會|银行|銀行)(?:和|与|與|同|及|关于|關於))/u

/** The first characters of the openings below that are not a party: 关于, 中X…, a year, 全国…, 国务院, English. */
const OPENING_FIRST = '关關中全国國0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
/** The same by UTF-16 unit: asked at every offset of a block's tail, where a pattern call costs more than the answer. */
const OPENING_FIRST_UNITS = unitTable(OPENING_FIRST)
/** Every unit `titleOpensAt` can say yes at: a party's first character or one of `OPENING_FIRST`. */
const TITLE_FIRST_UNITS = unitTable(OPENING_FIRST + [...countryNamesLongestFirst, ...organizationNamesLongestFirst].map(({name}) => name.charAt(0)).join(''))

/**
 * Could a title start at `index`? Titles of the family open with a party
 * (a country or an organ: `中华人民共和国…`, `全国人民代表大会…`), with `关于`, with a
 * pair abbreviation (`中秘…`), with a year (`2016年中俄…`) or, in English, with a
 * capital letter after a sentence end.
 */
export function titleOpensAt(text: string, index: number): boolean {
  // A party opens a title when the parties are listed or the organ named (`中华人民共和国和…`, `…政府关于`),
  // not when it starts a phrase (`阿塞拜疆友好合作关系` is a site's section label).
  const party = matchCountryAt(text, index) ?? matchOrganizationAt(text, index)
  if (party) {
    const after = index + party.name.length
    return after >= text.length || PARTY_LINK.test(text.slice(after, after + 12)) || matchCountryAt(text, after) !== null
  }
  // Every other opening starts with one of these: no slice and no pattern for the rest.
  if (index >= text.length || OPENING_FIRST_UNITS[text.charCodeAt(index)] !== 1) return false
  const rest = text.slice(index, index + 12)
  if (/^(?:关于|關於|中[\u4e00-\u9fff](?:两国|兩國|关于|關於|政府|联合|聯合|建交|双方|雙方)|\d{4}年|全国人民代表大会|全國人民代表大會|国务院|國務院)/u.test(rest)) return true
  // A family word capitalised or in capitals (titles are often set in capitals); `The …` and `Pretoria Declaration`.
  return (/^[A-Z]/.test(rest) && /^(?:joint|treaty|agreement|protocol|declaration|communiqu|exchange|memorandum)/i.test(rest)) || /^(?:The |[A-Z][a-z]+ Declaration|[A-Z][a-z]+ Joint)/.test(rest)
}

/**
 * Where a title starts inside a block, when the block is more than its title:
 * the title at the end of a block whose head ends a document (`…（签字）中华人民
 * 共和国…联合声明`) or is a short label (`1994阿塞拜疆友好合作关系关于…`), or at
 * the start of a block that goes on with its text after a space (`…议定书 (1997年…) 中华…`).
 * Returns the title's shape (offsets inside `text`) or null.
 */
export function titleInside(text: string): (TitleShape & {label: number}) | null {
  // Most blocks name no family near their end: no title can end them.
  if (!hasFamilyWord(text, Math.max(0, text.length - 80), text.length)) return null
  const from = Math.max(0, text.length - MAX_TITLE - 60)
  for (let start = from; start < text.length; start++) {
    if (start > 0 && (TITLE_FIRST_UNITS[text.charCodeAt(start)] !== 1 || !titleOpensAt(text, start))) continue
    // The shape first: it fails on most openings inside prose, and costs less than the search for a label.
    const shape = titleShape(text.slice(start))
    if (!shape) continue
    const label = start > 0 && !SP.test(text[start - 1]!) ? labelBefore(text, start) : start
    if (label === null) continue
    return {...offset(shape, start), label}
  }
  return null
}

/**
 * Where the page matter glued before a title starts: the title itself when
 * the text before it ends a document, else the start of a short label that
 * follows the end of a document or opens the block; null when neither holds.
 */
function labelBefore(text: string, start: number): number | null {
  if (endsDocument(text, start)) return start
  for (let at = start - 1; at >= Math.max(0, start - 40); at--) {
    // Sentence punctuation at `at` is in every longer label too: none of them is short.
    if (LABEL_STOP_UNITS[text.charCodeAt(at)] === 1) break
    if ((at === 0 || endsDocument(text, at)) && shortLabel(text.slice(at, start))) return at
  }
  return null
}

/** A title that opens a block and is followed, after layout, by the document's text. */
export function titleAtStart(text: string): TitleShape | null {
  // The title is cut off at a space: a block without one near its start (most paragraphs) has none there.
  if (!spaceBefore(text, MAX_TITLE + 60) || !hasFamilyWord(text, 0, Math.min(text.length, MAX_TITLE + 60))) return null
  for (let cut = text.search(SP); cut !== -1 && cut < MAX_TITLE + 60; cut = nextSpace(text, cut)) {
    // English words are spaced: a cut before a lower-case word is inside a sentence (`This Agreement shall…`).
    if (!HAN.test(text.slice(0, cut)) && insideEnglish(text.slice(cut, cut + 16))) continue
    const shape = titleShape(text.slice(0, cut))
    if (shape) return shape
  }
  return null
}

/** Is there layout among the first `limit` units of `text`? */
function spaceBefore(text: string, limit: number): boolean {
  for (let i = 0; i < text.length && i < limit; i++) if (isSpaceUnit(text.charCodeAt(i))) return true
  return false
}

/**
 * Is a cut before `after` inside English text? It is before a lower-case
 * word (`This Agreement | shall…`), a linking word (`… | OF THE…`), or another
 * word in capitals (a heading in capitals goes on in capitals).
 */
function insideEnglish(after: string): boolean {
  return /^[\s\u3000\u00a0]+[a-z]/u.test(after) || startsWithLinkingWord.test(after) || CAPITALS_GO_ON.test(after)
}

const CAPITALS_GO_ON = /^[\s\u3000\u00a0]+[A-Z][A-Z'’-]*(?:\s|$)/u

function nextSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && SP.test(text[i]!)) i++
  const next = text.slice(i).search(SP)
  return next === -1 ? -1 : i + next
}

function offset(shape: TitleShape, by: number): TitleShape {
  return {
    title: shape.title,
    start: shape.start + by,
    end: shape.end + by,
    annotations: shape.annotations.map((a) => ({start: a.start + by, end: a.end + by, kind: a.kind}))
  }
}

/** A short label glued before a title at the head of a page (`1994阿塞拜疆友好合作关系`): no sentence in it. */
export function shortLabel(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length > 0 && trimmed.length <= 40 && !LABEL_STOP_PATTERN.test(trimmed) && !findDates(trimmed).length
}

/** Sentence punctuation: never in a short label. */
const LABEL_STOP = '。！？；，,.;!?'
const LABEL_STOP_PATTERN = new RegExp(`[${LABEL_STOP.replace(/[.?]/g, '\\$&')}]`)
const LABEL_STOP_UNITS = unitTable(LABEL_STOP)

/** Does `text.slice(0, end)` end like a document does (a sentence, a signature mark, a signing place)? */
export function endsDocument(text: string, end: number): boolean {
  // The last 40 characters, layout off the end (as `trimEnd` would), read by their last one first:
  // `labelBefore` asks at every offset back to a sentence end.
  const from = Math.max(0, end - 40)
  // Where `slice` would stop (a negative end counts from the text's end).
  let last = end < 0 ? Math.max(0, text.length + end) : Math.min(end, text.length)
  while (last > from && isSpaceUnit(text.charCodeAt(last - 1))) last--
  if (last <= from) return false
  if (DOCUMENT_END_UNITS[text.charCodeAt(last - 1)] === 1) return true
  // `…日于北京`: a signing place right after a date, which ends on a Han character.
  const code = text.charCodeAt(last - 1)
  if (code < 0x4e00 || code > 0x9fff || !placeAfterLink(text, from, last)) return false
  const before = text.slice(from, last)
  return SIGNING_PLACE_END.test(before) && findDates(before).length > 0
}

/**
 * Does `text.slice(from, to)` end as `SIGNING_PLACE_END` needs: two to eight
 * Han characters, after 于, 於 or 在 and layout? Read from the end, a few
 * characters at most; the pattern itself then checks the date mark before.
 */
function placeAfterLink(text: string, from: number, to: number): boolean {
  for (let length = 1; length <= 8; length++) {
    const at = to - length
    if (at < from) return false
    const code = text.charCodeAt(at)
    if (code < 0x4e00 || code > 0x9fff) return false
    if (length < 2) continue
    let before = at - 1
    while (before >= from && LINK_SPACE_UNITS[text.charCodeAt(before)] === 1) before--
    if (before >= from && PLACE_LINK_UNITS[text.charCodeAt(before)] === 1) return true
  }
  return false
}

const LINK_SPACE_UNITS = unitTable(' \t\u3000')
const PLACE_LINK_UNITS = unitTable('于於在')

/** 1 for each UTF-16 unit of `chars`: a membership test without a string per character. */
function unitTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1
  return table
}

/** The last character of a sentence, a bracket or a quotation that ends a document. */
const DOCUMENT_END_UNITS = unitTable('。！？）)」』”]】.')
const SIGNING_PLACE_END = /[日号號][ \t\u3000]*(?:于|於|在)[ \t\u3000]*[\u4e00-\u9fff]{2,8}$/
