/**
 * One handler per node type of the tree, each returning hast nodes. Text is
 * written exactly as in the tree (marks only wrap it), so the text of the
 * page's `article` equals the tree's leaves. Units that have an Akoma Ntoso
 * eId carry it as `id` (`eids.ts`).
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {
  Body,
  Citation,
  Conclusions,
  DateMark,
  Division,
  Document,
  EntityMark,
  Num,
  Paragraph,
  Preamble,
  Preface,
  Section,
  Signature,
  Signatures,
  Signing,
  Text,
  Title
} from '../../tree/types.js'
import {isCalendarDate} from '../akn/handlers/inline.js'
import {splitByLanguage} from './lang.js'
import type {Handler, Handlers} from './state.js'

const SECTION_ORDER: Readonly<Record<Section['type'], number>> = {preface: 0, preamble: 1, body: 2, conclusions: 3}

const document: Handler<Document> = (node, state) =>
  state.all([...node.children].sort((a, b) => SECTION_ORDER[a.type] - SECTION_ORDER[b.type]))

const preface: Handler<Preface> = (node, state) => (node.children.length === 0 ? [] : [h('header', {className: ['preface']}, state.all(node.children))])

const preamble: Handler<Preamble> = (node, state) => (node.children.length === 0 ? [] : [h('div', {className: ['preamble']}, state.all(node.children))])

const body: Handler<Body> = (node, state) => (node.children.length === 0 ? [] : [h('div', {className: ['body']}, state.all(node.children))])

const conclusions: Handler<Conclusions> = (node, state) =>
  node.children.length === 0 ? [] : [h('div', {className: ['conclusions']}, state.all(node.children))]

const title: Handler<Title> = (node, state) => [h('h1', {...state.idOf(node), className: ['title']}, state.all(node.children))]

const ROLE_CLASS: Readonly<Record<NonNullable<Paragraph['role']>, string>> = {
  enactingFormula: 'formula',
  closing: 'closing',
  note: 'note'
}

const paragraph: Handler<Paragraph> = (node, state) => [
  h('p', {...state.idOf(node), className: node.role ? [ROLE_CLASS[node.role]] : undefined}, state.all(node.children))
]

/**
 * A division's printed number links to the division itself, so a reader can take
 * its anchor. A chapter whose first child after the number is a lone paragraph has
 * it as its heading (as in the AKN writer).
 */
const division: Handler<Division> = (node, state) => {
  const [num, ...rest] = node.children
  const [first, second] = rest
  const {id} = state.idOf(node)
  const number = id === undefined ? state.handle(num) : [h('a', {className: ['num'], href: '#' + id}, num.value)]
  const content: ElementContent[] = []
  if (node.type === 'chapter' && first?.type === 'paragraph' && (second === undefined || second.type !== 'paragraph')) {
    rest.shift()
    content.push(h('h2', {className: ['heading']}, [...number, ...state.all(first.children)]))
  } else {
    content.push(...number)
  }
  content.push(...state.all(rest))
  return [h('div', {...state.idOf(node), className: [node.type]}, content)]
}

/**
 * The signature block in its columns: one per party, in order of appearance; the signing line below them.
 * An exchange of notes signs part by part: each run of signatories with the signing lines after it is one row.
 */
const signatures: Handler<Signatures> = (node, state) => {
  if (node.children.length === 0) return []
  const groups: Array<{signers: Signature[]; signings: Signing[]}> = []
  for (const child of node.children) {
    const last = groups[groups.length - 1]
    if (child.type === 'signing') {
      if (last) last.signings.push(child)
      else groups.push({signers: [], signings: [child]})
    } else if (!last || last.signings.length > 0) groups.push({signers: [child], signings: []})
    else last.signers.push(child)
  }
  const content = groups.flatMap(({signers, signings}) => {
    const columns = new Map<string, Signature[]>()
    signers.forEach((child, index) => {
      const key = child.partyCode ?? child.party ?? `#${index}`
      const column = columns.get(key)
      if (column) column.push(child)
      else columns.set(key, [child])
    })
    const row = columns.size > 0 ? [h('div', {className: ['signatory-columns']}, [...columns.values()].map((column) => h('div', {className: ['signatory']}, state.all(column))))] : []
    return [...row, ...state.all(signings)]
  })
  return [h('div', {...state.idOf(node), className: ['signatures']}, content)]
}

const signature: Handler<Signature> = (node, state) => [h('p', {...state.idOf(node), className: ['signature']}, state.all(node.children))]

const signing: Handler<Signing> = (node, state) => [h('p', {...state.idOf(node), className: ['signing']}, state.all(node.children))]

const text: Handler<Text> = (node, state) =>
  splitByLanguage(node.value, state.lang).flatMap((piece): ElementContent[] => {
    if (piece.value === '') return []
    return piece.lang === null ? [{type: 'text', value: piece.value}] : [h('span', {lang: piece.lang}, piece.value)]
  })

const num: Handler<Num> = (node) => [h('span', {className: ['num']}, node.value)]

const date: Handler<DateMark> = (node, state) =>
  isCalendarDate(node.iso) ? [h('time', {dateTime: node.iso}, state.all(node.children))] : state.all(node.children)

const entity: Handler<EntityMark> = (node, state) => [h('span', {className: [node.type], dataRef: node.ref}, state.all(node.children))]

/** A citation links to the cited document's page when that document is in the collection. */
const citation: Handler<Citation> = (node, state) => {
  const href = node.target ? state.hrefOf(node.target) : null
  const inner = state.all(node.children)
  return [h('cite', {className: ['citation']}, href === null ? inner : [h('a', {href}, inner)])]
}

export const handlers: Handlers = {
  document,
  preface,
  preamble,
  body,
  conclusions,
  title,
  paragraph,
  article: division,
  point: division,
  chapter: division,
  signatures,
  signature,
  signing,
  text,
  num,
  date,
  person: entity,
  role: entity,
  organization: entity,
  location: entity,
  citation
}
