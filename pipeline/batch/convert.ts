/**
 * The text pipeline for a batch: each file goes through read → clean →
 * segment → enrich (a unified processor, frozen once), then the batch is linked.
 * A file that fails is reported on its own vfile and the others go on.
 */
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Document, Root} from '../tree/types.js'
import read from '../read/plugin.js'
import clean from '../clean/plugin.js'
import segment from '../segment/plugin.js'
import enrich from '../enrich/plugin.js'
import {link, type BatchItem} from '../link/plugin.js'

export interface Input {
  /** A name for reports and the documents' `source.file` (`-` for standard input). */
  path: string
  bytes: Uint8Array
  /** Set (with empty `bytes`) when the file is read only when its turn comes (the batch engine). */
  absolute?: string
}

export interface ConvertOptions {
  /** Override encoding detection for every input. */
  encoding?: string
}

export interface Converted {
  /** Every document of the batch, in input order. */
  documents: Document[]
  /** One vfile per input, carrying its messages; `failed` lists the inputs that produced nothing. */
  files: VFile[]
  failed: VFile[]
  trees: Map<VFile, Root>
}

export function createProcessor(options: ConvertOptions = {}) {
  return unified()
    .use(read, options.encoding === undefined ? {} : {encoding: options.encoding})
    .use(clean)
    .use(segment)
    .use(enrich)
    .freeze()
}

export async function convert(inputs: readonly Input[], options: ConvertOptions = {}): Promise<Converted> {
  const processor = createProcessor(options)
  const files: VFile[] = []
  const failed: VFile[] = []
  const batch: BatchItem[] = []
  const trees = new Map<VFile, Root>()
  for (const input of inputs) {
    const file = new VFile({path: input.path, value: input.bytes})
    files.push(file)
    try {
      const tree = (await processor.run(processor.parse(file), file)) as Root
      batch.push({file, tree})
      trees.set(file, tree)
    } catch (error) {
      failed.push(file)
      if (!(error instanceof VFileMessage && file.messages.includes(error))) {
        const message = file.message(`Cannot convert: ${error instanceof Error ? error.message : String(error)}`, {
          ruleId: 'internal-error',
          source: 'diptext',
          ...(error instanceof Error ? {cause: error} : {})
        })
        message.fatal = true
      }
    }
  }
  const documents = link(batch)
  return {documents, files, failed, trees}
}
