/**
 * Several documents of one input on standard output, in order: Markdown
 * separated by a thematic break, JSON as one array. Other formats write one
 * document per file, so they return null and the caller asks for `--out`.
 */
const decoder = new TextDecoder()
const encoder = new TextEncoder()

/** A thematic break that cannot be read as the `---` fence of the next document's front matter. */
export const MARKDOWN_SEPARATOR = '\n***\n\n'

export function concatenate(format: string, rendered: readonly Uint8Array[]): Uint8Array | null {
  if (rendered.length === 1) return rendered[0]!
  if (format === 'md') return encoder.encode(rendered.map((bytes) => decoder.decode(bytes)).join(MARKDOWN_SEPARATOR))
  if (format === 'json') return encoder.encode(JSON.stringify(rendered.map((bytes) => JSON.parse(decoder.decode(bytes)) as unknown), null, 2) + '\n')
  return null
}
