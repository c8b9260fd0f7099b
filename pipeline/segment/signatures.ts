/**
 * Signature blocks. On the page they are two columns (role over name, `（签字）`
 * under each); scraped, they arrive flattened row by row (`roleA roleB nameA
 * nameB 签字 签字`), party by party (`roleA nameA roleB nameB`), or glued to the
 * last sentence with no separator at all (`…利益。中华人民共和国主席胡锦涛阿塞拜疆
 * 共和国总统伊利哈姆·阿利耶夫二00五年三月十七日于北京`). This module finds the
 * block at the end of a document and rebuilds the signatories from it.
 */
import type {Block} from './blocks.js'
import {englishCountryIn, matchCountryAt} from '../rules/countries.js'
import {matchPlaceAt} from '../rules/places.js'
import {endsOnFunctionWord} from '../rules/english-words.js'
import {matchEnglishRoleAt, matchRoleAt, matchRoleEndingAt} from '../rules/roles.js'
import {matchNumber} from '../rules/numbering.js'
import {placeLinks, signatureMark} from '../rules/formulas.js'
import {findDates} from '../recognize/dates.js'

export type TokenKind = 'role' | 'name' | 'mark' | 'signing'

/** A cell of the signature block, in cleaned offsets. */
export interface Token {
  kind: TokenKind
  start: number
  end: number
  /** The cell's text with letter-spacing closed up (`江泽民`). */
  value: string
  /** The printed line the cell stands on, counted within the block (a grid's row). */
  row?: number
}

export interface SignatoryPlan {
  party: string | null
  partyCode: string | null
  role: string | null
  roleTokens: Token[]
  name: Token | null
  marks: Token[]
  /** An English office printed under the name (`Bo Xilai / Minister of Commerce`); part of `role`. */
  titleTokens: Token[]
}

