/**
 * Page noise inside the text, found from the page itself rather than from a
 * fixed list: anti-scraping watermarks repeated through a page (`…表示赞赏。
 * SfL品论天涯网`), running heads repeated on every printed page, pinyin glosses
 * injected after characters (`共和國(guó)`), and English translations
 * interleaved after each Chinese paragraph. Each is removed and recorded with
 * its rule; a glossed character that the injector switched to the other script
 * is restored one for one (`國` → `国` on a Simplified page).
 */
import type {MappedText} from '../text/mapped-text.js'
import type {DebrisRule} from '../rules/debris.js'
import {docTypeOfTitle} from '../rules/doc-types.js'
import {matchCountryAt} from '../rules/countries.js'
import {matchPlaceAt} from '../rules/places.js'
import {matchOrganizationAt} from '../rules/organizations.js'
import {matchRoleAt} from '../rules/roles.js'
import {signatureMark} from '../rules/formulas.js'
import {scriptOf, toSimplified, toTraditional} from '../rules/scripts.js'
import {applyRule, type CleanResult} from './apply-debris.js'

/** A pinyin syllable with a tone mark, in brackets right after a Han character. */
const PINYIN_GLOSS = /(?<=[\u3400-\u9fff])[(（]([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5})[)）]/g

/** An English run in brackets after a Chinese sentence (to the end of the line, or cut by the page). */
const INTERLEAVED_TRANSLATION = /(?<=[。！？；：”」:;.!?])[ \t]*[(（](?=[A-Z])[^()（）\u3400-\u9fff\n]{40,}(?:[)）]|$)/gm

/** What `INTERLEAVED_TRANSLATION` must find at its bracket. */
const TRANSLATION_OPENING = /[(（](?=[A-Z])/
const TRANSLATION_RULE: DebrisRule = {
  id: 'interleaved-translation',
  pattern: INTERLEAVED_TRANSLATION,
  why: 'A translation interleaved after each paragraph.',
  action: 'remove'
}

const MIN_MARK = 3
const MAX_MARK = 24

/** Watermarks and running heads: strings the page repeats (before wrapped lines are rejoined, which they would hide). */
export function removeRepeats(input: MappedText, source: string, result: Omit<CleanResult, 'text'>): MappedText {
  let text = input
  // On a page with printed page numbers, a heading printed twice on lines of its own is already a running head.
  const paged = result.removed.some((r) => r.rule === 'page-number')
  for (const rule of pageRules(text.text, paged)) text = applyRule(text, rule, source, result)
  return text
}

/** Interleaved translations and pinyin glosses. */
export function removeNoise(input: MappedText, source: string, result: Omit<CleanResult, 'text'>): MappedText {
  let text = input
  // A translation opens with a bracket and a capital: a page without that pair has none (and is not scanned for one).
  if (TRANSLATION_OPENING.test(text.text)) text = applyRule(text, TRANSLATION_RULE, source, result)
  return unglossPinyin(text, source, result)
}

/**
 * Rules made from the page: a short string that stands alone on two lines or
 * more and also ends two lines or more is a watermark. On a paged text (printed
 * page numbers were found), a short line printed twice or more on lines of its
 * own is a running head; elsewhere a repeated line may be a signatory of every
 * document of an archive, and stays.
 */
function pageRules(text: string, paged: boolean): DebrisRule[] {
  const alone = new Map<string, number>()
  const lines = text.split('\n')
  for (const line of lines) {
    const trimmed = line.trim()
    if (trimmed.length >= MIN_MARK && trimmed.length <= MAX_MARK && isMarkLike(trimmed)) alone.set(trimmed, (alone.get(trimmed) ?? 0) + 1)
  }
  const repeated = new Set([...alone].filter(([, count]) => count >= 2).map(([mark]) => mark))
  if (repeated.size === 0) return []
  // How many lines each repeated string ends, checking each line's short suffixes once.
  const endings = new Map<string, number>()
  for (const line of lines) {
    const trimmed = line.trimEnd()
    for (let length = MIN_MARK; length <= MAX_MARK && length < trimmed.length; length++) {
      const suffix = trimmed.slice(-length)
      if (repeated.has(suffix)) endings.set(suffix, (endings.get(suffix) ?? 0) + 1)
    }
  }
  const rules: DebrisRule[] = []
  for (const mark of repeated) {
    const escaped = mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    if ((endings.get(mark) ?? 0) >= 2 && siteMark(mark)) {
      rules.push({id: 'watermark', pattern: new RegExp(escaped, 'g'), why: 'A string the page repeats alone and at the end of paragraphs.', action: 'remove'})
    } else if (paged) {
      rules.push({id: 'running-head', pattern: new RegExp(`^[ \\t\\u3000]*${escaped}[ \\t\\u3000]*$`, 'gm'), why: 'A line repeated on its own through a paged text.', action: 'remove'})
    }
  }
  return rules
}

/**
 * Watermarks name the site that plants them (`SfL品论天涯网`, `www.example.com`): Latin letters or digits, or
 * a site word. A party, a place or a person repeated through an archive (`中华人民共和国`) never is one.
 */
function siteMark(text: string): boolean {
  if (matchCountryAt(text, 0) || matchPlaceAt(text, 0) || matchOrganizationAt(text, 0) || matchRoleAt(text, 0)) return false
  return /[A-Za-z0-9]/.test(text) || /(?:网|網|论坛|論壇|社区|社區|博客|站|资讯|資訊|新闻|新聞|日报|日報|文库|文庫)$/.test(text)
}

/** Could a repeated short string be page furniture? Not a signature mark, a sentence, a number, a date or a title. */
function isMarkLike(text: string): boolean {
  // Sentence punctuation marks text (the same short wrapped tail can end two paragraphs); furniture has none.
  if (signatureMark.test(text) || /[。，；！？、：,;!?]/.test(text) || /^[\d\s.\-—–()（）]+$/.test(text)) return false
  if (/\d{4}[-年]/.test(text)) return false
  return docTypeOfTitle(text) === null
}

/** Removes pinyin glosses; restores the page's script on the glossed character. */
function unglossPinyin(input: MappedText, source: string, result: Omit<CleanResult, 'text'>): MappedText {
  if (!/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(input.text)) return input
  const glossed = [...input.text.matchAll(PINYIN_GLOSS)]
  if (glossed.length === 0) return input
  // The page's own script, from the characters nobody glossed.
  const script = scriptOf(input.text.replace(/[\u3400-\u9fff](?=[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])/g, ''))
  const restore = script === 'zh-Hans' ? toSimplified : toTraditional
  const builder = input.edit()
  for (const match of glossed) {
    const at = match.index
    const char = input.text[at - 1]!
    builder.keep(builder.cursor, at - 1)
    const wanted = restore.get(char)
    if (wanted && wanted !== char) builder.replace(at - 1, at, wanted)
    else builder.keep(at - 1, at)
    for (const [from, to] of input.sourceRanges(at, at + match[0].length)) {
      result.removed.push({rule: 'pinyin-gloss', text: source.slice(from, to), start: from, end: to})
    }
    builder.replace(at, at + match[0].length, '')
  }
  return builder.finish()
}
