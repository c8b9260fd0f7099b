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
import {gluedTail, groupSignatories, isCell, signingLine, tokenize, type SignatoryPlan, type Token} from './signatures.js'
import {matchNumber, type NumberMatch} from '../rules/numbering.js'
import {closingClauses, enactingFormulas, notePrefixes} from '../rules/formulas.js'
import {matchEnglishRoleAt, matchRoleEndingAt} from '../rules/roles.js'
import {personMark, roleMark} from '../recognize/entity-ids.js'
import {toText} from '../tree/text.js'
import type {
  Body,
  Conclusions,
  Division,
  Paragraph,
  Preamble,
  Preface,
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
  signing: Token | null
  /** Closing clauses and notes, as cleaned text (`本协议于…签订`), for the signing date and place. */
  closing: Array<{text: string; start: number}>
}

export function structure(plan: DocumentPlan, f: NodeFactory, file: VFile): Structure {
  const sections: Section[] = []
  let blocks = plan.blocks.slice()

  // Preface: the title and the date lines right under it.
  const preface: Array<Title | Paragraph> = []
  if (plan.title) {
    const children = f.texts(plan.title.start, plan.title.end)
    preface.push({type: 'title', children, position: f.span(plan.title.start, plan.title.end)})
  }
  while (blocks.length > 1 && blocks[0]!.before !== 'gap' && signingLine(blocks[0]!.text)) {
    preface.push(paragraph(f, blocks.shift()!))
  }
  if (preface.length > 0) sections.push({type: 'preface', children: preface, position: enclose(preface.map((n) => n.position))})

  // The signature block, from the end.
  let z = blocks.length
  while (z > 0 && isCell(blocks[z - 1]!)) z--
  let zone = blocks.slice(z)
  blocks = blocks.slice(0, z)
  if (zone.length === 0 && blocks.length > 0) {
    const last = blocks[blocks.length - 1]!
    const at = gluedTail(last)
    if (at !== null) {
      blocks[blocks.length - 1] = subBlock(last, 0, at - last.start)
      zone = [subBlock(last, at - last.start, last.text.length)]
    }
  }
  let tokens = tokenize(zone)
  if (zone.length > 0 && !tokens.some((t) => t.kind === 'role' || t.kind === 'name' || t.kind === 'signing')) {
    // Only marks or fragments: not a signature block after all.
    blocks.push(...zone)
    tokens = []
  }

  // Body and preamble.
  const {preamble, body, closing, closingBlocks} = divide(blocks, f, file)
  if (preamble.length > 0) sections.push({type: 'preamble', children: preamble, position: enclose(preamble.map((n) => n.position))} satisfies Preamble)
  if (body.length > 0) sections.push({type: 'body', children: body, position: enclose(body.map((n) => n.position))} satisfies Body)

  // Conclusions.
  const conclusions: Conclusions['children'] = [...closing]
  const grouped = groupSignatories(tokens)
  const signatures = signaturesNode(grouped.signatories, grouped.signing, f)
  if (signatures) conclusions.push(signatures)
  if (conclusions.length > 0) sections.push({type: 'conclusions', children: conclusions, position: enclose(conclusions.map((n) => n.position))})
  if (!signatures && plan.blocks.length > 0) {
    const place = sections.at(-1)?.position
    file.message('No signature block found at the end of the document', {ruleId: 'no-signature', source: 'diptext', ...(place ? {place} : {})})
  }
  return {sections, signatories: grouped.signatories, signing: grouped.signing, closing: closingBlocks.map((b) => ({text: b.text, start: b.start}))}
}

function paragraph(f: NodeFactory, block: Block, from = block.start, role?: Paragraph['role']): Paragraph {
  const node: Paragraph = {type: 'paragraph', children: f.texts(from, block.end), position: f.span(from, block.end)}
  if (role) node.role = role
  return node
}

/**
 * Numbered paragraphs become divisions. The first division style met is the
 * article level; other styles nest below in order of first appearance.
 */
