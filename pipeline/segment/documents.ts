/**
 * Cuts a page's block stream into documents with the page model.
 *
 * 1. Titles are separated from what shares their block: a label before them
 *    (`1994阿塞拜疆友好合作关系`), the end of the previous document (`…（签字）`),
 *    annotations and stamps after them, the text after a space; a title broken
 *    over lines is joined.
 * 2. Every block gets its features; the decoder finds the best reading of the
 *    whole page (`decode.ts`).
 * 3. The states become a plan: page matter and header chrome are removals with
 *    their rule, datelines under a title are kept as the preface, news leads
 *    lend their title, date and place to an untitled document.
 */
import type {Block} from './blocks.js'
import {featuresOf, type BlockInfo} from './features.js'
import {decode} from './decode.js'
import {closeUp, titleAtStart, titleInside, titleShape, titleOpensAt, type TitleShape} from './titles.js'
import type {State} from '../rules/page-model.js'
import {enactingFormulas} from '../rules/formulas.js'
import {matchCountryAt} from '../rules/countries.js'
import {findDates} from '../recognize/dates.js'
import {endsOnFunctionWord} from '../rules/english-words.js'

export interface DocumentPlan {
  /** The title's blocks (one, or several lines of one title), or none. */
  titleParts: Block[]
  /** The title as recorded (annotations off, layout closed up); from a lead when the page prints none. */
  title: string | null
  /** Where the title came from. */
  titleSource: 'text' | 'lead' | null
  /** Date lines and annotations under the title, kept in the preface. */
  header: Block[]
  blocks: Block[]
  /** The decoder's state for each of `blocks` (`text`, `sign`). */
  states: State[]
  /** Leads announcing this document (news leads, editors' notes): evidence for its metadata. */
  leads: Block[]
}

export interface Plan {
  removals: Array<{block: Block; rule: string}>
  /** Dates glued to a title line: page stamps (publication dates). */
  stamps: Block[]
  documents: DocumentPlan[]
}

interface Piece {
  block: Block
  /** The title shape when this piece is a title. */
  title?: TitleShape
  /** A short label glued before a title. */
  label?: boolean
  /** A date glued to a title (a page stamp). */
  stamp?: boolean
  /** Several lines of one title. */
  parts?: Block[]
  /** An annotation printed after a title (`（全文）`, `(1992)`). */
  note?: boolean
}

export function planDocuments(blocks: readonly Block[]): Plan {
  const pieces = splitPage(blocks)
  const infos = pieces.map((piece) => info(piece))
  markRepeats(pieces, infos)
  markQuotes(pieces, infos)
  const {states} = decode(infos.map((i) => i.features))
  if (process.env['DIPTEXT_DUMP'] === 'states') {
    pieces.forEach((piece, i) => {
      const on = Object.entries(infos[i]!.features).filter(([, v]) => v).map(([k]) => k)
      console.error(`${states[i]}\t${JSON.stringify(piece.block.text.slice(0, 40))}\t${on.join(',')}`)
    })
  }
  return assemble(pieces, infos, states)
}

function info(piece: Piece): BlockInfo {
  const result = featuresOf(piece.block)
  if (piece.title) result.features.title = 1
  if (piece.label) {
    result.features.pageMatter = 1
    result.matterRule = 'site-label'
  }
  if (piece.stamp) result.features.dateOnly = 1
  if (piece.note) result.features.annotation = 1
  return result
}

/**
 * A title printed again (or shortened) with only page matter between — a page
 * heading, then the body heading — is one document's title, not a new document.
 */
function markRepeats(pieces: readonly Piece[], infos: BlockInfo[]): void {
  let previous: string | null = null
  pieces.forEach((piece, i) => {
    const features = infos[i]!.features
    if (features.prose || features.numbered || features.formula) previous = null
    if (!features.title) return
    const key = titleKey(piece.title?.title ?? piece.block.text)
    if (previous !== null && key.length > 0 && (previous.startsWith(key) || key.startsWith(previous) || previous.endsWith(key))) features.repeat = 1
    else previous = key
  })
}

/**
 * A paragraph printed again later on the page, where what follows differs, is
 * quoted where it first appears (a summary under the title, a lead), and so is
 * the rest of its line.
 */
function markQuotes(pieces: readonly Piece[], infos: BlockInfo[]): void {
  const last = new Map<string, number>()
  // Titles repeat as headings (see `markRepeats`); only text is quoted.
  pieces.forEach((piece, i) => {
    if (piece.block.text.length >= 20 && !infos[i]!.features.title) last.set(piece.block.text, i)
  })
  pieces.forEach((piece, i) => {
    const later = last.get(piece.block.text)
    if (later === undefined || later === i) return
    // The same cell twice side by side is two columns of a grid (`FOR THE GOVERNMENT OF THE   FOR THE GOVERNMENT OF THE`).
    if (later === i + 1 && pieces[later]!.block.before === 'gap') return
    // A copy goes on as the original does (the same document printed twice); a quotation picks and leaves.
    if (pieces[i + 1]?.block.text === pieces[later + 1]?.block.text) return
    infos[i]!.features.quoted = 1
    // The rest of a line the page flattened (paragraphs joined by single spaces) is the same quotation.
    for (let j = i + 1; j < pieces.length && pieces[j]!.block.before === 'space'; j++) infos[j]!.features.quoted = 1
    for (let j = i; j > 0 && pieces[j]!.block.before === 'space'; j--) infos[j - 1]!.features.quoted = 1
  })
}

