/**
 * The inside of one document: preface (title, date lines), preamble (up to the
 * enacting formula), body (articles → paragraphs → points), conclusions
 * (closing clauses, notes, the signature block). Reads blocks of the cleaned
 * text; writes tree nodes whose leaves still carry their cleaned offsets for
 * `enrich`.
 */
import type {VFile} from 'vfile'
import type {Block} from './blocks.js'
import type {DocumentPlan} from './documents.js'
import {subBlock} from './documents.js'
import {enclose, type NodeFactory} from '../tree/nodes.js'
import {gluedTail, groupSignatories, isCell, tokenize, type SignatoryPlan, type Token} from './signatures.js'
import {matchNumber, type NumberMatch} from '../rules/numbering.js'
import {closingClauses, enactingFormulas, notePrefixes} from '../rules/formulas.js'
import {partLabels} from '../rules/page-matter.js'
import {matchEnglishRoleAt, matchRoleEndingAt} from '../rules/roles.js'
import {englishCountryIn, matchCountryAt} from '../rules/countries.js'
import {governmentMark, personMark, roleMark} from '../recognize/entity-ids.js'
import type {
  Body,
  Conclusions,
  Division,
  Paragraph,
  Preamble,
  Section,
  Signature,
  Signatures,
  Signing,
  Text,
  Title
} from '../tree/types.js'

export interface Structure {
  sections: Section[]
  signatories: SignatoryPlan[]
  /** Signing lines of the signature blocks, first part first. */
  signings: Token[]
  /** Closing clauses and notes, as cleaned text (`本协议于…签订`), for the signing date and place. */
  closing: Array<{text: string; start: number}>
  /** The text stops mid-sentence (the page was cut). */
  truncated: boolean
}

export function structure(plan: DocumentPlan, f: NodeFactory, file: VFile): Structure {
  const sections: Section[] = []
  let blocks = plan.blocks.slice()
  let states = plan.states.slice()

  // Preface: the title and the date lines and annotations under it.
  const preface: Array<Title | Paragraph> = []
  if (plan.titleParts.length > 0) {
    const first = plan.titleParts[0]!
    const last = plan.titleParts[plan.titleParts.length - 1]!
    const children = plan.titleParts.flatMap((part) => f.texts(part.start, part.end))
    preface.push({type: 'title', children, position: f.span(first.start, last.end)})
  }
  for (const line of plan.header) preface.push(paragraph(f, line))
  if (preface.length > 0) sections.push({type: 'preface', children: preface, position: enclose(preface.map((n) => n.position))})

  // Signature blocks: the run the page model read as signatures at the end, and
  // those that close the earlier parts of an exchange of notes.
  const zones: Block[][] = []
  // Each zone's tokens, from when it was found to be one (tokenizing is the costly part of reading signatures).
  const tokensOf = new Map<Block[], Token[]>()
  let z = blocks.length
  while (z > 0 && states[z - 1] === 'sign') z--
  const finalZone = blocks.slice(z)
  blocks = blocks.slice(0, z)
  states = states.slice(0, z)
  const body: Block[] = []
  let run: Block[] = []
  blocks.forEach((block, i) => {
    if (states[i] === 'sign' && isCell(block)) run.push(block)
    else {
      if (run.length > 0) partZone(run, body, zones, tokensOf)
      run = []
      body.push(block)
    }
  })
  if (run.length > 0) partZone(run, body, zones, tokensOf)
  blocks = body
  let zone = finalZone
  if (zone.length === 0 && blocks.length > 0) {
    const last = blocks[blocks.length - 1]!
    const at = gluedTail(last)
    if (at !== null) {
      blocks[blocks.length - 1] = subBlock(last, 0, at - last.start)
      zone = [subBlock(last, at - last.start, last.text.length)]
    }
  }
  const zoneTokens = tokenize(zone)
  if (zone.length > 0 && !signatureEvidence(zoneTokens)) {
    // Only fragments (a cut last line, a heading): not a signature block after all.
    blocks.push(...zone)
    zone = []
  } else if (zone.length > 0) {
    zones.push(zone)
    tokensOf.set(zone, zoneTokens)
  }

  // Body and preamble.
  const {preamble, body: bodyNodes, closing, closingBlocks, lastOpenEmpty} = divide(blocks, f, file)
  if (preamble.length > 0) sections.push({type: 'preamble', children: preamble, position: enclose(preamble.map((n) => n.position))} satisfies Preamble)
  if (bodyNodes.length > 0) sections.push({type: 'body', children: bodyNodes, position: enclose(bodyNodes.map((n) => n.position))} satisfies Body)

  // Conclusions.
  const conclusions: Conclusions['children'] = [...closing]
  const signatories: SignatoryPlan[] = []
  const signings: Token[] = []
  const children: Signatures['children'] = []
  for (const cells of zones) {
    const grouped = groupSignatories(tokensOf.get(cells) ?? tokenize(cells))
    signatories.push(...grouped.signatories)
    for (const signatory of grouped.signatories) children.push(signatureNode(signatory, f))
    for (const signing of grouped.signings) {
      signings.push(signing)
      children.push({type: 'signing', children: f.texts(signing.start, signing.end), position: f.span(signing.start, signing.end)} satisfies Signing)
    }
  }
  const signatures: Signatures | null = children.length > 0 ? {type: 'signatures', children, position: enclose(children.map((c) => c.position))} : null
  if (signatures) conclusions.push(signatures)
  if (conclusions.length > 0) sections.push({type: 'conclusions', children: conclusions, position: enclose(conclusions.map((n) => n.position))})

  const lastBlock = blocks[blocks.length - 1]
  // Cut by the page: no signatures close it and its last text stops mid-sentence (or under an empty heading).
  const truncated = zone.length === 0 && lastBlock !== undefined && (lastOpenEmpty || !endsSentence(lastBlock.text))
  if (!signatures && plan.blocks.length > 0 && !truncated) {
    const place = sections.at(-1)?.position
    file.message('No signature block found at the end of the document', {ruleId: 'no-signature', source: 'diptext', ...(place ? {place} : {})})
  }
  return {sections, signatories, signings, closing: closingBlocks.map((b) => ({text: b.text, start: b.start})), truncated}
}

