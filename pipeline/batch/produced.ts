/**
 * The document files a run produced, one row per file, kept in columns until
 * the manifest is written. An archive has three or four files per document;
 * as objects, each with its hex digest and path, a row weighs about 230 bytes,
 * the largest thing a run keeps. Here a row weighs about 60: the digest as 32
 * bytes, the size as a number, the format as a byte, the strings shared with
 * the index entry, and the path made again from the stem when it is where the
 * format puts it (`pathOf`).
 */
import type {ProducedFile} from './manifest.js'

const HEX = /^[0-9a-f]{64}$/

export class ProducedList implements Iterable<ProducedFile> {
  readonly #pathOf: (format: string, slug: string) => string | null
  readonly #formats: string[] = []
  #format = new Uint8Array(256)
  #size = new Float64Array(256)
  #digest = new Uint8Array(32 * 256)
  readonly #slug: string[] = []
  readonly #document: Array<string | null> = []
  readonly #source: Array<string | null> = []
  /** Paths and digests not of the usual form, by row. */
  readonly #paths = new Map<number, string>()
  readonly #digests = new Map<number, string>()
  #length = 0

  /** `pathOf`: where a document's file of a format goes, from its stem (null: nowhere usual; every path is kept). */
  constructor(pathOf: (format: string, slug: string) => string | null = () => null) {
    this.#pathOf = pathOf
  }

  get length(): number {
    return this.#length
  }

  push(file: ProducedFile): void {
    const row = this.#length
    if (row === this.#size.length) this.#grow()
    let format = this.#formats.indexOf(file.format)
    if (format === -1) {
      if (this.#formats.length === 256) throw new Error('produced: more than 256 formats')
      format = this.#formats.push(file.format) - 1
    }
    this.#format[row] = format
    this.#size[row] = file.size
    if (HEX.test(file.sha256)) this.#digest.set(Buffer.from(file.sha256, 'hex'), 32 * row)
    else this.#digests.set(row, file.sha256)
    this.#slug.push(file.slug)
    this.#document.push(file.document)
    this.#source.push(file.source)
    if (this.#pathOf(file.format, file.slug) !== file.path) this.#paths.set(row, file.path)
    this.#length++
  }

  /** The row at `index`, as pushed (a new object each time). */
  at(index: number): ProducedFile | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#length) return undefined
    const format = this.#formats[this.#format[index]!]!
    const slug = this.#slug[index]!
    return {
      path: this.#paths.get(index) ?? this.#pathOf(format, slug)!,
      format,
      sha256: this.#digests.get(index) ?? Buffer.from(this.#digest.buffer, this.#digest.byteOffset + 32 * index, 32).toString('hex'),
      size: this.#size[index]!,
      source: this.#source[index]!,
      document: this.#document[index]!,
      slug
    }
  }

  *[Symbol.iterator](): Iterator<ProducedFile> {
    for (let index = 0; index < this.#length; index++) yield this.at(index)!
  }

  /** The rows in the order of their paths (as `<` compares them). */
  byPath(): Uint32Array {
    const paths = Array.from(this, (file) => file.path)
    return new Uint32Array(paths.length).map((_, index) => index).sort((a, b) => (paths[a]! < paths[b]! ? -1 : paths[a]! > paths[b]! ? 1 : a - b))
  }

  #grow(): void {
    const capacity = this.#size.length * 2
    const format = new Uint8Array(capacity)
    format.set(this.#format)
    this.#format = format
    const size = new Float64Array(capacity)
    size.set(this.#size)
    this.#size = size
    const digest = new Uint8Array(32 * capacity)
    digest.set(this.#digest)
    this.#digest = digest
  }
}
