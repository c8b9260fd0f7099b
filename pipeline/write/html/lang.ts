/**
 * `lang` for spans where languages mix: a run of another script inside a
 * document gets the language of that script. The table is data: where a script
 * is foreign, the pattern of one run, and the language a run is written in. A
 * Latin run must be long enough to be a word (`WTO`, `Xi Jinping`), not a list
 * letter (`A股`).
 */

interface ScriptRun {
  /** Languages of documents in which this script is foreign (`zh*` matches `zh-Hans`, `zh-Hant`). */
  within: RegExp
  /** One run of the script, with the spaces and joiners inside it. */
  pattern: RegExp
  /** BCP 47 tag of a run. */
  lang: (run: string) => string
}

/** Latin letters with their accented forms (pinyin tone marks among them). */
const LATIN = "A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF"
const LATIN_WORD = `[${LATIN}][${LATIN}'’.\\-]*[${LATIN}]`
const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff"
/**
 * Hanyu Pinyin, not English: a run with a macron or caron tone mark (`zhōng`, `lǐ`), or lower-case syllables
 * with an acute or grave one (`mín`, `guó`; `José` stays English).
 */
function isPinyin(run: string): boolean {
  if (/[āēīōūǎěǐǒǔǖǘǚǜ]/.test(run)) return true
  return /[áàéèíìóòúù]/.test(run) && /^[a-zü\u00e0-\u00fc]{1,6}(?: [a-zü\u00e0-\u00fc]{1,6})*$/.test(run)
}

export const SCRIPT_RUNS: readonly ScriptRun[] = [
  // Latin words inside Chinese text: pinyin when tone-marked (`zhōng`), else names and abbreviations in English.
  {within: /^zh\b/i, pattern: new RegExp(`${LATIN_WORD}(?: ${LATIN_WORD})*`, 'g'), lang: (run) => (isPinyin(run) ? 'zh-Latn-pinyin' : 'en')},
  // Han characters inside Latin-script text, with the numbers and spaces between them (`9月21日`); the script
  // variant is not known here, so plain `zh`.
  {within: /^(?!zh\b)/i, pattern: new RegExp(`[${HAN}][${HAN}\\u3000-\\u303f\\uff00-\\uffef·]*(?:[ 0-9]+[${HAN}][${HAN}\\u3000-\\u303f\\uff00-\\uffef·]*)*`, 'g'), lang: () => 'zh'}
]

export interface LangPiece {
  value: string
  /** The run's language, or null for text in the document's language. */
  lang: string | null
}

/** Splits `value` into pieces in the document's language and runs in another. */
export function splitByLanguage(value: string, documentLang: string): LangPiece[] {
  const runs: Array<{start: number; end: number; lang: string}> = []
  for (const rule of SCRIPT_RUNS) {
    if (!rule.within.test(documentLang)) continue
    for (const match of value.matchAll(rule.pattern)) {
      const start = match.index ?? 0
      runs.push({start, end: start + match[0].length, lang: rule.lang(match[0])})
    }
  }
  if (runs.length === 0) return [{value, lang: null}]
  runs.sort((a, b) => a.start - b.start)
  const pieces: LangPiece[] = []
  let at = 0
  for (const run of runs) {
    if (run.start < at) continue
    if (run.start > at) pieces.push({value: value.slice(at, run.start), lang: null})
    pieces.push({value: value.slice(run.start, run.end), lang: run.lang})
    at = run.end
  }
  if (at < value.length) pieces.push({value: value.slice(at), lang: null})
  return pieces
}
