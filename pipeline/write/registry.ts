/**
 * The writer registry: format name → writer. The CLI's `--formats` and the
 * writers' own `context.render` look formats up here and nowhere else.
 * Adding a format is one import and one entry.
 */
import type {Writer} from './types.js'
import {aknWriter} from './akn/index.js'
import {jsonWriter} from './json/index.js'
import {markdownWriter} from './markdown/index.js'
import {pdfWriter} from './pdf/index.js'
import {htmlWriter} from './html/index.js'

export const writers: ReadonlyMap<string, Writer> = new Map(
  [jsonWriter, markdownWriter, aknWriter, pdfWriter, htmlWriter].map((writer) => [writer.name, writer])
)

export function getWriter(name: string): Writer {
  const writer = writers.get(name)
  if (!writer) {
    throw new Error(`Unknown format \`${name}\`, expected one of: ${[...writers.keys()].join(', ')}`)
  }
  return writer
}
