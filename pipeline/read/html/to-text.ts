/**
 * A saved web page → the plain text the rest of the pipeline reads, mapped
 * character by character to the page's source.
 *
 * The page is parsed by a real HTML parser (`hast-util-from-html`, parse5:
 * the WHATWG algorithm, with source positions). Walking the tree in document
 * order gives a list of events in source offsets: text to keep, spans to
 * remove whole (scripts, styles, comments, chrome, the `<title>` when the page
 * has an `<h1>`), spans kept as metadata (a tool bar's date, a treaty
 * database's 签订日期 field), and layout breaks (a block element ends a line,
 * a table cell leaves a gap of two spaces so a signature table arrives as the
 * rows of cells the signature reader knows). Whatever source lies between the
 * events is markup (tags, the doctype) and is recorded as `html-tag`. So every
 * source character ends in the text, a removal or a stamp: nothing is lost.
 *
 * White space collapses as a browser collapses it: a run is one space, or
 * nothing at the edge of a block or where a line break falls between two CJK
 * characters; `<pre>` keeps it. Character references decode one for one
 * (`&amp;` is content mapped to its five characters); a space reference
 * (`&nbsp;`, `&#12288;`) is layout: its markup is recorded and the space is
 * left for the segmenter, like the text reader does.
 */
import {fromHtml} from 'hast-util-from-html'
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {MappedText} from '../../text/mapped-text.js'
import type {MetaSpan, Removal} from '../../tree/types.js'
import {parseDate} from '../../recognize/dates.js'
import {CHROME_STAMP_DATE, NON_TEXT_ELEMENTS} from '../../rules/html-chrome.js'
import {ChromeFinder, visibleText} from './chrome.js'
import {metadataTable, type MetadataCell} from './metadata.js'
import {textStart, tokenize} from './tokens.js'
import type {Markup} from '../registry.js'

/** Elements that start and end a line when rendered. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'title', 'tr', 'ul', 'xmp'
])
/** The page itself: never removed as chrome, whatever its class. */
const NEVER_CHROME = new Set(['html', 'body', 'main'])
const CELLS = new Set(['td', 'th'])
const PREFORMATTED = new Set(['pre', 'listing', 'plaintext', 'xmp', 'textarea'])
/** Title parts are cut at these separators: `Joint Statement - Wikisource`, `联合声明_外交部`. */
const TITLE_SEPARATOR = /\s*[_|｜]\s*|\s+[-—–]\s+|\s*——\s*/g

type Event =
  | {kind: 'text'; start: number; end: number; value: string; pre: boolean}
  | {kind: 'remove'; start: number; end: number; rule: string}
  | {kind: 'stamp'; start: number; end: number; stamp: MetaSpan['kind']}
  | {kind: 'break'; start: number; end: number; strength: 1 | 2}

const GAP = 1
const LINE = 2

export function htmlToText(source: string): Markup {
  const tree = fromHtml(source)
  const chrome = new ChromeFinder(tree)
  const walker = new Walker(source, chrome, tree)
  for (const child of tree.children) walker.node(child, false)
  // Line breaks here end blocks the page marked up: they are never hard wraps to rejoin.
  return {...render(source, walker.events), language: walker.language, wrapped: false}
}

class Walker {
  readonly events: Event[] = []
  language: string | null = null
  readonly #titleMode: 'emit' | 'remove'

  constructor(
    readonly source: string,
    readonly chrome: ChromeFinder,
    tree: Root
  ) {
    this.#titleMode = chrome.page.h1 ? 'remove' : titleAlreadyShown(tree) ? 'remove' : 'emit'
  }

  node(node: RootContent | ElementContent, pre: boolean): void {
    if (node.type === 'text') {
      const span = spanOf(node)
      if (span) this.events.push({kind: 'text', start: textStart(this.source, span[0], span[1], node.value), end: span[1], value: node.value, pre})
      return
    }
    if (node.type === 'comment') {
      this.#remove(node, 'html-comment')
      return
    }
    if (node.type === 'element') this.#element(node, pre)
  }

