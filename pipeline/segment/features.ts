/**
 * Features of a block, computed from the rule tables and the block's text:
 * the evidence the page model weighs (`rules/page-model.ts`). Each feature is a
 * number in [0, 1]; none decides anything on its own.
 */
import type {Block} from './blocks.js'
import {titleShape} from './titles.js'
import {isCell, signingLine} from './signatures.js'
import {matchNumber} from '../rules/numbering.js'
import {closingClauses, enactingFormulas, noteFormulas, signatureMark} from '../rules/formulas.js'
import {commentaryPatterns, documentOpenings, leadPatterns, pageMatterRules, partLabels} from '../rules/page-matter.js'
import {findDates} from '../recognize/dates.js'

export type Feature =
  | 'title'
  | 'titleEnglish'
  | 'prose'
  | 'sentenceEnd'
  | 'short'
  | 'numbered'
  | 'formula'
  | 'closing'
  | 'cell'
  | 'mark'
  | 'signingLine'
  | 'dateOnly'
  | 'annotation'
  | 'lead'
  | 'pageMatter'
  | 'tagLine'
  | 'partLabel'
  | 'opening'
  | 'latinInHan'
  | 'fragment'
  | 'repeat'
  | 'commentary'
  | 'quoted'
  | 'related'
  | 'address'

export type Features = Record<Feature, number>

export interface BlockInfo {
  block: Block
  features: Features
  /** The page-matter rule the block matched, if any (the removal's rule id). */
  matterRule: string | null
}

const TAG_LINE = pageMatterRules.find((rule) => rule.id === 'tag-line')!
const SENTENCE_PUNCT = /[。，；！？]|[.;!?](?:\s|$)/
const SENTENCE_END = /[。！？；：:…”」』.!?;]$|[。！？][）)”」』]$/

export function featuresOf(block: Block): BlockInfo {
  const text = block.text
  const {han, latin} = countLetters(text)
  const english = latin > han
  const number = matchNumber(text)
  const shape = titleShape(text)
  const formula = enactingFormulas.some((p) => p.test(text))
  // A formula (`双方声明如下：`) is shaped like a field label, and is text.
  const matter = formula ? null : (pageMatterRules.find((rule) => rule.id !== 'tag-line' && rule.pattern.test(text)) ?? null)
  const date = findDates(text)[0]
  const dateOnly = date !== undefined && date.start === 0 && date.end === text.length
  const bracketed = /^[（(［\[].*[）)］\]]$/u.test(text)
  const features: Features = {
    title: shape ? 1 : 0,
    titleEnglish: shape && english ? 1 : 0,
    prose: (english ? text.length >= 60 : han >= 15) && SENTENCE_PUNCT.test(text) ? 1 : 0,
    sentenceEnd: SENTENCE_END.test(text) ? 1 : 0,
    short: (english ? text.length <= 40 : han + latin <= 14) ? 1 : 0,
    numbered: number && number.printed.length < text.length ? 1 : number ? 0.5 : 0,
    formula: formula ? 1 : 0,
    closing: closingClauses.some((p) => p.test(text)) ? 1 : 0,
    cell: isCell(block) ? 1 : 0,
    mark: signatureMark.test(text) || /[（(]印[）)]$/.test(text) ? 1 : 0,
    signingLine: signingLine(text) ? 1 : 0,
    dateOnly: dateOnly ? 1 : 0,
    annotation: bracketed && (date !== undefined || /签订日期|簽訂日期|生效日期|通过|通過|发表|發表|订于|訂於/.test(text)) ? 1 : 0,
    lead: leadPatterns.some((p) => p.test(text)) ? 1 : 0,
    pageMatter: matter ? 1 : 0,
    tagLine: TAG_LINE.pattern.test(text) ? 1 : 0,
    partLabel: partLabels.some((p) => p.test(text)) ? 1 : 0,
    opening: documentOpenings.some((p) => p.test(text)) ? 1 : 0,
    // A parenthesised English run inside Chinese prose: a translation interleaved by the page.
    latinInHan: han > 0 && latin > 2 * han ? 1 : 0,
    repeat: 0,
    quoted: 0,
    related: matter?.id === 'related-links' ? 1 : 0,
    commentary: commentaryPatterns.some((p) => p.test(text)) ? 1 : 0,
    address: noteFormulas.some((p) => p.test(text)) ? 1 : 0,
    fragment: !english && han > 0 && han < 6 && !SENTENCE_PUNCT.test(text) && !number ? 1 : 0
  }
  return {block, features, matterRule: matter?.id ?? null}
}

/** Han characters (U+3400–U+9FFF) and ASCII letters, in one pass. */
function countLetters(text: string): {han: number; latin: number} {
  let han = 0
  let latin = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x3400 && code <= 0x9fff) han++
    else if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin++
  }
  return {han, latin}
}
