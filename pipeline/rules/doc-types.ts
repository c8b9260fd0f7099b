/**
 * Document families, recognised by the word a title ends with. `name` is the
 * AKN `statement/@name` (see notes/akn.md §0). Longer suffixes are tried first,
 * so `新闻公报` wins over `公报`. Traditional forms and English names are listed
 * with the Simplified ones.
 */
export interface DocTypeRule {
  name: string
  suffixes: string[]
  /** English words that name the family at the start of an English title. */
  en: string[]
}

export const docTypes: readonly DocTypeRule[] = [
  {name: 'jointStatement', suffixes: ['联合声明', '聯合聲明'], en: ['joint statement']},
  {name: 'jointCommunique', suffixes: ['联合公报', '聯合公報', '建交公报', '建交公報'], en: ['joint communiqué', 'joint communique']},
  {name: 'pressCommunique', suffixes: ['新闻公报', '新聞公報'], en: ['press communiqué', 'press communique']},
  {name: 'jointDeclaration', suffixes: ['联合宣言', '聯合宣言', '宣言'], en: ['joint declaration', 'declaration']},
  {name: 'treaty', suffixes: ['条约', '條約'], en: ['treaty']},
  {name: 'agreement', suffixes: ['协定', '協定', '协议', '協議'], en: ['agreement']},
  {name: 'protocol', suffixes: ['议定书', '議定書'], en: ['protocol']},
  {name: 'exchangeOfNotes', suffixes: ['换文', '換文'], en: ['exchange of notes']},
  {name: 'exchangeOfLetters', suffixes: ['换函', '換函', '互换信件', '互換信件'], en: ['exchange of letters']},
  {name: 'memorandum', suffixes: ['谅解备忘录', '諒解備忘錄', '备忘录', '備忘錄'], en: ['memorandum of understanding', 'memorandum']},
  {name: 'programme', suffixes: ['执行计划', '執行計劃', '合作计划', '合作計劃', '行动计划', '行動計劃', '纲要', '綱要'], en: ['executive programme', 'programme', 'plan of action', 'outline']},
  {name: 'minutes', suffixes: ['会谈纪要', '會談紀要', '纪要', '紀要'], en: ['minutes']},
  {name: 'decision', suffixes: ['的决定', '的決定'], en: ['decision']},
  {name: 'convention', suffixes: ['公约', '公約'], en: ['convention']},
  {name: 'communique', suffixes: ['公报', '公報'], en: ['communiqué', 'communique']},
  {name: 'statement', suffixes: ['声明', '聲明'], en: ['statement']}
]

/** AKN name for documents whose family is not recognised. */
export const UNKNOWN_DOC_TYPE = 'document'

const bySuffix = docTypes
  .flatMap((rule) => rule.suffixes.map((suffix) => ({suffix, rule})))
  .sort((a, b) => b.suffix.length - a.suffix.length)

/**
 * English titles name the family near their start, after at most a few words
 * (`Pretoria Declaration on …`, `Sino-British Joint Declaration …`).
 */
const englishFamilies = docTypes
  .flatMap((rule) => rule.en.map((word) => ({word, rule})))
  .sort((a, b) => b.word.length - a.word.length)
  .map(({word, rule}) => ({word, rule, pattern: new RegExp(`^(?:the\\s+)?(?:[A-Z][\\w'’-]*\\s+){0,3}?(${word})(?=\\s|$)`, 'i')}))

/** The family a Chinese title ends with, and the word as printed. */
export function docTypeOfTitle(title: string): {rule: DocTypeRule; label: string} | null {
  const trimmed = title.trim()
  for (const {suffix, rule} of bySuffix) if (trimmed.endsWith(suffix)) return {rule, label: suffix.replace(/^的/, '')}
  if (/[\u3400-\u9fff]/.test(trimmed)) return null
  for (const {rule, pattern} of englishFamilies) {
    const match = pattern.exec(trimmed)
    if (match) return {rule, label: match[1]!.toLowerCase()}
  }
  return null
}