function divide(blocks: Block[], f: NodeFactory, file: VFile): {preamble: Paragraph[]; body: Body['children']; closing: Paragraph[]; closingBlocks: Block[]} {
  const preamble: Paragraph[] = []
  const body: Body['children'] = []
  const closing: Paragraph[] = []
  const closingBlocks: Block[] = []
  const levels: string[] = []
  // The open divisions, outermost first (chapter?, article, points…).
  let stack: Array<{node: Division; level: number; last: number}> = []
  let chapter: Division | null = null
  let seenArticle = false
  let inClosing = false
  let lastArticle = 0

  for (const block of blocks) {
    if (inClosing || (seenArticle && isClosing(block.text) && openHasText(stack))) {
      inClosing = true
      closing.push(paragraph(f, block, block.start, notePrefixes.some((p) => p.test(block.text)) ? 'note' : 'closing'))
      closingBlocks.push(block)
      continue
    }
    const number = matchNumber(block.text)
    if (number && number.style.kind === 'chapter') {
      chapter = division('chapter', number, block, f)
      body.push(chapter)
      stack = []
      continue
    }
    let level = number ? levels.indexOf(number.style.id) : -1
    if (number && level === -1 && (seenArticle || levels.length === 0)) {
      levels.push(number.style.id)
      level = levels.length - 1
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
        let innerLevel = levels.indexOf(inner.style)
        if (innerLevel === -1) innerLevel = levels.push(inner.style) - 1
        stack.push({node: inner, level: innerLevel, last: inner.ordinal})
      }
      continue
    }
    const para = paragraph(f, block)
    if (stack.length > 0) stack[stack.length - 1]!.node.children.push(para)
    else if (chapter) chapter.children.push(para)
    else if (seenArticle) body.push(para)
    else preamble.push(para)
  }

  // Positions of divisions grow with their children.
  for (const node of body) if (node.type !== 'paragraph') fixPositions(node)

  if (!seenArticle) {
    // No numbering: the paragraphs are the body; a formula still ends a preamble.
    const formula = preamble.findIndex((p) => isFormula(p))
    const head = formula === -1 ? [] : preamble.slice(0, formula + 1)
    const rest = formula === -1 ? preamble : preamble.slice(formula + 1)
    const chapters = body
    if (formula !== -1) head[formula]!.role = 'enactingFormula'
    return {preamble: head, body: [...rest, ...chapters], closing, closingBlocks}
  }
  const last = preamble[preamble.length - 1]
  if (last && isFormula(last)) last.role = 'enactingFormula'
  return {preamble, body, closing, closingBlocks}
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

function isFormula(node: Paragraph): boolean {
  const text = toText(node)
  return enactingFormulas.some((p) => p.test(text))
}

function signaturesNode(signatories: SignatoryPlan[], signing: Token | null, f: NodeFactory): Signatures | null {
  const children: Signatures['children'] = []
  for (const plan of signatories) children.push(signatureNode(plan, f))
  if (signing) {
    const node: Signing = {type: 'signing', children: f.texts(signing.start, signing.end), position: f.span(signing.start, signing.end)}
    children.push(node)
  }
  if (children.length === 0) return null
  return {type: 'signatures', children, position: enclose(children.map((c) => c.position))}
}

function signatureNode(plan: SignatoryPlan, f: NodeFactory): Signature {
  const children: Signature['children'] = []
  if (plan.role && plan.roleTokens.length > 0) {
    const texts: Text[] = plan.roleTokens.flatMap((t) => f.texts(t.start, t.end))
    const roleWord = matchRoleEndingAt(plan.role, plan.role.length) ?? matchEnglishRoleAt(plan.role)
    const first = plan.roleTokens[0]!
    const last = plan.roleTokens[plan.roleTokens.length - 1]!
    children.push(roleMark(plan.partyCode, roleWord?.rule.id ?? null, plan.role, texts, f.span(first.start, last.end)))
  }
  if (plan.name) {
    const {start, end, value} = plan.name
    const raw = f.cleaned.text.slice(start, end)
    const text = raw === value ? f.texts(start, end) : [f.textAs(start, end, value)]
    children.push(personMark(value, text, f.span(start, end)))
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