function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}]/gu, '')
}

/** A block that holds a title and more becomes several pieces. */
function splitTitles(block: Block): Piece[] {
  const whole = titleShape(block.text)
  if (whole) return titlePieces(block, whole, 0)
  const inside = titleInside(block.text)
  if (inside && inside.start > 0) {
    // The end of the previous document, then a label glued before the title (either may be absent).
    const pieces: Piece[] = []
    if (inside.label > 0) pieces.push({block: subBlock(block, 0, inside.label)})
    if (inside.label < inside.start) pieces.push({block: subBlock(block, inside.label, inside.start), label: true})
    return [...pieces.filter((p) => p.block.text.length > 0), ...titlePieces(block, inside, inside.start)]
  }
  const atStart = titleAtStart(block.text)
  if (atStart) {
    const last = atStart.annotations.at(-1)?.end ?? atStart.end
    return [...titlePieces(block, atStart, 0), {block: subBlock(block, last, block.text.length)}]
  }
  return [{block}]
}

function titlePieces(block: Block, shape: TitleShape, from: number): Piece[] {
  const pieces: Piece[] = [{block: subBlock(block, Math.max(from, shape.start), shape.end), title: shape}]
  // The separator between a title and its annotation (`…Kazakhstan, 11 September 2019`).
  const first = shape.annotations[0]
  if (first && first.start > shape.end) pieces.push({block: subBlock(block, shape.end, first.start), note: true})
  for (const note of shape.annotations) {
    const glued = note.kind === 'date' && !/[\s\u3000\u00a0]/u.test(block.text[note.start - 1] ?? ' ')
    pieces.push({block: subBlock(block, note.start, note.end), ...(glued ? {stamp: true} : {note: true})})
  }
  // A label before the title inside the same block (`标题：`) is page matter.
  if (shape.start > from) pieces.unshift({block: subBlock(block, from, shape.start), label: true})
  return pieces.filter((p) => p.block.text.length > 0)
}

/**
 * `中华人民共和国政府和巴基斯坦伊斯兰共和国` + `政府关于…的修改换文`: a title broken
 * over two lines, the first opening it and the second going on mid-phrase.
 */
function splitPage(blocks: readonly Block[]): Piece[] {
  const pieces: Piece[] = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const previous = blocks[i - 1]
    const last = pieces[pieces.length - 1]
    if (previous && last && last.block === previous && block.before === 'line' && opensTitle(previous) && goesOn(previous, block)) {
      // English words of the two lines keep a space between them; Han characters close up.
      const joint = LATIN_LINE.test(previous.text) ? ' ' : ''
      const shape = titleShape(previous.text + joint + block.text)
      const cut = previous.text.length + joint.length
      if (shape && shape.start === 0 && shape.end > cut) {
        pieces.pop()
        const rest = subBlock(block, 0, shape.end - cut)
        pieces.push({block: {...previous, end: rest.end, text: shape.title}, title: shape, parts: [previous, rest]})
        for (const note of shape.annotations) {
          const glued = note.kind === 'date' && !/[\s\u3000\u00a0]/u.test(block.text[note.start - cut - 1] ?? ' ')
          pieces.push({block: subBlock(block, note.start - cut, note.end - cut), ...(glued ? {stamp: true} : {note: true})})
        }
        continue
      }
    }
    pieces.push(...splitTitles(block))
  }
  return pieces.filter((p) => p.block.text.length > 0)
}

/** Can a short line be the first line of a broken title? */
function opensTitle(block: Block): boolean {
  const text = block.text
  return text.length <= (LATIN_LINE.test(text) ? 200 : 60) && !/[。，；！？：:;,]/.test(text) && titleOpensAt(text, 0) && !titleShape(text)
}

/** A line with no Han character. */
const LATIN_LINE = /^[^\u3400-\u9fff]*$/u

/**
 * Does `block` go on with the title `previous` opens? A Chinese title goes on
 * mid-phrase (the next line opens no title of its own); an English one after a
 * word that cannot end it (`… NORTHERN IRELAND AND` / `THE GOVERNMENT OF …`).
 */
function goesOn(previous: Block, block: Block): boolean {
  return LATIN_LINE.test(previous.text) ? endsOnFunctionWord.test(previous.text) : !titleOpensAt(block.text, 0)
}