  #element(element: Element, pre: boolean): void {
    const tag = element.tagName
    if (tag === 'html') this.language = languageOf(element)
    const nonText = NON_TEXT_ELEMENTS[tag]
    if (nonText !== undefined) {
      this.#remove(element, nonText)
      return
    }
    if (tag === 'head') {
      for (const child of element.children) {
        if (child.type === 'text' && child.value.trim() === '') continue
        if (child.type === 'element' && child.tagName === 'title') this.#title(child)
        else this.#remove(child, child.type === 'comment' ? 'html-comment' : NON_TEXT_ELEMENTS[child.type === 'element' ? child.tagName : ''] ?? 'html-head')
      }
      return
    }
    if (tag === 'title') {
      this.#title(element)
      return
    }
    // A metadata table or list (签订日期 | …) is about the document: its dates are stamps, before any chrome rule sees its class.
    if (tag === 'table' || tag === 'dl') {
      const rows = metadataTable(element)
      if (rows) {
        this.#break(element, LINE, 'start')
        this.#metadata(rows)
        this.#break(element, LINE, 'end')
        return
      }
    }
    const verdict = NEVER_CHROME.has(tag) ? null : this.chrome.verdict(element)
    if (verdict) {
      this.#break(element, LINE, 'start')
      if (verdict.stamp) this.#stampChrome(element, verdict.rule)
      else this.#remove(element, verdict.rule)
      this.#break(element, LINE, 'end')
      return
    }
    if (tag === 'br') {
      this.#break(element, LINE, 'start')
      return
    }
    const strength = CELLS.has(tag) ? GAP : BLOCKS.has(tag) ? LINE : 0
    if (strength) this.#break(element, strength, 'start')
    const inner = pre || PREFORMATTED.has(tag)
    // A row whose cells hold lines (`角色<br>姓名`) cannot be one line of cells: its cells follow one another, column by column.
    if (tag === 'tr' && element.children.some((cell) => cell.type === 'element' && CELLS.has(cell.tagName) && holdsLines(cell))) {
      for (const child of element.children) {
        if (child.type === 'element' && CELLS.has(child.tagName)) this.#break(child, LINE, 'start')
        this.node(child, inner)
        if (child.type === 'element' && CELLS.has(child.tagName)) this.#break(child, LINE, 'end')
      }
      this.#break(element, LINE, 'end')
      return
    }
    for (const child of element.children) this.node(child, inner)
    if (strength) this.#break(element, strength, 'end')
  }

  /** `<title>`: the document's title when the page shows none, else removed; a site name after a separator is removed. */
  #title(title: Element): void {
    const span = spanOf(title)
    if (!span) return
    const text = title.children.find((c) => c.type === 'text')
    const textSpan = text ? spanOf(text) : undefined
    if (this.#titleMode === 'remove' || !text || text.type !== 'text' || !textSpan || this.source.slice(textSpan[0], textSpan[1]) !== text.value) {
      this.#removeSpan(span[0], span[1], 'html-title')
      return
    }
    const best = longestPart(text.value)
    this.events.push({kind: 'break', start: textSpan[0], end: textSpan[0], strength: LINE})
    if (best[0] > 0) this.#removeSpan(textSpan[0], textSpan[0] + best[0], 'html-title-suffix')
    this.events.push({kind: 'text', start: textSpan[0] + best[0], end: textSpan[0] + best[1], value: text.value.slice(best[0], best[1]), pre: false})
    if (best[1] < text.value.length) this.#removeSpan(textSpan[0] + best[1], textSpan[1], 'html-title-suffix')
    this.events.push({kind: 'break', start: textSpan[1], end: textSpan[1], strength: LINE})
  }

  /** A chrome element whose full date is the page's publication stamp: the date is kept as metadata. */
  #stampChrome(element: Element, rule: string): void {
    const span = spanOf(element)
    if (!span) return
    for (const text of textNodes(element)) {
      const textSpan = spanOf(text)
      if (!textSpan || this.source.slice(textSpan[0], textSpan[1]) !== text.value) continue
      CHROME_STAMP_DATE.lastIndex = 0
      const date = CHROME_STAMP_DATE.exec(text.value)
      if (!date) continue
      const start = textSpan[0] + date.index
      const end = start + date[0].length
      this.#removeSpan(span[0], start, rule)
      this.events.push({kind: 'stamp', start, end, stamp: 'publicationDate'})
      this.#removeSpan(end, span[1], rule)
      return
    }
    this.#removeSpan(span[0], span[1], rule)
  }

  #metadata(rows: ReadonlyArray<{label: MetadataCell; value: MetadataCell | null}>): void {
    for (const {label, value} of rows) {
      this.#cell(label, null)
      if (value) this.#cell(value, label.kind)
    }
  }

  /** A field's label is recorded as removed; a date value is a stamp of its kind, any other value is removed. */
  #cell(cell: MetadataCell, kind: MetaSpan['kind'] | null): void {
    const texts = textNodes(cell.element).map(spanOf).filter((s): s is [number, number] => s !== undefined)
    if (texts.length === 0) return
    const start = texts[0]![0]
    const end = texts[texts.length - 1]![1]
    // A date field with a date, or the place of signing, is metadata with its source span.
    const keep = kind === 'signedPlace' ? visibleText(cell.element).trim() !== '' : kind !== null && parseDate(visibleText(cell.element)) !== null
    if (kind !== null && keep) this.events.push({kind: 'stamp', start, end, stamp: kind})
    else this.#removeSpan(start, end, 'html-metadata-field')
  }

  #remove(node: RootContent | ElementContent, rule: string): void {
    const span = spanOf(node)
    if (span) this.#removeSpan(span[0], span[1], rule)
  }

  #removeSpan(start: number, end: number, rule: string): void {
    if (end > start) this.events.push({kind: 'remove', start, end, rule})
  }

  #break(element: Element, strength: 1 | 2, side: 'start' | 'end'): void {
    const span = spanOf(element)
    if (!span) return
    const at = side === 'start' ? span[0] : span[1]
    this.events.push({kind: 'break', start: at, end: at, strength})
  }
}

