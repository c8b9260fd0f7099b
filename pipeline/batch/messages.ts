/**
 * Vfile messages as plain data, so they cross a worker boundary and a JSON
 * cache and come back as the same messages on the input's own vfile.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export interface PlainMessage {
  reason: string
  ruleId: string | null
  source: string | null
  /** true: error; false: warning; null: info. */
  fatal: boolean | null
  place: Point | Position | null
  note?: string
  url?: string
}

export function toPlain(message: VFileMessage): PlainMessage {
  return {
    reason: message.reason,
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    fatal: message.fatal ?? null,
    place: message.place ?? null,
    ...(message.note === undefined ? {} : {note: message.note}),
    ...(message.url === undefined ? {} : {url: message.url})
  }
}

/**
 * Adds `plain` to `file` as a message of the same severity. The message says
 * where in the input, not where in diptext: it carries no JavaScript stack, so
 * the messages of a whole archive cost little to make and to keep.
 */
export function addMessage(file: VFile, plain: PlainMessage): VFileMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = file.message(plain.reason, {
      ...(plain.ruleId === null ? {} : {ruleId: plain.ruleId}),
      ...(plain.source === null ? {} : {source: plain.source}),
      ...(plain.place === null ? {} : {place: plain.place})
    })
  } finally {
    Error.stackTraceLimit = limit
  }
  message.fatal = plain.fatal === null ? undefined : plain.fatal
  if (plain.note !== undefined) message.note = plain.note
  if (plain.url !== undefined) message.url = plain.url
  return message
}