/**
 * A mark, a signing line, or a role naming an office: what a signature block
 * has. A party or a name counts only beside another cell: a lone
 * `中华人民共和国主` or `已成为不同政` at the end of a cut page is a fragment.
 */
function signatureEvidence(tokens: readonly Token[]): boolean {
  const office = (t: Token): boolean => t.kind === 'role' && (matchRoleEndingAt(t.value, t.value.length) !== null || /政府|Government|Minister|President/i.test(t.value))
  const party = (t: Token): boolean => t.kind === 'role' && (matchCountryAt(t.value, 0) !== null || englishCountryIn(t.value) !== null)
  if (tokens.some((t) => t.kind === 'mark' || t.kind === 'signing' || office(t))) return true
  // A name needs a party or another cell beside it: a lone short line (`已成为不同政`) is where the page was cut.
  return tokens.length >= 2 && tokens.some((t) => party(t) || t.kind === 'name')
}

/** A run of cells inside the text: the signatures of a part when it holds a mark, a name or a signing line; else text. */
function partZone(run: Block[], body: Block[], zones: Block[][], tokensOf: Map<Block[], Token[]>): void {
  const tokens = tokenize(run)
  if (tokens.some((t) => t.kind === 'mark' || t.kind === 'signing')) {
    zones.push(run)
    tokensOf.set(run, tokens)
  } else body.push(...run)
}

/** Does a text end as a finished sentence or line, not cut by the page? A colon or semicolon announces more. */
function endsSentence(text: string): boolean {
  return /[。！？.!?”」』）)…】》]$/.test(text.trimEnd())
}

function paragraph(f: NodeFactory, block: Block, from = block.start, role?: Paragraph['role']): Paragraph {
  const node: Paragraph = {type: 'paragraph', children: f.texts(from, block.end), position: f.span(from, block.end)}
  if (role) node.role = role
  return node
}

/**
 * Numbered paragraphs become divisions. The article level is chosen after the
 * enacting formula: a list in the preamble (the Five Principles as `一、…五、`)
 * stays preamble text. `第一条` is the article level wherever it occurs; a
 * style whose items are short headings above articles (`一、教 育`) is a section
 * heading; otherwise the first style met after the formula is the article level
 * and later styles nest below it in order of appearance. Part labels of an
 * exchange of notes (`（一）中方去文`) are headings, not articles.
 */
