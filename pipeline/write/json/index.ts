/**
 * JSON writer: one object per document, described by `schema/document.schema.json`
 * (JSON Schema 2020-12). Field names are a public contract (other tools read
 * `id`, `dates.signed`, `articles[].value`, …); a change to them is a new
 * `format` version. One builder per section type.
 */
import type {Position} from 'unist'
import type {Body, Citation, Conclusions, Division, Document, EntityMark, Paragraph, Preamble, Signatures} from '../../tree/types.js'
import {toText} from '../../tree/text.js'
import type {Writer} from '../types.js'
import {boundDepth} from '../bounded-depth.js'
import {generator} from '../../version.js'
import {utf8} from '../utf8.js'

export const JSON_FORMAT = 'diptext-document/2'

/** Offsets of a node in the decoded input. */
const startOf = (node: {position: Position}): number => node.position.start.offset ?? 0
const endOf = (node: {position: Position}): number => node.position.end.offset ?? 0

interface JsonParagraph {
  text: string
  role?: string
  start: number
  end: number
}

interface JsonDivision {
  kind: Division['type']
  num: string
  value: number
  style: string
  paragraphs: JsonParagraph[]
  points: JsonDivision[]
  start: number
  end: number
}

// Objects are built as literals, keys in the order of the format (`JSON.stringify` keeps it).

function paragraph(node: Paragraph): JsonParagraph {
  return node.role ? {text: toText(node), role: node.role, start: startOf(node), end: endOf(node)} : {text: toText(node), start: startOf(node), end: endOf(node)}
}

function paragraphs(nodes: ReadonlyArray<{type: string}>): JsonParagraph[] {
  const out: JsonParagraph[] = []
  for (const node of nodes) if (node.type === 'paragraph') out.push(paragraph(node as Paragraph))
  return out
}

function isDivision(node: {type: string}): node is Division {
  return node.type === 'article' || node.type === 'point' || node.type === 'chapter'
}

function divisions(nodes: ReadonlyArray<{type: string}>): JsonDivision[] {
  const out: JsonDivision[] = []
  for (const node of nodes) if (isDivision(node)) out.push(division(node))
  return out
}

function division(node: Division, points: JsonDivision[] = divisions(node.children)): JsonDivision {
  return {
    kind: node.type,
    num: node.children[0].value,
    value: node.ordinal,
    style: node.style,
    paragraphs: paragraphs(node.children),
    points,
    start: startOf(node),
    end: endOf(node)
  }
}

/** A chapter: as a division without points, and its articles. */
function chapter(node: Division, articles: JsonDivision[]): JsonDivision & {articles: JsonDivision[]} {
  return {
    ...division(node, []),
    articles
  }
}

const sectionHandlers = {
  preamble: (node: Preamble) => ({preamble: node.children.map(paragraph)}),
  body: (node: Body) => {
    const articles: JsonDivision[] = []
    const chapters: Array<JsonDivision & {articles: JsonDivision[]}> = []
    const paragraphs: JsonParagraph[] = []
    for (const child of node.children) {
      if (child.type === 'paragraph') paragraphs.push(paragraph(child))
      else if (child.type === 'chapter') {
        const inner = divisions(child.children)
        for (const article of inner) articles.push(article)
        chapters.push(chapter(child, inner))
      } else articles.push(division(child))
    }
    return {articles, chapters, paragraphs}
  },
  conclusions: (node: Conclusions) => {
    let signatures: Signatures | undefined
    for (const child of node.children) if (child.type === 'signatures') (signatures ??= child)
    const signing = signatures?.children.find((c) => c.type === 'signing')
    const signed: JsonSignature[] = []
    for (const c of signatures?.children ?? []) {
      if (c.type === 'signature') signed.push({party: c.party, partyCode: c.partyCode, role: c.role, name: c.name, nameRaw: c.nameRaw, start: startOf(c), end: endOf(c)})
    }
    return {
      conclusions: paragraphs(node.children),
      signatures: signed,
      signing: signing ? {text: toText(signing), start: startOf(signing), end: endOf(signing)} : null
    }
  }
}

