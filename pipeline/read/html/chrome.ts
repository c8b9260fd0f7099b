/**
 * Which elements of a page are chrome: the rule table (`rules/html-chrome.ts`)
 * applied to each element with the counts it needs, gathered once bottom-up:
 * visible characters (white space not counted, every CJK character one),
 * characters inside links, number of links, and whether the page's `<h1>` is inside.
 */
import type {Element, ElementContent, Root} from 'hast'
import {
  chromeRules,
  GUARD_MIN,
  GUARD_SHARE,
  LINK_CONTAINERS,
  LINK_DENSITY,
  LINK_DENSITY_LOOSE,
  LINK_LOOSE_TEXT,
  NON_TEXT_ELEMENTS,
  type ChromeRule
} from '../../rules/html-chrome.js'

export interface Counts {
  chars: number
  linkChars: number
  links: number
  h1: boolean
}

export interface ChromeVerdict {
  /** Recorded as the removal's rule. */
  rule: string
  /** Keep a full date inside as the publication stamp. */
  stamp: boolean
}

export class ChromeFinder {
  readonly #counts = new Map<Element, Counts>()
  readonly #page: Counts

  constructor(root: Root) {
    this.#page = {chars: 0, linkChars: 0, links: 0, h1: false}
    for (const child of root.children) if (child.type === 'element') add(this.#page, this.#count(child, false))
  }

  get page(): Counts {
    return this.#page
  }

  counts(element: Element): Counts {
    return this.#counts.get(element) ?? {chars: 0, linkChars: 0, links: 0, h1: false}
  }

  /** The chrome rule that removes `element` whole, or null when it may hold content. */
  verdict(element: Element): ChromeVerdict | null {
    const counts = this.counts(element)
    const own = counts.chars - counts.linkChars
    const pageOwn = this.#page.chars - this.#page.linkChars
    if (own >= GUARD_MIN && own >= GUARD_SHARE * pageOwn) return null
    const tokens = hintTokens(element)
    const role = typeof element.properties['role'] === 'string' ? element.properties['role'].toLowerCase() : ''
    let text: string | undefined
    for (const rule of chromeRules) {
      if (rule.id === 'header' && counts.h1) continue
      if (matchesStructure(rule, element.tagName, role, tokens, counts.chars)) return {rule: `html-chrome-${rule.id}`, stamp: rule.stamp === true}
      if (rule.text && counts.chars > 0 && counts.chars <= (rule.maxText ?? 0)) {
        text ??= visibleText(element).replace(/\s+/gu, '')
        if (rule.text.test(text)) return {rule: `html-chrome-${rule.id}`, stamp: rule.stamp === true}
      }
    }
    if (LINK_CONTAINERS.has(element.tagName) && counts.links >= 2 && counts.chars > 0 && !counts.h1) {
      const density = counts.linkChars / counts.chars
      if (density >= LINK_DENSITY || (density >= LINK_DENSITY_LOOSE && own <= LINK_LOOSE_TEXT)) return {rule: 'html-chrome-links', stamp: false}
    }
    return null
  }

  #count(element: Element, inLink: boolean): Counts {
    const counts: Counts = {chars: 0, linkChars: 0, links: 0, h1: element.tagName === 'h1'}
    if (Object.hasOwn(NON_TEXT_ELEMENTS, element.tagName)) {
      this.#counts.set(element, counts)
      return counts
    }
    const link = element.tagName === 'a' && element.properties['href'] !== undefined
    if (link) counts.links++
    for (const child of element.children) {
      if (child.type === 'text') {
        const n = visibleLength(child.value)
        counts.chars += n
        if (inLink || link) counts.linkChars += n
      } else if (child.type === 'element') add(counts, this.#count(child, inLink || link))
    }
    // A logo in an `<h1>` (an image, no text) is not the page's heading.
    if (element.tagName === 'h1' && counts.chars === 0) counts.h1 = false
    this.#counts.set(element, counts)
    return counts
  }
}

function add(into: Counts, counts: Counts): void {
  into.chars += counts.chars
  into.linkChars += counts.linkChars
  into.links += counts.links
  into.h1 ||= counts.h1
}

function matchesStructure(rule: ChromeRule, tag: string, role: string, tokens: readonly string[], chars: number): boolean {
  // A stamp-keeping hint (`info`, `time`) names big wrappers too: only a short element is a tool bar.
  if (rule.stamp && chars > (rule.maxText ?? Infinity)) return false
  if (rule.tags?.includes(tag)) return true
  if (role !== '' && rule.roles?.includes(role)) return true
  return rule.hint !== undefined && tokens.some((token) => rule.hint!.test(token))
}

/** `class` and `id` split into tokens: `article-share bar` → article, share, bar, article-share. */
function hintTokens(element: Element): string[] {
  const tokens: string[] = []
  const classes = element.properties['className']
  const words = [...(Array.isArray(classes) ? classes.map(String) : []), ...(typeof element.properties['id'] === 'string' ? [element.properties['id']] : [])]
  for (const word of words) {
    const lower = word.toLowerCase()
    tokens.push(lower)
    for (const part of lower.split(/[-_]+/)) if (part !== lower && part !== '') tokens.push(part)
  }
  return tokens
}

/** Characters a reader sees: white space does not count, a CJK character counts one. */
function visibleLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code <= 0x20 || code === 0xa0 || code === 0x3000 || (code >= 0xdc00 && code <= 0xdfff)) continue
    n++
  }
  return n
}

/** The element's text as the page shows it (scripts and styles left out). */
export function visibleText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' || Object.hasOwn(NON_TEXT_ELEMENTS, node.tagName)) return ''
  let text = ''
  for (const child of node.children) text += visibleText(child)
  return text
}