/**
 * The source span of a node. Elements the parser implied (`<tbody>`) have no
 * position: their children's span is theirs; an element closed by another
 * tag ends with its last child.
 */
function spanOf(node: RootContent | ElementContent | Element): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (node.type !== 'element') return start === undefined || end === undefined ? undefined : [start, end]
  if (start !== undefined && end !== undefined) {
    // Only the last child can reach past an end the parser implied (text after `</html>` joins the body).
    const last = node.children.length > 0 ? spanOf(node.children[node.children.length - 1]!) : undefined
    return [start, Math.max(end, last?.[1] ?? end)]
  }
  let first: number | undefined
  let last: number | undefined
  for (const child of node.children) {
    const span = spanOf(child)
    if (!span) continue
    first ??= span[0]
    last = Math.max(last ?? span[1], span[1])
  }
  return first === undefined || last === undefined ? undefined : [first, last]
}

/** Does a cell break into lines (a `<br>` or a block inside)? */
function holdsLines(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'br' || BLOCKS.has(child.tagName) || holdsLines(child)))
}

function textNodes(node: Element | ElementContent): Array<ElementContent & {type: 'text'}> {
  if (node.type === 'text') return [node]
  if (node.type !== 'element' || Object.hasOwn(NON_TEXT_ELEMENTS, node.tagName)) return []
  return node.children.flatMap(textNodes)
}

function languageOf(element: Element): string | null {
  const lang = element.properties['lang'] ?? element.properties['xmlLang'] ?? element.properties['xml:lang']
  return typeof lang === 'string' && lang.trim() !== '' ? lang.trim() : null
}

/** `[start, end)` of the longest part of a `<title>` cut at its separators. */
function longestPart(title: string): [number, number] {
  let best: [number, number] = [0, title.length]
  let bestLength = -1
  let from = 0
  const consider = (start: number, end: number): void => {
    const part = title.slice(start, end)
    const trimmedStart = start + (part.length - part.trimStart().length)
    const trimmedEnd = end - (part.length - part.trimEnd().length)
    const length = trimmedEnd - trimmedStart
    if (length > bestLength) {
      best = [trimmedStart, trimmedEnd]
      bestLength = length
    }
  }
  for (const match of title.matchAll(TITLE_SEPARATOR)) {
    consider(from, match.index)
    from = match.index + match[0].length
  }
  consider(from, title.length)
  return best
}

/** Does the body already show the `<title>`'s main part (a `<div class="title">` instead of an `<h1>`)? */
function titleAlreadyShown(tree: Root): boolean {
  let title = ''
  let body = ''
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'element' && node.tagName === 'title') {
      title = visibleText(node)
      return
    }
    if (node.type === 'element' && node.tagName === 'body') {
      body = visibleText(node)
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  const [start, end] = longestPart(title)
  const main = title.slice(start, end).replace(/\s+/gu, '')
  return main !== '' && body.replace(/\s+/gu, '').includes(main)
}

// ------------------------------------------------------------ rendering

