/**
 * The writer contract. A writer turns one `Document` of the tree into the bytes
 * of one output file; it reads nothing but the tree and its context, never the
 * clock or the machine, so the same tree always gives the same bytes.
 */
import type {Point, Position} from 'unist'
import type {Document} from '../tree/types.js'

export interface WriteContext {
  /** Every document of the batch, in batch order (for cross-document facts). */
  readonly batch: readonly Document[]
  /** `SOURCE_DATE_EPOCH` in seconds when set, else null (writers then use the document's own dates). */
  readonly sourceDateEpoch: number | null
  /** Render `doc` in another registered format (the PDF writer attaches the AKN and JSON). Memoised per document. */
  render(format: string, doc: Document): Promise<Uint8Array>
  /**
   * Reports a warning of a writer (a character no font has, nesting flattened) as a vfile
   * message with a rule id and a place, on the file of `doc`. Optional, so hand-made contexts stay valid.
   */
  warn?(doc: Document, reason: string, options: {ruleId: string; place: Point | Position}): void
}

export interface Writer {
  /** Format name used by `--formats` (`json`, `md`, `akn`, `pdf`). */
  readonly name: string
  /** Output sub-folder under `--out`. */
  readonly directory: string
  /** File extension with its dot. */
  readonly extension: string
  /** Media type, for attachments and indexes. */
  readonly mediaType: string
  write(doc: Document, context: WriteContext): Uint8Array | Promise<Uint8Array>
  /**
   * Files about the whole collection (an index page, a feed), written into the
   * writer's folder after the documents; `documents` are those written in this format.
   */
  writeCollection?(documents: readonly Document[], context: WriteContext): CollectionFile[] | Promise<CollectionFile[]>
}

/** A collection file: `name` is relative to the writer's folder, `/`-separated. */
export interface CollectionFile {
  name: string
  bytes: Uint8Array
}
