/**
 * Stage `read` (the unified parser). Reads: `file.value` as bytes. Writes:
 * `file.value` as the decoded text, `file.data.source` (encoding, hash, byte
 * map, and the reader from the registry that takes the input: `text` or
 * `html`), and an empty root for the next stages to fill. Invalid byte
 * sequences are warnings with their byte offset; binary input fails the file.
 */
import {createHash} from 'node:crypto'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Root} from '../tree/types.js'
import {BinaryInputError} from './decode.js'
import {chooseReader} from './registry.js'
import './source.js'

export interface ReadOptions {
  /** An encoding label that overrides detection (`gbk`, `big5`, `utf-16le`, …). */
  encoding?: string
}

const read: Plugin<[ReadOptions?], string, Root> = function (options = {}) {
  this.parser = (document: string, file: VFile): Root => {
    const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value
    const reader = chooseReader(file.path, bytes)
    let decoded
    try {
      // unified has already read the bytes as UTF-8 (`String(file)`): a reader may take that reading when it is valid.
      const lenient = typeof file.value === 'string' ? {} : {lenient: document}
      const result = reader.decode(bytes, options.encoding === undefined ? lenient : {encoding: options.encoding})
      decoded = result.decoded
      for (const note of result.notes) file.message(note, {ruleId: 'charset-mismatch', source: 'diptext'})
    } catch (error) {
      if (error instanceof BinaryInputError) {
        file.fail(error.message, {ruleId: 'binary-input', source: 'diptext'})
      }
      throw error
    }
    for (const issue of decoded.issues) {
      file.message(`Unexpected invalid ${decoded.encoding} byte sequence at byte ${issue.byteOffset} (${issue.byteLength} byte(s)): ${issue.reason}; it is kept as U+FFFD`, {
        ruleId: 'invalid-byte',
        source: 'diptext'
      })
    }
    file.value = decoded.text
    file.data.source = {
      text: decoded.text,
      reader: reader.name,
      encoding: decoded.encoding,
      bomLength: decoded.bomLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      byteLength: bytes.byteLength,
      byteOffset: (index: number) => decoded.byteOffset(index)
    }
    return {type: 'root', children: []}
  }
}

export default read
