/**
 * The text reader: scraped plain text. The encoding is detected (`decode.ts`);
 * line breaks are unified and HTML remnants a scraper left in the text
 * (`<p>`, `&nbsp;`, `&lt;br&gt;`) are stripped and recorded.
 */
import {MappedText} from '../text/mapped-text.js'
import {stripHtml} from '../clean/html.js'
import {normalizeLineBreaks} from '../clean/normalize.js'
import type {Removal} from '../tree/types.js'
import {decode} from './decode.js'
import type {Markup, Reader} from './registry.js'

export function textMarkup(source: string): Markup {
  const removed: Removal[] = []
  const text = stripHtml(normalizeLineBreaks(MappedText.identity(source)), source, removed)
  return {text, removed, stamps: [], language: null, wrapped: true}
}

export const textReader: Reader = {
  name: 'text',
  extensions: ['txt', 'text'],
  sniff: () => false,
  decode: (bytes, options) => ({decoded: decode(bytes, options), notes: []}),
  markup: textMarkup
}
