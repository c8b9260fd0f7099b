/**
 * An append-only file of JSON values, one per line, read back once in the
 * order written: what a batch must see again after every file is read, but
 * not hold in memory meanwhile (the citations and persons of every document
 * until `link`). Writes are buffered; reading streams a chunk at a time.
 */
import {closeSync, openSync, readSync, writeSync} from 'node:fs'

/** Bytes gathered before a write, and read at a time. */
const CHUNK = 1 << 18

export interface Journal<T> {
  append(value: T): void
  /** The values in the order appended; the journal takes no more appends. */
  read(): Iterable<T>
  close(): void
}

export function createJournal<T>(file: string): Journal<T> {
  const fd = openSync(file, 'w+')
  let pending: string[] = []
  let pendingLength = 0
  let closed = false
  const flush = (): void => {
    if (pending.length === 0) return
    writeSync(fd, pending.join(''))
    pending = []
    pendingLength = 0
  }
  return {
    append(value) {
      if (closed) throw new Error('journal: append after read')
      // JSON escapes every line break inside a value, so a line is a value.
      const line = JSON.stringify(value) + '\n'
      pending.push(line)
      pendingLength += line.length
      if (pendingLength >= CHUNK) flush()
    },
    *read() {
      flush()
      closed = true
      const buffer = Buffer.alloc(CHUNK)
      let position = 0
      let rest: Buffer = Buffer.alloc(0)
      for (;;) {
        const length = readSync(fd, buffer, 0, CHUNK, position)
        if (length === 0) break
        position += length
        // A line feed byte never occurs inside a UTF-8 sequence: lines split on bytes decode whole.
        const bytes = rest.length > 0 ? Buffer.concat([rest, buffer.subarray(0, length)]) : buffer.subarray(0, length)
        let start = 0
        for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
          yield JSON.parse(bytes.toString('utf8', start, end)) as T
          start = end + 1
        }
        rest = Buffer.from(bytes.subarray(start))
      }
      if (rest.length > 0) throw new Error('journal: the last line is incomplete')
    },
    close() {
      closeSync(fd)
    }
  }
}