function divide(
  blocks: Block[],
  f: NodeFactory,
  file: VFile
): {preamble: Paragraph[]; body: Body['children']; closing: Paragraph[]; closingBlocks: Block[]; lastOpenEmpty: boolean} {
  const preamble: Paragraph[] = []
  const body: Body['children'] = []
  const closing: Paragraph[] = []
  const closingBlocks: Block[] = []
  const {formulaAt, article, headings} = articleLevel(blocks)
  // The depth of each numbering style: the article style is 0; a style first met nests under the innermost open division.
  const levelOf = new Map<string, number>(article ? [[article, 0]] : [])
  // The open divisions, outermost first (article, points…).
  let stack: Array<{node: Division; level: number; last: number}> = []
  let chapter: Division | null = null
  let seenArticle = false
  let inClosing = false
  let lastArticle = 0

  blocks.forEach((block, index) => {
    if (inClosing || (seenArticle && isClosing(block.text) && openHasText(stack))) {
      inClosing = true
      closing.push(paragraph(f, block, block.start, notePrefixes.some((p) => p.test(block.text)) ? 'note' : 'closing'))
      closingBlocks.push(block)
      return
    }
    const number = index > formulaAt && !partLabels.some((p) => p.test(block.text)) ? matchNumber(block.text) : null
    if (number && (number.style.kind === 'chapter' || headings.has(number.style.id))) {
      chapter = division('chapter', number, block, f)
      body.push(chapter)
      stack = []
      return
    }
    let level = number ? (levelOf.get(number.style.id) ?? -1) : -1
    if (number && level === -1 && seenArticle) {
      level = Math.max(stack.length, 1)
      levelOf.set(number.style.id, level)
    }
    if (number && level !== -1 && (level === 0 || stack.length >= level)) {
      const node = division(level === 0 ? 'article' : 'point', number, block, f)
      if (level === 0) {
        if (seenArticle && number.value !== lastArticle + 1) {
          file.message(`Unexpected article number \`${number.printed}\` after ${lastArticle}, expected ${lastArticle + 1}`, {
            ruleId: 'numbering-gap',
            source: 'diptext',
            place: node.position
          })
        }
        lastArticle = number.value
        seenArticle = true
        stack = [{node, level: 0, last: number.value}]
        if (chapter) chapter.children.push(node)
        else body.push(node)
      } else {
        stack = stack.slice(0, level)
        const parent = stack[stack.length - 1]!
        parent.node.children.push(node)
        stack.push({node, level, last: number.value})
      }
      // A sub-item opened on the same line becomes the innermost open division.
      for (let inner = node.children[1]; inner && inner.type === 'point'; inner = inner.children[1]) {
        let innerLevel = levelOf.get(inner.style)
        if (innerLevel === undefined) {
          innerLevel = stack.length
          levelOf.set(inner.style, innerLevel)
        }
        stack.push({node: inner, level: innerLevel, last: inner.ordinal})
      }
      return
    }
    const para = paragraph(f, block)
    if (stack.length > 0) stack[stack.length - 1]!.node.children.push(para)
    else if (chapter) chapter.children.push(para)
    else if (seenArticle || (formulaAt >= 0 && index > formulaAt)) body.push(para)
    else preamble.push(para)
  })

  // Positions of divisions grow with their children.
  for (const node of body) if (node.type !== 'paragraph') fixPositions(node)
  const innermost = stack[stack.length - 1]?.node
  const lastOpenEmpty = innermost !== undefined && innermost.children.length === 1 && inClosing === false

  if (formulaAt >= 0) {
    const formula = preamble[preamble.length - 1]
    if (formula) formula.role = 'enactingFormula'
    return {preamble, body, closing, closingBlocks, lastOpenEmpty}
  }
  if (!seenArticle) {
    // No numbering and no formula: the paragraphs are the body.
    return {preamble: [], body: [...preamble, ...body], closing, closingBlocks, lastOpenEmpty}
  }
  return {preamble, body, closing, closingBlocks, lastOpenEmpty}
}

/**
 * Where the preamble ends (the enacting formula's index, or -1) and which
 * numbering styles are the article level and section headings.
 */
