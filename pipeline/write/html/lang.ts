/**
 * `lang` for spans where languages mix: a run of another script inside a
 * document gets the language of that script. The table is data: a script, the
 * pattern of one run, and the language it is written in. A run must be long
 * enough to be words (`WTO`, `Xi Jinping`), not a list letter (`A股`).
 */

interface ScriptRun {
  /** Languages of documents in which this script is foreign (`zh*` matches `zh-Hans`, `zh-Hant`). */
  within: RegExp
  /** One run of the script, with the spaces and joiners inside it. */
  pattern: RegExp
  /** BCP 47 tag of the run. */
  lang: string
}

export const SCRIPT_RUNS: readonly ScriptRun[] = [
  // Latin words inside Chinese text: names and abbreviations in English.
  {within: /^zh\b/i, pattern: /[A-Za-z][A-Za-z'’.-]*[A-Za-z](?:[ ][A-Za-z][A-Za-z'’.-]*[A-Za-z.])*/g, lang: 'en'},
  // Han characters inside Latin-script text; the script variant is not known here, so plain `zh`.
  {within: /^(?!zh\b)/i, pattern: /[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef·]*/g, lang: 'zh'}
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
      runs.push({start, end: start + match[0].length, lang: rule.lang})
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
