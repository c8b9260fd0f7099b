/**
 * What the thread that schedules a batch needs of its inputs, without loading
 * the pipeline: the input task, reading it with a clear reason for every
 * failure, and the size limits.
 */
import {readFileSync, statSync} from 'node:fs'

/** One input: `bytes` for standard input, else `absolute`, read when the task runs. */
export interface FileTask {
  file: number
  path: string
  absolute?: string
  bytes?: Uint8Array
  /** Keep the tree of pass 1 for pass 2 (the file is in this shard): in memory within `RETAIN_BYTES`, else spilled. */
  retain?: boolean
}

/** Files larger than this are that file's error (the pipeline holds a few copies of one file in memory). */
export const MAX_INPUT_BYTES = 256 * 2 ** 20

/**
 * Trees of pass 1 kept for pass 2 on the same thread, up to this many input
 * bytes in all, shared between the threads (a tree takes some 15–20 bytes per
 * input byte); the trees of the rest wait on disk (`SharedSettings.spill`),
 * so memory stays bounded whatever the batch and every file converts once.
 */
export const RETAIN_BYTES = 4 * 2 ** 20

/**
 * A batch of more files than this keeps no tree in memory: its index grows
 * with it and peaks in `link`, while the kept trees would still be held
 * (measured on 50,000 documents: 4 MiB of kept input added some 40 MiB to that
 * peak, and spilling them only then added a peak of its own), and a batch
 * this size converts for tens of seconds, so spilling them as they come costs
 * it under 1 %.
 */
export const RETAIN_UNTIL_FILES = 5_000

/**
 * The bytes of an input, or a clear reason: not a regular file, too large,
 * unreadable. Read on the calling thread (a worker's, in a batch): two system
 * calls cost less than two round trips through the thread pool.
 */
export async function readInput(task: FileTask): Promise<Uint8Array> {
  if (task.bytes) return task.bytes
  const absolute = task.absolute!
  const reason = (error: unknown): Error => {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return new Error('no such file (a broken symlink?)')
    if (code === 'ELOOP') return new Error('a symlink loop')
    if (code === 'EACCES' || code === 'EPERM') return new Error('permission denied')
    return error instanceof Error ? error : new Error(String(error))
  }
  // stat follows symlinks: a symlink to a FIFO is refused here, before a read that would wait forever.
  let info
  try {
    info = statSync(absolute)
  } catch (error) {
    throw reason(error)
  }
  if (info.size > MAX_INPUT_BYTES) throw new Error(`larger than the limit of ${MAX_INPUT_BYTES / 2 ** 20} MiB`)
  if (!info.isFile()) throw new Error(info.isFIFO() ? 'is a FIFO, not a file' : info.isDirectory() ? 'is a folder' : 'is a special file (device or socket), not a file')
  let bytes: Uint8Array
  try {
    bytes = readFileSync(absolute)
  } catch (error) {
    throw reason(error)
  }
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new Error(`larger than the limit of ${MAX_INPUT_BYTES / 2 ** 20} MiB`)
  return bytes
}
