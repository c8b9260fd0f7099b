/**
 * Builds the `WriteContext` handed to writers: the batch, the reproducibility
 * epoch, and `render`, which memoises each (format, document) pair so a PDF that
 * attaches the AKN and JSON embeds exactly the bytes written to `out/`.
 */
import type {Document} from '../tree/types.js'
import type {WriteContext} from './types.js'
import {getWriter} from './registry.js'

export interface ContextOptions {
  sourceDateEpoch?: number | null
}

export function createWriteContext(batch: readonly Document[], options: ContextOptions = {}): WriteContext {
  const cache = new Map<string, Promise<Uint8Array>>()
  const context: WriteContext = {
    batch,
    sourceDateEpoch: options.sourceDateEpoch ?? null,
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
