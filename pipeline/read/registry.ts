/**
 * Readers, one per kind of input, in one registry keyed by name (as the
 * writers are): `text` for scraped plain text, `html` for saved web pages.
 * A reader turns the bytes into the decoded source (its own way of finding the
 * encoding) and the source into plain text mapped to it, with the markup it
 * removed recorded; from there every input goes through the same cleaning,
 * segmentation and accounting. A new kind of input is a new entry here.
 */
import path from 'node:path'
import type {MappedText} from '../text/mapped-text.js'
import type {MetaSpan, Removal} from '../tree/types.js'
import type {Decoded, DecodeOptions} from './decode.js'
import {htmlReader} from './html/index.js'
import {textReader} from './text.js'

/** The source as plain text: markup removed (and recorded), layout left as line breaks and gaps. */
export interface Markup {
  text: MappedText
  removed: Removal[]
  stamps: MetaSpan[]
  /** The language the input declares (`<html lang>`), if it declares one. */
  language: string | null
  /** May a line break be a hard wrap inside a paragraph (plain text), to be rejoined? */
  wrapped: boolean
  /** Why the reader fell back to a simpler reading, if it did. */
  warning?: string
}

export interface ReaderDecoded {
  decoded: Decoded
  /** How the encoding was chosen, when that is worth telling (a declaration the bytes contradict). */
  notes: string[]
}

export interface Reader {
  name: string
  /** Extensions (lower case, no dot) of the files this reader takes. */
  extensions: readonly string[]
  /** Does the start of the content show this kind, whatever the file is called? */
  sniff(bytes: Uint8Array): boolean
  decode(bytes: Uint8Array, options: DecodeOptions): ReaderDecoded
  markup(source: string): Markup
}

export const readers: Readonly<Record<string, Reader>> = {
  html: htmlReader,
  text: textReader
}

export function getReader(name: string): Reader {
  const reader = Object.hasOwn(readers, name) ? readers[name] : undefined
  if (!reader) throw new Error(`Unknown reader ${JSON.stringify(name)}; known: ${Object.keys(readers).join(', ')}`)
  return reader
}

/**
 * The reader for an input: the content decides first (a page that starts with
 * `<!DOCTYPE html>` is a page whatever its name), then the extension, else text.
 */
export function chooseReader(file: string | undefined, bytes: Uint8Array): Reader {
  for (const reader of Object.values(readers)) if (reader.sniff(bytes)) return reader
  const extension = path.extname(file ?? '').slice(1).toLowerCase()
  for (const reader of Object.values(readers)) if (reader.extensions.includes(extension)) return reader
  return textReader
}
