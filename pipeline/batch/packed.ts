/**
 * A list of plain values kept as bytes (V8's serialization) in a few large
 * buffers. An archive's run keeps a record and an index entry per document
 * until its end; as objects, with their arrays, date facts and strings, they
 * weigh about twice their bytes, lie scattered among the garbage of every
 * tree, and the collector walks them on every full collection. Here they weigh
 * their bytes, and the collector never looks inside. Values come back as
 * copies, so a value read is the value pushed, never the same object.
 */
import {deserialize, serialize} from 'node:v8'

/** Values are packed into chunks of this size (a larger value gets a chunk of its own). */
const CHUNK = 1 << 20

export class PackedList<T> implements Iterable<T> {
  readonly #chunks: Buffer[] = []
  /** Per value: its chunk, offset and length. */
  #places = new Uint32Array(3 * 1024)
  #length = 0
  /** Where the next value goes in the last chunk. */
  #used = CHUNK

  get length(): number {
    return this.#length
  }

  push(value: T): void {
    const bytes = serialize(value)
    if (this.#used + bytes.byteLength > CHUNK || this.#chunks.length === 0) {
      this.#chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK, bytes.byteLength)))
      this.#used = 0
    }
    bytes.copy(this.#chunks[this.#chunks.length - 1]!, this.#used)
    if (3 * (this.#length + 1) > this.#places.length) {
      const grown = new Uint32Array(this.#places.length * 2)
      grown.set(this.#places)
      this.#places = grown
    }
    this.#places.set([this.#chunks.length - 1, this.#used, bytes.byteLength], 3 * this.#length)
    this.#used += bytes.byteLength
    this.#length++
  }

  /** A copy of the value at `index`, or undefined past the end (as `Array.prototype.at`, without negative indices). */
  at(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#length) return undefined
    const chunk = this.#chunks[this.#places[3 * index]!]!
    const start = this.#places[3 * index + 1]!
    return deserialize(chunk.subarray(start, start + this.#places[3 * index + 2]!)) as T
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let index = 0; index < this.#length; index++) yield this.at(index)!
  }

  /** Lets go of every value. */
  clear(): void {
    this.#chunks.length = 0
    this.#places = new Uint32Array(3 * 1024)
    this.#length = 0
    this.#used = CHUNK
  }
}
