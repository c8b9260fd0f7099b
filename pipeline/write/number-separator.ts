/**
 * What official texts print between a number and its text: an ideographic
 * space after `第一条` and `第一章` (`第一条　双方…`), nothing after `一、` or
 * `（一）`, whose punctuation already separates, and a space in English
 * (`Article 1 Definitions`). Shared by the PDF and Markdown
 * writers; the tree keeps only what the source printed.
 */
import type {Division} from '../tree/types.js'
import {toText} from '../tree/text.js'

/** Numbering styles (`rules/numbering.ts`) followed by an ideographic space. */
export const SPACED_STYLES: ReadonlySet<string> = new Set(['tiao', 'chapter'])

/**
 * U+3000 after a `第一条`-style number; a space between a number and English
 * text (`Article 1 Definitions`, `I. General`), as English prints them; else
 * nothing. Nothing either when the text already starts with a space or there
 * is none.
 */
export function numberSeparator(node: Division): string {
  const next = node.children[1]
  if (!next || next.type !== 'paragraph') return ''
  const text = toText(next)
  if (text === '' || /^[\s\u3000]/u.test(text)) return ''
  if (SPACED_STYLES.has(node.style)) return '\u3000'
  return LATIN_NUMBER_END.test(toText(node.children[0])) && LATIN_TEXT_START.test(text) ? ' ' : ''
}

/** A number that ends as English numbers do (`Article 1`, `I.`, `(a)`), and text that opens in Latin script. */
const LATIN_NUMBER_END = /[A-Za-z0-9.):]$/
const LATIN_TEXT_START = /^[A-Za-z0-9"“‘'(]/