/** The events, in source order, → the mapped text: markup between them recorded, white space collapsed, breaks inserted. */
function render(source: string, events: Event[]): Pick<Markup, 'text' | 'removed' | 'stamps'> {
  const ordered = events.map((event, index) => ({event, index})).sort((a, b) => a.event.start - b.event.start || a.index - b.index)
  const removed: Removal[] = []
  const stamps: MetaSpan[] = []
  const input = MappedText.identity(source)
  const builder = input.edit()
  let cursor = 0
  let pendingBreak = 0
  let pendingSpace = null as {newline: boolean} | null
  let last = ''
  let started = false

  const remove = (start: number, end: number, rule: string): void => {
    if (end <= start) return
    const text = source.slice(start, end)
    if (rule === 'html-tag' && text.trim() === '') return
    const previous = removed[removed.length - 1]
    if (previous && previous.rule === rule && previous.end === start) {
      previous.end = end
      previous.text += text
    } else removed.push({rule, text, start, end})
    builder.replace(start, end, '')
  }
  const markupUpTo = (offset: number): void => {
    if (offset > cursor) remove(cursor, offset, 'html-tag')
    cursor = Math.max(cursor, offset)
  }
  /** Layout owed before the next visible character at `at`. */
  const before = (at: number, next: string): void => {
    if (started && pendingBreak) {
      builder.insert(at, pendingBreak === LINE ? '\n' : '  ')
      last = '\n'
    } else if (started && pendingSpace && last !== '\n' && last !== ' ' && !(pendingSpace.newline && cjk(last) && cjk(next))) {
      builder.insert(at, ' ')
      last = ' '
    }
    pendingBreak = 0
    pendingSpace = null
  }

  const done = new Set<Event>()
  const removeOrStamp = (event: Event & {kind: 'remove' | 'stamp'}, start: number, end: number): void => {
    if (event.kind === 'remove') remove(start, end, event.rule)
    else {
      const text = source.slice(start, end)
      stamps.push({kind: event.stamp, text, value: event.stamp === 'signedPlace' ? null : (parseDate(text)?.iso ?? null), start, end})
      builder.replace(start, end, '')
    }
    cursor = Math.max(cursor, end)
  }
  for (let n = 0; n < ordered.length; n++) {
    const {event} = ordered[n]!
    if (done.has(event)) continue
    if (event.kind === 'break') {
      pendingBreak = Math.max(pendingBreak, event.strength)
      continue
    }
    // The parser may place an end past the input (a comment left open at the end of the file).
    const end = Math.min(event.end, source.length)
    markupUpTo(Math.min(event.start, end))
    const start = Math.max(event.start, cursor)
    if (end <= start) continue
    if (event.kind === 'remove' || event.kind === 'stamp') removeOrStamp(event, start, end)
    else {
      // Nodes the parser placed inside this text's span (text moved out of a table around a `<style>`) are holes in it.
      const holes: Array<Event & {kind: 'remove' | 'stamp'}> = []
      for (let k = n + 1; k < ordered.length && ordered[k]!.event.start < end; k++) {
        const inner = ordered[k]!.event
        if (inner.kind === 'remove' || inner.kind === 'stamp') holes.push(inner)
      }
      const tokens = start === event.start
        ? tokenize(source, start, end, event.value, holes.map((h) => [h.start, Math.min(h.end, source.length)] as const))
        : [{kind: 'literal' as const, start, end}]
      for (const token of tokens) {
        if (token.kind === 'hole') {
          const hole = holes[token.index]!
          removeOrStamp(hole, token.start, Math.min(hole.end, source.length))
          done.add(hole)
        } else if (token.kind === 'space') {
          if (event.pre) {
            before(token.start, '\n')
            builder.replace(token.start, token.end, source.slice(token.start, token.end).replace(/\r\n?/g, '\n'))
            last = '\n'
            started = true
          } else pendingSpace = {newline: (pendingSpace?.newline ?? false) || token.newline}
        } else if (token.kind === 'literal') {
          before(token.start, source[token.start]!)
          builder.keep(token.start, token.end)
          last = source[token.end - 1]!
          started = true
        } else if (token.kind === 'markup') {
          remove(token.start, token.end, 'html-tag')
        } else if (token.kind === 'whole' && /^[\s\u3000\u00a0\u200b]*$/u.test(token.value)) {
          // White space the parser gathered across ignored tags (`</body>\n</html>\n`): the tags are markup.
          remove(token.start, token.end, 'html-tag')
          if (/^[ \t\n\r\f]*$/.test(token.value)) pendingSpace = {newline: true}
          else {
            before(token.end, token.value)
            builder.insert(token.end, token.value)
            last = token.value[token.value.length - 1]!
            started = true
          }
        } else if (token.kind === 'reference' && /^[\s\u3000\u00a0\u200b]+$/u.test(token.value)) {
          // A space reference is layout: its markup is recorded, the space stays for the segmenter.
          remove(token.start, token.end, 'html-entity-space')
          if (/^[ \t\n\r\f]+$/.test(token.value) && !event.pre) pendingSpace = {newline: (pendingSpace?.newline ?? false) || token.value.includes('\n')}
          else {
            before(token.end, token.value)
            builder.insert(token.end, token.value)
            last = token.value[token.value.length - 1]!
            started = true
          }
        } else {
          before(token.start, token.value[0] ?? '')
          builder.replace(token.start, token.end, token.value)
          last = token.value[token.value.length - 1] ?? last
          started = true
        }
      }
    }
    cursor = Math.max(cursor, end)
  }
  markupUpTo(source.length)
  return {text: builder.finish(), removed, stamps}
}

function cjk(char: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(char)
}