const MAX_CELL = 40
const MAX_LATIN_CELL = 90
const SENTENCE = /[。，；！？、：]/
const HAN = /^[\u3400-\u9fff]$/
const LATIN_WORD = /^[A-Za-z][A-Za-z.'’\-]*$/

/**
 * Is a whole block a signing date with its place: `二○一五年十二月十日于北京`,
 * `1988年7月5日于巴黎`, or in English `Beijing, 10 December 2015`?
 */
export function signingLine(text: string): boolean {
  const date = findDates(text)[0]
  if (!date) return false
  if (date.start === 0) {
    // `2019年9月11日于北京`, `2019年9月11日 北京`, and a dateline's comma before a known place: `2019年9月11日，北京`.
    const comma = DATELINE_COMMA.exec(text.slice(date.end))
    if (comma && matchPlaceAt(text, date.end + comma[0].length)) return text.length - date.end - comma[0].length <= 12 && !SENTENCE.test(text.slice(date.end + comma[0].length))
    const rest = text.slice(date.end).replace(placeLinks, '')
    return rest.length <= 12 && !SENTENCE.test(rest)
  }
  return date.end === text.length && ENGLISH_PLACE.test(text.slice(0, date.start))
}

const DATELINE_COMMA = /^[ \t\u3000]*[，,][ \t\u3000]*/u

/** `Beijing, ` / `Done at Beijing on ` before an English date. */
export const ENGLISH_PLACE = /^(?:(?:Done|DONE|Signed|SIGNED) (?:at|in|AT|IN) )?([A-Z][A-Za-z .'’-]{1,40}?)(?:,| on| this)\s*$/

/** A role, a colon, and a short name (with its mark) after it: `外交部长：王毅`, `中华人民共和国政府代表：薄熙来（签字）`. */
const ROLE_COLON_NAME = /^([^\s：:]{2,40}?)[：:][ \t\u3000]*(?=[^\s：:（()]{2,12}(?:[ \t\u3000]*[（(][^（）()]{1,4}[）)])?$)/u

/** The role and where the name starts, when `text` is a role, a colon and a name; else null. */
function roleColonName(text: string): {role: string; nameAt: number} | null {
  const match = ROLE_COLON_NAME.exec(text)
  if (!match || SENTENCE.test(text.slice(match[0].length))) return null
  const role = match[1]!
  return matchRoleEndingAt(role, role.length) !== null || INSTITUTION.test(role) ? {role, nameAt: match[0].length} : null
}

/** Could this block be a cell of a signature block? */
export function isCell(block: Block): boolean {
  const text = block.text
  if (signatureMark.test(text) || signingLine(text)) return true
  if (!/[\u3400-\u9fff]/.test(text)) {
    // An English cell: a role line or a name, not a sentence.
    return text.length <= MAX_LATIN_CELL && /^[A-Z]/.test(text) && !/[.;:!?,]$/.test(text) && !/, /.test(text) && !matchNumber(text)
  }
  if (roleColonName(text)) return true
  if (SENTENCE.test(text) || matchNumber(text) || findDates(text).length > 0) return false
  if (text.length > MAX_CELL) return flattenedRow(text)
  return /[\p{L}]/u.test(text)
}

/**
 * A row of cells flattened onto one line with single spaces (`中华人民共和国政府 俄罗斯联邦政府
 * 代 表 代 表 陈耀邦 卡拉辛`): short words only, and a party, a role or a mark among them.
 */
function flattenedRow(text: string): boolean {
  const words = text.split(/[\s\u3000\u00a0]+/u)
  if (text.length > 4 * MAX_CELL || words.length > 16 || words.some((w) => w.length > 20)) return false
  return words.some((w) => signatureMark.test(w) || matchCountryAt(w, 0) !== null || matchRoleEndingAt(w, w.length) !== null)
}

/**
 * The glued tail of a last paragraph, when everything after its last full stop
 * reads as signatories (country + role + name, repeated) and an optional signing
 * line. Returns the cleaned offset where the tail starts, or null.
 */
export function gluedTail(block: Block): number | null {
  const cut = block.text.lastIndexOf('。')
  if (cut === -1 || cut === block.text.length - 1) return null
  const tail = block.text.slice(cut + 1)
  const date = findDates(tail).at(-1)
  let people = tail
  if (date) {
    if (!signingLine(tail.slice(date.start))) return null
    people = tail.slice(0, date.start)
  }
  const parsed = splitGlued(people)
  return parsed && parsed.length >= 2 ? block.start + cut + 1 : null
}

/**
 * `中华人民共和国主席胡锦涛阿塞拜疆共和国总统伊利哈姆·阿利耶夫` → role, name, role, name.
 * Each signatory is a country name, a role word, then a name up to the next
 * country. Returns relative [start, end, kind] cells, or null when it does not parse.
 */
function splitGlued(text: string): Array<[number, number, TokenKind]> | null {
  const cells: Array<[number, number, TokenKind]> = []
  let i = 0
  while (i < text.length) {
    const country = matchCountryAt(text, i)
    if (!country) return null
    let j = i + country.name.length
    let role = matchRoleAt(text, j)
    if (!role) return null
    while (role) {
      j += role.name.length
      role = matchRoleAt(text, j)
    }
    let k = j
    while (k < text.length && !matchCountryAt(text, k)) k++
    const name = text.slice(j, k)
    if (!isNameLike(name)) return null
    cells.push([i, j, 'role'], [j, k, 'name'])
    i = k
  }
  return cells.length > 0 ? cells : null
}

/** Words of offices and institutions: a cell holding one is a role or a party, never a name. */
const INSTITUTION = /政府|代表|大使|部长|部長|代办|代辦|委员会|委員會|外交部|大使馆|大使館|领事|領事|议会|議會|[部局院署馆館]$/

/**
 * A cell of Han characters that names no office, party or institution is a
 * person, however long a transliteration makes it (`纳扎尔巴耶夫`).
 */
function personLike(text: string): boolean {
  return /^[\u3400-\u9fff]{2,12}$/.test(text) && !INSTITUTION.test(text) && !STATE_WORDS.test(text) && matchCountryAt(text, 0) === null
}

/** Words of state names, which a column break can cut anywhere (`塔尔国驻法兰西共和国`, `大不列顛及北愛爾蘭`). */
const STATE_WORDS = /[国國驻駐及]|共和|联邦|聯邦|联合|聯合|人民|民主|社会|社會|主义|主義|王室|殿下/

function isNameLike(text: string): boolean {
  if (/^[\u3400-\u9fff]{2,4}$/.test(text)) return true
  if (/^[\u3400-\u9fff]{1,8}(?:[·•・.．][\u3400-\u9fff]{1,10}){1,3}$/.test(text)) return true
  if (personLike(text) && text.length <= 8) return true
  return /^[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,4}$/.test(text)
}

/** A fragment that is a role word and nothing else (`代表`, `外交部长`): it completes the party line above it. */
function bareRole(text: string): boolean {
  return matchRoleAt(text, 0)?.name === text
}

/** Split cells into tokens: whitespace separates columns except inside letter-spaced names and Latin names. */
export function tokenize(cells: readonly Block[]): Token[] {
  const tokens: Token[] = []
  let row = -1
  for (const cell of joinSpacedCells(cells)) {
    if (row === -1 || cell.before !== 'gap') row++
    const first = tokens.length
    tokenizeCell(cell, tokens)
    for (let i = first; i < tokens.length; i++) tokens[i]!.row = row
  }
  return tokens
}

/** The tokens of one cell, appended to `tokens`. */
function tokenizeCell(cell: Block, tokens: Token[]): void {
  if (signatureMark.test(cell.text)) {
    tokens.push({kind: 'mark', start: cell.start, end: cell.end, value: cell.text})
    return
  }
  // `中华人民共和国政府代表：薄熙来（签字）`: the role, its colon with it (printed, not the role's), then the name.
  const labelled = roleColonName(cell.text)
  if (labelled) {
    tokens.push({kind: 'role', start: cell.start, end: cell.start + labelled.nameAt, value: labelled.role})
    tokenizeCell({...cell, start: cell.start + labelled.nameAt, text: cell.text.slice(labelled.nameAt)}, tokens)
    return
  }
  if (signingLine(cell.text)) {
    tokens.push({kind: 'signing', start: cell.start, end: cell.end, value: cell.text})
    return
  }
  // A glued tail may end with its signing line: `…伊利哈姆·阿利耶夫二00五年三月十七日于北京`.
  const date = findDates(cell.text).at(-1)
  if (date && date.start > 0 && signingLine(cell.text.slice(date.start))) {
    const head = {...cell, end: cell.start + date.start, text: cell.text.slice(0, date.start)}
    tokenizeCell(head, tokens)
    tokens.push({kind: 'signing', start: cell.start + date.start, end: cell.end, value: cell.text.slice(date.start)})
    return
  }
  const glued = splitGlued(cell.text)
  if (glued && glued.length >= 2 && (glued.length > 2 || cell.text.length > 12)) {
    for (const [from, to, kind] of glued) tokens.push({kind, start: cell.start + from, end: cell.start + to, value: cell.text.slice(from, to)})
    return
  }
  for (const part of mergeParts(words(cell)).flatMap(splitMark)) {
    // A short note in brackets under a name (`（签字）`, `（印）`, or a mark this table does not know) stays with it.
    const mark = signatureMark.test(part.value) || /^[（(][^（）()]{1,6}[）)]$/.test(part.value)
    tokens.push(mark ? {kind: 'mark', start: part.start, end: part.end, value: part.value} : classify(part))
  }
}

/**
 * `王  毅`, `代  表`: a name or a role letter-spaced with runs wide enough to
 * read as columns. No name or role is one character, so single Han characters
 * in a row are one cell.
 */
function joinSpacedCells(cells: readonly Block[]): Block[] {
  const out: Block[] = []
  for (const cell of cells) {
    const last = out[out.length - 1]
    const lastSpaced = last !== undefined && /^[\u3400-\u9fff](?:[\s\u3000\u00a0]+[\u3400-\u9fff])*$/u.test(last.text)
    if (last && lastSpaced && cell.before === 'gap' && /^[\u3400-\u9fff]$/.test(cell.text) && HAN.test(last.text.slice(-1))) {
      // The run between them is layout; spaces of the same length keep every offset exact.
      out[out.length - 1] = {...last, end: cell.end, text: last.text + ' '.repeat(cell.start - last.end) + cell.text}
    } else out.push(cell)
  }
  return out
}

/** `周恩来（签字）`: a name with its mark glued on is two cells. A seal on an institution (`外交部（印）`) stays whole. */
function splitMark(part: Part): Part[] {
  const glued = /^(.+?)([（(](?:[签簽][字名章]|盖章|蓋章)[）)])$/.exec(part.value)
  if (!glued || INSTITUTION.test(glued[1]!)) return [part]
  const cut = part.start + glued[1]!.length
  return [
    {start: part.start, end: cut, value: glued[1]!, spaced: part.spaced},
    {start: cut, end: part.end, value: glued[2]!, spaced: false}
  ]
}

interface Part {
  start: number
  end: number
  value: string
  /** Letter-spaced single characters were closed up. */
  spaced: boolean
}

function words(cell: Block): Part[] {
  const parts: Part[] = []
  for (const match of cell.text.matchAll(/[^\s\u3000\u00a0]+/gu)) {
    parts.push({start: cell.start + match.index, end: cell.start + match.index + match[0].length, value: match[0], spaced: false})
  }
  return parts
}

function mergeParts(parts: Part[]): Part[] {
  const merged: Array<Part & {chars: Part[]}> = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!
    const last = merged[merged.length - 1]
    const lastIsSpacedHan = last && (last.spaced || HAN.test(last.value))
    // `康.霍 查`: the last syllable of a dotted name, letter-spaced.
    const dottedName = last && /[·•・.．][\u3400-\u9fff]+$/.test(last.value) && last.value.length <= 12
    if (last && (lastIsSpacedHan || dottedName) && HAN.test(part.value)) {
      merged[merged.length - 1] = {start: last.start, end: part.end, value: last.value + part.value, spaced: true, chars: [...last.chars, part]}
    } else if (last && LATIN_WORD.test(last.value.split(' ').at(-1)!) && LATIN_WORD.test(part.value) && !latinColumnBreak(last, part, parts[index + 1])) {
      merged[merged.length - 1] = {start: last.start, end: part.end, value: last.value + ' ' + part.value, spaced: false, chars: [...last.chars, part]}
    } else {
      merged.push({...part, chars: [part]})
    }
  }
  return merged.flatMap(splitRepeats)
}

/**
 * English words of one cell are spaced singly; a wider run between two words
 * is the gap between columns (`FOR CHINA    FOR KENYA`, `Liu Xianfa    Henry
 * Rotich`), and a second `For the …` opens the next party's line.
 */
function latinColumnBreak(last: Part, part: Part, next: Part | undefined): boolean {
  if (part.start - last.end > 1) return true
  return /^for$/i.test(part.value) && /^the$/i.test(next?.value ?? '') && /^for\s/i.test(last.value)
}

/** `代 表 代 表` closed up is two cells of one role word, side by side in two columns. */
function splitRepeats(part: Part & {chars: Part[]}): Part[] {
  const {value, chars} = part
  if (!part.spaced || chars.length !== value.length) return [part]
  for (let unit = 2; unit <= value.length / 2; unit++) {
    if (value.length % unit !== 0 || value.slice(0, unit).repeat(value.length / unit) !== value) continue
    if (!bareRole(value.slice(0, unit))) continue
    const out: Part[] = []
    for (let i = 0; i < value.length; i += unit) {
      out.push({start: chars[i]!.start, end: chars[i + unit - 1]!.end, value: value.slice(i, i + unit), spaced: true})
    }
    return out
  }
  return [part]
}

function classify(part: Part): Token {
  const token = (kind: TokenKind): Token => ({kind, start: part.start, end: part.end, value: part.value})
  const text = part.value
  if (matchRoleEndingAt(text, text.length) || INSTITUTION.test(text)) return token('role')
  if (englishPartyLine(text)) return token('role')
  // A country at the start makes a party line, unless the whole reads as a name (`阿曼多·杜兰` starts with 阿曼).
  const country = matchCountryAt(text, 0)
  if (country && (country.name.length >= 3 || country.name.length === text.length || !isNameLike(text))) return token('role')
  if (!isNameLike(text) && !personLike(text)) return token('role')
  // The name as it reads: letter-spacing closed up, a dot between the parts of a foreign name printed as `·`.
  return {...token('name'), value: text.replace(/[•・.．](?=[\u3400-\u9fff])/g, '·')}
}

/**
 * Role cells printed in rows of equal width whose lines, all but the last, end
 * on a dangling word: the cells of each column, top to bottom, are one role.
 */
function wrappedColumns(roles: readonly Token[]): Token[][] | null {
  const rows: Token[][] = []
  for (const role of roles) {
    if (rows.length === 0 || rows[rows.length - 1]![0]!.row !== role.row) rows.push([])
    rows[rows.length - 1]!.push(role)
  }
  const width = rows[0]?.length ?? 0
  if (rows.length < 2 || width < 2 || rows.some((row) => row.length !== width)) return null
  if (!rows.slice(0, -1).every((row) => row.every((cell) => endsOnFunctionWord.test(cell.value)))) return null
  return Array.from({length: width}, (_, column) => rows.map((row) => row[column]!))
}

/**
 * An English cell that opens a party line (`For the…`, `On behalf of…`, a
 * government or ministry) or names a state as a party does (`PEOPLE'S
 * REPUBLIC OF CHINA`), not a person who shares a word with one (`Jordan`).
 */
function englishPartyLine(text: string): boolean {
  if (!/^[A-Za-z]/.test(text)) return false
  // `FOR THE GOVERNMENT OF THE`, `On behalf of the Ministry…`: a party line, even cut before its state.
  if (/^(?:for|on behalf of)\s/i.test(text) || /\b(?:government|ministry)\b/i.test(text)) return true
  const country = englishCountryIn(text)
  return country !== null && (country.name.includes(' ') || /\b(?:for|of|government|republic|kingdom|state|union|federation|ministry)\b/i.test(text))
}

/**
 * Group tokens into signatories. Names interleaved with roles mean party by
 * party; roles first then names mean row by row, one column per name.
 */
export function groupSignatories(tokens: readonly Token[]): {signatories: SignatoryPlan[]; signings: Token[]} {
  // Every signing line is kept (a block may print two dates); the first dates the document.
  const signings = tokens.filter((t) => t.kind === 'signing')
  const cells = tokens.filter((t) => t.kind !== 'signing')
  const names = cells.filter((t) => t.kind === 'name')
  const roles = cells.filter((t) => t.kind === 'role')
  const marks = cells.filter((t) => t.kind === 'mark')
  const plans: SignatoryPlan[] = []
  const firstName = cells.findIndex((t) => t.kind === 'name')
  const lastName = cells.findLastIndex((t) => t.kind === 'name')
  const interleaved = firstName !== -1 && cells.slice(firstName, lastName).some((t) => t.kind === 'role')
  const grid = byGrid(cells)
  if (grid) {
    plans.push(...grid)
  } else if (names.length === 0) {
    // Roles only (`中华人民共和国政府 / 白俄罗斯共和国政府`): one signatory per party line, or per column
    // when each line of a row is cut after a function word (`FOR THE GOVERNMENT OF THE / PEOPLE'S REPUBLIC OF CHINA`).
    const columns = wrappedColumns(roles)
    if (columns) for (const column of columns) plans.push(plan(column, null, []))
    else for (const role of roles) plans.push(plan([role], null, []))
  } else if (interleaved) {
    let pending: Token[] = []
    let current: SignatoryPlan | null = null
    for (const token of cells) {
      if (token.kind === 'role' && current?.name && officeUnderName(token.value)) {
        current.titleTokens.push(token)
        current.role = current.role === null ? token.value : `${current.role} ${token.value}`
      } else if (token.kind === 'role') {
        if (current) current = null
        pending.push(token)
      } else if (token.kind === 'name') {
        current = plan(pending, token, [])
        plans.push(current)
        pending = []
      } else if (current) current.marks.push(token)
    }
    // Roles after the last name (an institution that signs without a name) are a signatory of their own.
    if (pending.length > 0) plans.push(plan(pending, null, []))
  } else {
    const columns = names.length
    const byColumn: Token[][] = Array.from({length: columns}, () => [])
    roles.forEach((role, index) => byColumn[index % columns]!.push(role))
    names.forEach((name, index) => plans.push(plan(byColumn[index]!, name, marks[index] ? [marks[index]!] : [])))
  }
  // Every printed mark stays with a signatory, even where the columns do not say whose it is.
  const attached = new Set(plans.flatMap((p) => p.marks))
  const loose = marks.filter((m) => !attached.has(m))
  if (loose.length > 0) {
    if (plans.length === 0) plans.push(plan([], null, []))
    for (const mark of loose) {
      const owner = plans.find((p) => p.marks.length === 0) ?? plans[plans.length - 1]!
      owner.marks.push(mark)
      owner.marks.sort((a, b) => a.start - b.start)
    }
  }
  return {signatories: plans, signings}
}

/**
 * A grid printed row by row, one column per party: rows of roles, then a row
 * of names (each with its mark, or a row of marks after it), repeated when a
 * party has several signatories. Null when the rows do not make one grid.
 */
function byGrid(cells: readonly Token[]): SignatoryPlan[] | null {
  const rows: Token[][] = []
  for (const token of cells) {
    if (token.row === undefined) return null
    const last = rows[rows.length - 1]
    if (last && last[0]!.row === token.row) last.push(token)
    else rows.push([token])
  }
  const filled = rows.map((row) => row.filter((t) => t.kind !== 'mark')).filter((row) => row.length > 0)
  const width = filled[0]?.length ?? 0
  if (rows.length < 2 || width < 2 || filled.some((row) => row.length !== width)) return null
  if (filled.some((row) => !row.every((t) => t.kind === row[0]!.kind)) || !filled.some((row) => row[0]!.kind === 'name')) return null
  const pending: Token[][] = Array.from({length: width}, () => [])
  const plans: SignatoryPlan[] = []
  let lastRow: SignatoryPlan[] = []
  for (const row of rows) {
    const cellsOfRow = row.filter((t) => t.kind !== 'mark')
    const marks = row.filter((t) => t.kind === 'mark')
    if (cellsOfRow.length > 0 && cellsOfRow[0]!.kind === 'role') {
      cellsOfRow.forEach((token, column) => pending[column]!.push(token))
    } else if (cellsOfRow.length > 0) {
      lastRow = cellsOfRow.map((name, column) => plan(pending[column]!.splice(0), name, []))
      plans.push(...lastRow)
    }
    // A mark belongs to the name just before it on its row, or, on a row of marks, to the name above it.
    marks.forEach((mark, index) => {
      const before = lastRow.filter((p) => p.name !== null && p.name.start < mark.start && p.name.row === mark.row).at(-1)
      const owner = before ?? lastRow[Math.min(index, lastRow.length - 1)]
      if (owner) owner.marks.push(mark)
    })
  }
  if (pending.some((roles) => roles.length > 0) || plans.length === 0) return null
  return plans
}

/**
 * An English office that follows a name (`Minister of Commerce`) belongs to
 * that signatory, while a line that opens a party (`For the Government of…`,
 * `On behalf of…`, a country) starts the next one.
 */
function officeUnderName(text: string): boolean {
  return /^[A-Za-z]/.test(text) && !englishPartyLine(text) && englishCountryIn(text) === null && matchEnglishRoleAt(text) !== null
}

/** Fragments of a Chinese role close up; after a whole role word, or between English words, a space. */
function roleJoint(before: string, after: string): string {
  return matchRoleEndingAt(before, before.length) !== null || (/[A-Za-z.]$/.test(before) && /^[A-Za-z]/.test(after)) ? ' ' : ''
}

function plan(roleTokens: Token[], name: Token | null, marks: Token[]): SignatoryPlan {
  let role: string | null = null
  for (const token of roleTokens) role = role === null ? token.value : role + roleJoint(role, token.value) + token.value
  const country = role ? (matchCountryAt(role, 0) ?? englishCountryIn(role)) : null
  return {party: country?.name ?? null, partyCode: country?.rule.code ?? null, role, roleTokens, name, marks, titleTokens: []}
}
