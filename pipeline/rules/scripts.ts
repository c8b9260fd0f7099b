/**
 * Traditional ↔ Simplified pairs of frequent characters, aligned one for one.
 * Used where a page mixes scripts by accident — an SEO mirror that glosses
 * characters with pinyin switches them to Traditional (`共和國(guó)` in a
 * Simplified page) — and to tell the two scripts apart. Extend both strings
 * together, one character each, at the same position.
 */
const TRADITIONAL =
  '國與關於華聯體對發經濟會議條約協這們為個來時說還將產業長實點邊應當舉開請變區門務學遠際員東們係進動現內統術樣總當準確領導戰爭們歷語書寫專區選擇鄰億屬斷觀論標權點離義決應護傳與團結鞏固優勢創導頭顧問題幫對雙邊維護繼續擴認識積極發揮達貿濟簽訂締館換錢寶顯類設計劃報紙總經銀較響環壓廣漢興農業區輕貨價鐵體質聽說讀寫職責'
const SIMPLIFIED =
  '国与关于华联体对发经济会议条约协这们为个来时说还将产业长实点边应当举开请变区门务学远际员东们系进动现内统术样总当准确领导战争们历语书写专区选择邻亿属断观论标权点离义决应护传与团结巩固优势创导头顾问题帮对双边维护继续扩认识积极发挥达贸济签订缔馆换钱宝显类设计划报纸总经银较响环压广汉兴农业区轻货价铁体质听说读写职责'

export const toSimplified: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((char, i) => [char, [...SIMPLIFIED][i]!]))
export const toTraditional: ReadonlyMap<string, string> = new Map([...SIMPLIFIED].map((char, i) => [char, [...TRADITIONAL][i]!]))

/** `zh-Hant` when Traditional-only characters outnumber Simplified-only ones, else `zh-Hans`. */
export function scriptOf(text: string): 'zh-Hant' | 'zh-Hans' {
  let traditional = 0
  let simplified = 0
  for (const char of text) {
    if (toSimplified.has(char) && toSimplified.get(char) !== char) traditional++
    else if (toTraditional.has(char) && toTraditional.get(char) !== char) simplified++
  }
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans'
}