function articleLevel(blocks: readonly Block[]): {formulaAt: number; article: string | null; headings: Set<string>} {
  const formulaAt = blocks.findIndex((b) => enactingFormulas.some((p) => p.test(b.text)))
  const numbered: Array<{style: string; article: boolean; heading: boolean}> = []
  blocks.forEach((block, index) => {
    if (index <= formulaAt || partLabels.some((p) => p.test(block.text))) return
    const number = matchNumber(block.text)
    if (!number || number.style.kind === 'chapter') return
    const rest = block.text.slice(number.printed.length).trim()
    numbered.push({style: number.style.id, article: number.style.article === true, heading: rest.length > 0 && rest.replace(/\s+/gu, '').length <= 12 && !/[。，；：！？,.;:]/.test(rest)})
  })
  const headings = new Set<string>()
  const first = numbered.findIndex((n) => n.article)
  if (first !== -1) {
    // Styles met before the first 第…条 (`Article 1`) whose items are all short headings sit above the articles.
    const article = numbered[first]!.style
    for (const item of numbered.slice(0, first)) if (item.style !== article) headings.add(item.style)
    for (const style of headings) if (numbered.some((n) => n.style === style && !n.heading)) headings.delete(style)
    return {formulaAt, article, headings}
  }
  return {formulaAt, article: numbered[0]?.style ?? null, headings}
}

function division(type: Division['type'], number: NumberMatch, block: Block, f: NodeFactory): Division {
  const numEnd = block.start + number.printed.length
  const num = f.num(block.start, numEnd)
  const node: Division = {type, ordinal: number.value, style: number.style.id, children: [num], position: f.span(block.start, block.end)}
  let rest = numEnd
  while (rest < block.end && /[\s\u3000\u00a0]/u.test(f.cleaned.text[rest]!)) rest++
  if (rest >= block.end) return node
  // `（五）甲、双方…`: a sub-item opens on the same line as its parent.
  const inner = matchNumber(f.cleaned.text.slice(rest, block.end))
  if (inner && inner.style.kind === 'division' && inner.style.id !== number.style.id) {
    node.children.push(division('point', inner, {...block, start: rest, text: f.cleaned.text.slice(rest, block.end)}, f))
  } else {
    node.children.push(paragraph(f, block, rest))
  }
  return node
}

function fixPositions(node: Division): void {
  for (const child of node.children) if (child.type !== 'num' && child.type !== 'paragraph') fixPositions(child)
  node.position = enclose(node.children.map((c) => c.position))
}

function openHasText(stack: Array<{node: Division}>): boolean {
  const top = stack[0]
  return top !== undefined && top.node.children.length > 1
}

function isClosing(text: string): boolean {
  return closingClauses.some((p) => p.test(text)) || notePrefixes.some((p) => p.test(text))
}

function signatureNode(plan: SignatoryPlan, f: NodeFactory): Signature {
  const children: Signature['children'] = []
  if (plan.role && plan.roleTokens.length > 0) {
    const texts: Text[] = plan.roleTokens.flatMap((t) => f.texts(t.start, t.end))
    const roleWord = matchRoleEndingAt(plan.role, plan.role.length) ?? matchEnglishRoleAt(plan.role)
    const first = plan.roleTokens[0]!
    const last = plan.roleTokens[plan.roleTokens.length - 1]!
    // A government that signs as such (`中华人民共和国政府`, no office after it) is an organisation, not a role.
    const government = plan.partyCode !== null && plan.party !== null && (plan.role === `${plan.party}政府` || plan.role === `${plan.party}政府（印）`)
    children.push(
      government
        ? governmentMark(plan.partyCode!, plan.role, texts, f.span(first.start, last.end))
        : roleMark(plan.partyCode, roleWord?.rule.id ?? null, plan.role, texts, f.span(first.start, last.end))
    )
  }
  if (plan.name) {
    const {start, end, value} = plan.name
    const raw = f.cleaned.text.slice(start, end)
    const text = raw === value ? f.texts(start, end) : [f.textAs(start, end, value)]
    children.push(personMark(value, text, f.span(start, end)))
  }
  if (plan.titleTokens.length > 0) {
    // The office printed under the name: a role mark of its own, after the person.
    const texts: Text[] = plan.titleTokens.flatMap((t) => f.texts(t.start, t.end))
    const office = plan.titleTokens.map((t) => t.value).join(' ')
    const first = plan.titleTokens[0]!
    const last = plan.titleTokens[plan.titleTokens.length - 1]!
    children.push(roleMark(plan.partyCode, matchEnglishRoleAt(office)?.rule.id ?? null, office, texts, f.span(first.start, last.end)))
  }
  for (const mark of plan.marks) children.push(...f.texts(mark.start, mark.end))
  const node: Signature = {
    type: 'signature',
    party: plan.party,
    partyCode: plan.partyCode,
    role: plan.role,
    name: plan.name?.value ?? null,
    nameRaw: plan.name ? f.cleaned.text.slice(plan.name.start, plan.name.end) : null,
    children,
    position: enclose(children.map((c) => c.position))
  }
  return node
}
