/**
 * Cuts the block stream into documents. A document starts at its title: the
 * tail of a block that a page break follows, or a title-shaped line of its own.
 * A title printed twice (a forum thread title, then the article's own heading)
 * is one title; the repeat is recorded as a removal. Blocks before the first
 * title are page front matter.
 */
import type {Block} from './blocks.js'
import {isTitle, titleStart} from './titles.js'

export interface DocumentPlan {
  title: Block | null
  blocks: Block[]
}

export interface Plan {
  /** Blocks before the first title, when there is one. */
  front: Block[]
  /** Repeated titles, dropped. */
  repeated: Block[]
  documents: DocumentPlan[]
}

export function planDocuments(blocks: readonly Block[]): Plan {
  const front: Block[] = []
  const repeated: Block[] = []
  const documents: DocumentPlan[] = []
  let current = null as DocumentPlan | null
  const open = (title: Block): void => {
    current = {title, blocks: []}
    documents.push(current)
  }

  for (let i = 0; i < blocks.length; i++) {
    let block = blocks[i]!
    const next = blocks[i + 1]
    const doc: DocumentPlan | null = current
    if (next?.before === 'page') {
      const at = titleStart(block.text)
      if (at !== null) {
        if (at > 0) (doc ? doc.blocks : front).push(subBlock(block, 0, at))
        open(subBlock(block, at, block.text.length))
        continue
      }
    }
    const ownLine = block.before !== 'gap' && (next === undefined || next.before !== 'gap')
    if (ownLine && isTitle(block.text)) {
      if (doc && doc.blocks.length === 0 && doc.title && same(doc.title.text, block.text)) repeated.push(block)
      else open(block)
      continue
    }
    // `title 1992年1月20日于北京市`: the title repeated in a header line.
    if (doc && doc.blocks.length === 0 && doc.title && block.text.startsWith(doc.title.text)) {
      const rest = block.text.slice(doc.title.text.length)
      if (/^[\s\u3000]+\S/u.test(rest)) {
        repeated.push(subBlock(block, 0, doc.title.text.length))
        block = {...subBlock(block, doc.title.text.length, block.text.length), before: block.before}
      }
    }
    ;(doc ? doc.blocks : front).push(block)
  }

  if (documents.length === 0) return {front: [], repeated, documents: front.length > 0 ? [{title: null, blocks: front}] : []}
  return {front, repeated, documents}
}

function same(a: string, b: string): boolean {
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '')
}

/** The part `[from, to)` of a block's text, trimmed of layout. */
export function subBlock(block: Block, from: number, to: number): Block {
  let start = from
  let end = to
  while (start < end && /[\s\u3000\u00a0]/u.test(block.text[start]!)) start++
  while (end > start && /[\s\u3000\u00a0]/u.test(block.text[end - 1]!)) end--
  return {start: block.start + start, end: block.start + end, text: block.text.slice(start, end), before: from === 0 ? block.before : 'gap'}
}
