/**
 * HTML remnants in scraped text (the text reader's; saved web pages have their own
 * reader, `read/html/`): tags are removed (block tags leave a line break behind),
 * entities are decoded. Reads and writes a `MappedText`; every tag and every
 * entity that stands for layout is recorded as a removal.
 */
import type {MappedText} from '../text/mapped-text.js'
import type {Removal} from '../tree/types.js'

/** Tags that end a paragraph or line when rendered. */
const BLOCK_TAGS = new Set(['p', 'br', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'hr'])

/** Named entities seen in scraped pages; numeric ones are decoded generally. */
const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u3000', thinsp: '\u2009', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', mdash: '—', ndash: '–', hellip: '…', copy: '©', reg: '®', times: '×'
}

// A tag (bounded so a stray `<` cannot scan the whole input), a comment (which
// stops at the next `<!--`, so that a run of unclosed comments is scanned once), an
// escaped line-break tag, or an entity.
const HTML = /<\/?([a-zA-Z][a-zA-Z0-9]{0,10})\b[^<>]{0,500}>|<!--(?:(?!-->|<!--)[^]){0,2000}-->|&lt;\/?(br|p)[ \/]{0,3}&gt;|&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g

export function stripHtml(input: MappedText, source: string, removed: Removal[]): MappedText {
  if (!/[<&]/.test(input.text)) return input
  let builder: ReturnType<MappedText['edit']> | undefined
  for (const match of input.text.matchAll(HTML)) {
    const start = match.index
    const end = start + match[0].length
    const [, tag, escapedTag, entity] = match
    let rule: string
    if (entity !== undefined) {
      const decoded = decodeEntity(entity)
      if (decoded === undefined) continue
      if (/^\s$/u.test(decoded)) {
        // A space entity is layout: record the markup, leave the space.
        rule = 'html-entity-space'
        builder ??= input.edit()
        builder.keep(builder.cursor, start)
        record(input, source, start, end, rule, removed)
        builder.replace(start, end, '')
        builder.insert(end, decoded)
        continue
      }
      builder ??= input.edit()
      builder.keep(builder.cursor, start)
      builder.replace(start, end, decoded)
      continue
    }
    const name = (tag ?? escapedTag ?? '').toLowerCase()
    rule = escapedTag !== undefined ? 'html-escaped-tag' : name === '' ? 'html-comment' : 'html-tag'
    builder ??= input.edit()
    builder.keep(builder.cursor, start)
    record(input, source, start, end, rule, removed)
    builder.replace(start, end, '')
    if (BLOCK_TAGS.has(name)) builder.insert(end, '\n')
  }
  return builder ? builder.finish() : input
}

function record(input: MappedText, source: string, start: number, end: number, rule: string, removed: Removal[]): void {
  for (const [from, to] of input.sourceRanges(start, end)) removed.push({rule, text: source.slice(from, to), start: from, end: to})
}

function decodeEntity(entity: string): string | undefined {
  if (entity.startsWith('#x')) return safeCodePoint(Number.parseInt(entity.slice(2), 16))
  if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10))
  return ENTITIES[entity] ?? ENTITIES[entity.toLowerCase()]
}

function safeCodePoint(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
  return String.fromCodePoint(code)
}