interface JsonSignature {
  party: string | null
  partyCode: string | null
  role: string | null
  name: string | null
  nameRaw: string | null
  start: number
  end: number
}

interface JsonCitation {
  title: string
  target: string | null
  start: number
  end: number
}

interface JsonEntity {
  kind: string
  id: string
  href: string
  showAs: string
}

/** Citations in document order and the first mark of each entity, depth-first, parents before children. */
function gather(node: {type: string; children?: unknown[]}, citations: JsonCitation[], entities: Map<string, JsonEntity>): void {
  const type = node.type
  if (type === 'citation') {
    const citation = node as Citation
    citations.push({title: citation.title, target: citation.target, start: citation.position.start.offset!, end: citation.position.end.offset!})
  } else if (type === 'person' || type === 'role' || type === 'organization' || type === 'location') {
    const mark = node as EntityMark
    if (!entities.has(mark.ref)) entities.set(mark.ref, {kind: mark.type, id: mark.ref, href: mark.href, showAs: mark.showAs})
  }
  const children = node.children as Array<{type: string; children?: unknown[]}> | undefined
  if (children) for (let i = 0; i < children.length; i++) gather(children[i]!, citations, entities)
}

type Dated = keyof Document['meta']['dates']
const DATED: readonly Dated[] = ['signed', 'published', 'effective', 'work']

export function toJson(doc: Document): Record<string, unknown> {
  const {meta} = doc
  const preface = doc.children.find((s) => s.type === 'preface')
  // The last section of each type speaks for it.
  let preamble: ReturnType<typeof sectionHandlers.preamble> = {preamble: []}
  let body: ReturnType<typeof sectionHandlers.body> = {articles: [], chapters: [], paragraphs: []}
  let conclusions: ReturnType<typeof sectionHandlers.conclusions> = {conclusions: [], signatures: [], signing: null}
  for (const section of doc.children) {
    if (section.type === 'preamble') preamble = sectionHandlers.preamble(section)
    else if (section.type === 'body') body = sectionHandlers.body(section)
    else if (section.type === 'conclusions') conclusions = sectionHandlers.conclusions(section)
  }
  const citations: JsonCitation[] = []
  const entities = new Map<string, JsonEntity>()
  gather(doc, citations, entities)
  const sources: Record<string, unknown> = {}
  for (const key of DATED) {
    const value = meta.dates[key]
    if (value) sources[key] = value.from ? {source: value.source, text: value.text, start: value.start, end: value.end, from: value.from} : {source: value.source, text: value.text, start: value.start, end: value.end}
  }
  const fact = (value: typeof meta.dates.signed) => (value ? value.value : null)
  return {
    format: JSON_FORMAT,
    generator,
    id: meta.id,
    type: meta.docType,
    typeLabel: meta.docTypeLabel,
    title: meta.title,
    language: meta.language,
    dates: {
      signed: fact(meta.dates.signed),
      published: fact(meta.dates.published),
      effective: fact(meta.dates.effective),
      work: fact(meta.dates.work),
      sources
    },
    place: meta.place,
    parties: meta.parties,
    truncated: meta.truncated === true,
    preface: preface ? paragraphs(preface.children) : [],
    preamble: preamble.preamble,
    articles: body.articles,
    chapters: body.chapters,
    paragraphs: body.paragraphs,
    conclusions: conclusions.conclusions,
    signatures: conclusions.signatures,
    signing: conclusions.signing,
    citations,
    entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    stamps: meta.stamps,
    removed: meta.removed,
    source: meta.source
  }
}

export const jsonWriter: Writer = {
  name: 'json',
  directory: 'json',
  extension: '.json',
  mediaType: 'application/json',
  write(doc, context) {
    return utf8(JSON.stringify(toJson(boundDepth(doc, context)), null, 2), '\n')
  }
}