function assemble(pieces: Piece[], infos: BlockInfo[], states: State[]): Plan {
  const plan: Plan = {removals: [], stamps: [], documents: []}
  let current: DocumentPlan | null = null
  let leads: Block[] = []
  const open = (titleParts: Block[], title: string | null): DocumentPlan => {
    current = {titleParts, title, titleSource: title ? 'text' : null, header: [], blocks: [], states: [], leads}
    leads = []
    plan.documents.push(current)
    return current
  }
  const remove = (block: Block, rule: string): void => {
    plan.removals.push({block, rule})
  }

  pieces.forEach((piece, i) => {
    const state = states[i]!
    const {features, matterRule} = infos[i]!
    const block = piece.block
    if (piece.stamp && (state === 'head' || state === 'title' || state === 'pre')) {
      plan.stamps.push(block)
      return
    }
    switch (state) {
      case 'title': {
        open(piece.parts ?? [block], piece.title?.title ?? closeUp(block.text))
        return
      }
      case 'head': {
        const doc = current as DocumentPlan | null
        if (!doc) return remove(block, matterRule ?? 'page-matter')
        // A dateline or a dated annotation says when and where: kept. `（全文）`, `(1992)` say nothing the tree keeps.
        if (features.dateOnly || (features.annotation && findDates(block.text).length > 0) || (features.signingLine && !features.title)) doc.header.push(block)
        else if (features.annotation) remove(block, 'title-annotation')
        else if (piece.title || features.title) remove(block, 'repeated-title')
        else if (features.quoted) remove(block, 'quoted-summary')
        else if (features.lead) {
          doc.leads.push(block)
          remove(block, 'editor-note')
        } else remove(block, matterRule ?? 'header-matter')
        return
      }
      case 'text':
      case 'sign': {
        const doc = (current as DocumentPlan | null) ?? open([], null)
        doc.blocks.push(block)
        doc.states.push(state)
        return
      }
      case 'noise':
        return remove(block, matterRule ?? (features.quoted ? 'quoted-summary' : 'page-matter'))
      case 'pre':
      case 'post': {
        if (features.lead) leads.push(block)
        remove(block, matterRule ?? (features.lead ? 'news-lead' : features.quoted ? 'quoted-summary' : state === 'pre' ? 'front-matter' : 'back-matter'))
        if (state === 'post') current = null
        return
      }
    }
  })

  dropCommentary(plan)
  if (plan.documents.length === 0 && pieces.length > 0) {
    // Degrade, never drop: a page the model finds no document in is one untitled document.
    const kept = new Set(plan.removals.filter((r) => r.rule !== 'front-matter' && r.rule !== 'back-matter' && r.rule !== 'page-matter').map((r) => r.block))
    const doc: DocumentPlan = {titleParts: [], title: null, titleSource: null, header: [], blocks: [], states: [], leads}
    const removals: Plan['removals'] = []
    for (const removal of plan.removals) {
      if (kept.has(removal.block) || infos[pieces.findIndex((p) => p.block === removal.block)]?.features.pageMatter) removals.push(removal)
      else {
        doc.blocks.push(removal.block)
        doc.states.push('text')
      }
    }
    doc.blocks.sort((a, b) => a.start - b.start)
    plan.removals = removals
    if (doc.blocks.length > 0) plan.documents.push(doc)
  }
  return plan
}

/**
 * An untitled stretch of text beside titled documents is commentary (a guide's
 * introduction, a news story) unless it reads like a document: a full party
 * name, a formula, numbered articles with a party, a closing clause or signatures.
 */
function dropCommentary(plan: Plan): void {
  if (!plan.documents.some((d) => d.title !== null)) return
  plan.documents = plan.documents.filter((doc, index) => {
    // A headline and its story right before a lead that announces the document itself.
    const next = plan.documents[index + 1]
    const newsItem = next !== undefined && next.leads.length > 0 && doc.blocks.length <= 2 && !documentLike(doc)
    if ((doc.title !== null && !newsItem) || documentLike(doc)) return true
    for (const part of doc.titleParts) plan.removals.push({block: part, rule: 'headline'})
    for (const block of [...doc.header, ...doc.blocks]) plan.removals.push({block, rule: 'commentary'})
    return false
  })
  plan.removals.sort((a, b) => a.block.start - b.block.start)
}

function documentLike(doc: DocumentPlan): boolean {
  if (doc.states.includes('sign')) return true
  const text = doc.blocks.map((b) => b.text).join('\n').slice(0, 4000)
  if (enactingFormulas.some((p) => doc.blocks.some((b) => p.test(b.text)))) return true
  for (let i = 0; i < text.length; i++) if ((matchCountryAt(text, i)?.name.length ?? 0) >= 3) return true
  return false
}

/** The part `[from, to)` of a block's text, trimmed of layout. */
export function subBlock(block: Block, from: number, to: number): Block {
  let start = from
  let end = to
  while (start < end && /[\s\u3000\u00a0]/u.test(block.text[start]!)) start++
  while (end > start && /[\s\u3000\u00a0]/u.test(block.text[end - 1]!)) end--
  return {start: block.start + start, end: block.start + end, text: block.text.slice(start, end), before: from === 0 ? block.before : 'gap'}
}
