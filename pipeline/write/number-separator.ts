/**
 * What official texts print between a number and its text: an ideographic
 * space after `第一条` and `第一章` (`第一条　双方…`), nothing after `一、` or
 * `（一）`, whose punctuation already separates. Shared by the PDF and Markdown
 * writers; the tree keeps only what the source printed.
 */
import type {Division} from '../tree/types.js'
import {toText} from '../tree/text.js'

/** Numbering styles (`rules/numbering.ts`) followed by an ideographic space. */
export const SPACED_STYLES: ReadonlySet<string> = new Set(['tiao', 'chapter'])

/** U+3000 after a `第一条`-style number, unless its text already starts with a space or there is none. */
export function numberSeparator(node: Division): string {
  if (!SPACED_STYLES.has(node.style)) return ''
  const next = node.children[1]
  if (!next || next.type !== 'paragraph') return ''
  const text = toText(next)
  return text === '' || /^[\s\u3000]/u.test(text) ? '' : '\u3000'
}
