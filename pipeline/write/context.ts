/**
 * Builds the `WriteContext` handed to writers: the batch, the reproducibility
 * epoch, and `render`, which memoises each (format, document) pair so a PDF that
 * attaches the AKN and JSON embeds exactly the bytes written to `out/`.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Document} from '../tree/types.js'
import type {WriteContext} from './types.js'
import {getWriter} from './registry.js'

export interface ContextOptions {
  sourceDateEpoch?: number | null
  /** The input file of a document, which receives the writers' warnings. */
  fileOf?: (doc: Document) => VFile | undefined
}

export interface CreatedContext extends WriteContext {
  /** Every warning of the writers, in order (also added to the document's file when `fileOf` finds it). */
  readonly messages: VFileMessage[]
}

export function createWriteContext(batch: readonly Document[], options: ContextOptions = {}): CreatedContext {
  const cache = new Map<string, Promise<Uint8Array>>()
  const messages: VFileMessage[] = []
  const context: CreatedContext = {
    batch,
    sourceDateEpoch: options.sourceDateEpoch ?? null,
    messages,
    warn(doc, reason, {ruleId, place}) {
      const file = options.fileOf?.(doc)
      const message = file ? file.message(reason, {ruleId, source: 'diptext', place}) : new VFileMessage(reason, {ruleId, source: 'diptext', place})
      if (!file) message.file = doc.meta.source.file
      messages.push(message)
    },
    render(format, doc) {
      const key = format + '\u0000' + doc.meta.id + '\u0000' + doc.meta.slug
      let result = cache.get(key)
      if (!result) {
        const writer = getWriter(format)
        result = Promise.resolve().then(() => writer.write(doc, context))
        cache.set(key, result)
      }
      return result
    }
  }
  return context
}

/** Reads `SOURCE_DATE_EPOCH` (seconds since 1970) from an environment, or null. */
export function sourceDateEpochFrom(env: NodeJS.ProcessEnv): number | null {
  const raw = env['SOURCE_DATE_EPOCH']
  if (raw === undefined || raw === '') return null
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, got \`${raw}\``)
  return Number(raw)
}
