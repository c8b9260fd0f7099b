/**
 * Fixed phrases that give a paragraph its role. Each list is data; the
 * segmenter tests them against a whole paragraph.
 */

/** The enacting formula that ends a preamble: `双方声明如下：`, `条文如下:`. */
export const enactingFormulas: readonly RegExp[] = [
  /(?:声明|聲明|协议|協議|商定|同意|宣布|议定|議定|约定|約定|公报|公報|确认|確認)如下[：:]?$/,
  /(?:条文|條文|各点|各點)如下[：:]?$/,
  /达成了?以下协议[：:]?$/,
  /達成了?以下協議[：:]?$/,
  /(?:have )?(?:agreed|declare[ds]?|decided) as follows[:：]?$/i
]

/** A closing clause after the last article: where, when, in how many copies it was signed. */
export const closingClauses: readonly RegExp[] = [
  /^本(?:联合)?(?:协议|協議|协定|協定|条约|條約|议定书|議定書|公报|公報|声明|聲明|换文|換文|换函|換函|备忘录|備忘錄|宣言|公约|公約|纪要|紀要|计划|計劃)[^。]{0,60}(?:签订|簽訂|签署|簽署|签字|簽字)/,
  // `本协定一式两份…`, and the signing line that opens with its date or place (`一九八七年四月十三日在北京簽訂，一式兩份`).
  /^[^。]{0,50}一式[两兩二三四]份/,
  // A signing line that opens with its date: `一九八四年十二月十九日在北京签订。`
  /^[^。]{4,20}[日号號][ \t\u3000]*(?:在|于|於)[\u4e00-\u9fff]{2,10}?(?:签订|簽訂|签署|簽署|签字|簽字|草签|草簽)/,
  /^(?:Done|Signed) (?:at|in) /i,
  // The testimonium: `下列签字人经各自政府正式授权，签署本协定，以昭信守。`, `In witness whereof, the undersigned…`.
  /以昭信守|^(?:下列|下述)(?:签字人|簽字人|签署人|簽署人)|^In witness whereof\b/i
]

/** An editor's note appended to the document (kept, marked as a note). */
export const notePrefixes: readonly RegExp[] = [/^注[：:]/, /^Note[：:]/i]

/** A signature mark printed under a name or a seal: `（签字）`, `（簽名）`, `（印）`, `（盖章）`. */
export const signatureMark = /^[（(](?:[签簽][字名章]|印|盖章|蓋章)[）)]$/

/** Words that sit between a signing date and its place: `于北京`, `於北京`, `在北京签订`. */
export const placeLinks = /^[ \t\u3000]*(?:于|於|在|订于|訂於)[ \t\u3000]*/

/** How notes close and whom they address (`此照`, `…部长同志`, `…阁下：`): text of the note, never a signatory. */
export const noteFormulas: readonly RegExp[] = [/^(?:此照|此复|此覆|此致|特此照会|特此照會)$/u, /(?:同志|阁下|閣下|先生|女士|大使馆|大使館|外交部)[：:]$/u, /(?:同志|阁下|閣下)$/u]
