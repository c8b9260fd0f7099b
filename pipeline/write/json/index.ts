/**
 * JSON writer: one object per document, described by `schema/document.schema.json`
 * (JSON Schema 2020-12). Field names are a public contract (other tools read
 * `id`, `dates.signed`, `articles[].value`, …); a change to them is a new
 * `format` version. One builder per section type.
 */
import type {Position} from 'unist'
import type {Body, Conclusions, Division, Document, EntityMark, Inline, Paragraph, Preamble, Signatures} from '../../tree/types.js'
import {divisionsOf, paragraphsOf, toText} from '../../tree/text.js'
import type {Writer} from '../types.js'
import {boundDepth} from '../bounded-depth.js'
import {walk} from '../../tree/walk.js'
import {generator} from '../../version.js'

export const JSON_FORMAT = 'diptext-document/2'

/** Offsets of a node in the decoded input. */
function span(node: {position: Position}): {start: number; end: number} {
  return {start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0}
}

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

function paragraph(node: Paragraph): JsonParagraph {
  return node.role ? {text: toText(node), role: node.role, ...span(node)} : {text: toText(node), ...span(node)}
}

function division(node: Division): JsonDivision {
  return {
    kind: node.type,
    num: node.children[0].value,
    value: node.ordinal,
    style: node.style,
    paragraphs: paragraphsOf(node).map(paragraph),
    points: divisionsOf(node).map(division),
    ...span(node)
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
        const inner = divisionsOf(child).map(division)
        articles.push(...inner)
        chapters.push({...division(child), points: [], articles: inner})
      } else articles.push(division(child))
    }
    return {articles, chapters, paragraphs}
  },
  conclusions: (node: Conclusions) => {
    const signatures = node.children.find((c): c is Signatures => c.type === 'signatures')
    const signing = signatures?.children.find((c) => c.type === 'signing')
    return {
      conclusions: node.children.filter((c): c is Paragraph => c.type === 'paragraph').map(paragraph),
      signatures: (signatures?.children ?? []).flatMap((c) =>
        c.type === 'signature' ? [{party: c.party, partyCode: c.partyCode, role: c.role, name: c.name, nameRaw: c.nameRaw, ...span(c)}] : []
      ),
      signing: signing ? {text: toText(signing), ...span(signing)} : null
    }
  }
}

export function toJson(doc: Document): Record<string, unknown> {
  const {meta} = doc
  const preface = doc.children.find((s) => s.type === 'preface')
  const parts: Record<string, unknown> = {preamble: [], articles: [], chapters: [], paragraphs: [], conclusions: [], signatures: [], signing: null}
  for (const section of doc.children) {
    if (section.type === 'preamble') Object.assign(parts, sectionHandlers.preamble(section))
    else if (section.type === 'body') Object.assign(parts, sectionHandlers.body(section))
    else if (section.type === 'conclusions') Object.assign(parts, sectionHandlers.conclusions(section))
  }
  const citations: Array<{title: string; target: string | null; start: number; end: number}> = []
  const entities = new Map<string, {kind: string; id: string; href: string; showAs: string}>()
  walk(doc, (node) => {
    const inline = node as Inline
    if (inline.type === 'citation') citations.push({title: inline.title, target: inline.target, start: inline.position.start.offset!, end: inline.position.end.offset!})
    if (inline.type === 'person' || inline.type === 'role' || inline.type === 'organization' || inline.type === 'location') {
      const mark = inline as EntityMark
      if (!entities.has(mark.ref)) entities.set(mark.ref, {kind: mark.type, id: mark.ref, href: mark.href, showAs: mark.showAs})
    }
  })
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
      sources: Object.fromEntries(
        (['signed', 'published', 'effective', 'work'] as const).flatMap((key) => {
          const value = meta.dates[key]
          return value ? [[key, {source: value.source, text: value.text, start: value.start, end: value.end, ...(value.from ? {from: value.from} : {})}]] : []
        })
      )
    },
    place: meta.place,
    parties: meta.parties,
    truncated: meta.truncated === true,
    preface: preface ? preface.children.flatMap((c) => (c.type === 'paragraph' ? [paragraph(c)] : [])) : [],
    ...parts,
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
    return new TextEncoder().encode(JSON.stringify(toJson(boundDepth(doc, context)), null, 2) + '\n')
  }
}
