/**
 * The writer registry: format name → writer. The CLI's `--formats` and the
 * writers' own `context.render` look formats up here and nowhere else.
 *
 * An entry carries what the batch needs before anything is written (folder,
 * extension, media type, whether the format has collection files) and loads
 * its module the first time a document is written in that format: a batch of
 * JSON never loads the PDF engine and its fonts, and neither does the thread
 * that only schedules the work. Adding a format is one entry.
 */
import type {Writer} from './types.js'

interface Entry {
  name: string
  directory: string
  extension: string
  mediaType: string
  /** The writer has `writeCollection` (files about the whole collection). */
  collection: boolean
  load: () => Promise<Writer>
}

const ENTRIES: readonly Entry[] = [
  {name: 'json', directory: 'json', extension: '.json', mediaType: 'application/json', collection: false, load: async () => (await import('./json/index.js')).jsonWriter},
  {name: 'md', directory: 'md', extension: '.md', mediaType: 'text/markdown', collection: false, load: async () => (await import('./markdown/index.js')).markdownWriter},
  {name: 'akn', directory: 'akn', extension: '.xml', mediaType: 'application/akn+xml', collection: false, load: async () => (await import('./akn/index.js')).aknWriter},
  {name: 'pdf', directory: 'pdf', extension: '.pdf', mediaType: 'application/pdf', collection: false, load: async () => (await import('./pdf/index.js')).pdfWriter},
  {name: 'html', directory: 'html', extension: '.html', mediaType: 'text/html', collection: true, load: async () => (await import('./html/index.js')).htmlWriter}
]

/** A writer that imports its module on first use, and checks that the module agrees with its entry. */
function lazy(entry: Entry): Writer {
  let loaded: Promise<Writer> | null = null
  const load = (): Promise<Writer> =>
    (loaded ??= entry.load().then((writer) => {
      for (const key of ['name', 'directory', 'extension', 'mediaType'] as const) {
        if (writer[key] !== entry[key]) throw new Error(`The ${entry.name} writer says ${key} \`${writer[key]}\`, its registry entry \`${entry[key]}\``)
      }
      if ((writer.writeCollection !== undefined) !== entry.collection) throw new Error(`The ${entry.name} writer and its registry entry disagree on collection files`)
      return writer
    }))
  const {name, directory, extension, mediaType} = entry
  return {
    name,
    directory,
    extension,
    mediaType,
    write: async (doc, context) => (await load()).write(doc, context),
    ...(entry.collection ? {writeCollection: async (documents, context) => (await load()).writeCollection!(documents, context)} : {})
  }
}

export const writers: ReadonlyMap<string, Writer> = new Map(ENTRIES.map((entry) => [entry.name, lazy(entry)]))

export function getWriter(name: string): Writer {
  const writer = writers.get(name)
  if (!writer) {
    throw new Error(`Unknown format \`${name}\`, expected one of: ${[...writers.keys()].join(', ')}`)
  }
  return writer
}

/** Every writer's module, loaded (to check the entries, or to warm a process before timing it). */
export async function loadAllWriters(): Promise<Writer[]> {
  return Promise.all(ENTRIES.map((entry) => entry.load()))
}
