/**
 * The two passes of the batch engine, for one input file each. They run in a
 * worker thread or in the main thread alike and exchange only plain data:
 *
 * - `pass1` reads, cleans, segments and enriches a file and keeps, per
 *   document, the small identity record that `link` needs; the tree is kept
 *   for pass 2 in memory (within `RETAIN_BYTES`) or spilled to disk.
 * - `pass2` takes that tree back (or converts the file again when there is
 *   none), applies what `link` decided, renders every requested format of the
 *   documents asked for, writes them, and drops them.
 *
 * So memory depends on the largest file, not on the batch.
 */
import {createHash} from 'node:crypto'
import {closeSync, openSync, readSync, writeSync} from 'node:fs'
import path from 'node:path'
import {threadId} from 'node:worker_threads'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Document, Root} from '../tree/types.js'
import {toText} from '../tree/text.js'
import {applyIdentity, recordOf, type Identity, type IdentityIndex, type IdentityRecord} from '../link/plugin.js'
import {createWriteContext} from '../write/context.js'
import {getWriter} from '../write/registry.js'
import {createProcessor} from './convert.js'
import {toPlain, type PlainMessage} from './messages.js'
import {forgetCheckedFolders, outputPath, TREE_LAYOUT, writeAtomicChecked} from './write.js'
import {readInput, type FileTask} from './input.js'

export type {FileTask} from './input.js'

export interface Pass1Result {
  file: number
  /** sha256 of the input bytes (null when it could not be read). */
  sha256: string | null
  records: IdentityRecord[]
  messages: PlainMessage[]
  failed: boolean
}

export interface SharedSettings {
  encoding?: string
  out: string
  formats: readonly string[]
  treeOut: boolean
  sourceDateEpoch: number | null
  /** Keep a small copy (meta and text) of each document for collection files. */
  collection: boolean
  /** Return the Akoma Ntoso of each document (for `--validate`) when it is not written. */
  aknText: boolean
  /** This thread's share of `RETAIN_BYTES`. */
  retainBytes: number
  /**
   * A folder for the trees of pass 1 that do not fit in memory (as JSON, one
   * document at a time, appended to one file per thread), or null to convert those files again in
   * pass 2. Reading a tree back costs a fraction of converting.
   */
  spill: string | null
}

/** What `link` decided for the whole batch, set once per thread before pass 2. */
export interface SharedIndex {
  persons: IdentityIndex['persons']
  countries: IdentityIndex['countries']
}

/** What writers read of a document that a citation names: its id, stem, title, language and type. */
export type CitedMeta = Pick<Document['meta'], 'id' | 'slug' | 'title' | 'language' | 'docType'>

export interface Pass2Task extends FileTask {
  documents: Array<{index: number; identity: Identity}>
  /**
   * The documents these cite (the first of each Work URI in batch order): the
   * writers' batch. A thread never holds the whole batch's list, which would
   * weigh about 0.5 KB per document of the archive on every thread.
   */
  cited: CitedMeta[]
}

export interface WrittenFile {
  /** Relative to `--out`, `/`-separated. */
  path: string
  format: string
  sha256: string
  size: number
}

export interface Pass2Document {
  index: number
  files: WrittenFile[]
  failures: Array<{format: string; reason: string}>
  messages: PlainMessage[]
  /** Meta and text of the document, for collection files; null unless asked for. */
  stub: Document | null
  akn: string | null
}

export interface Pass2Result {
  file: number
  documents: Pass2Document[]
  /** Set when the file no longer converts as in pass 1 (changed underneath the run). */
  error: string | null
}

const retained = new Map<number, {tree: Root; bytes: number}>()
let retainedBytes = 0

let settings: SharedSettings | null = null
let shared: SharedIndex | null = null
let processor: ReturnType<typeof createProcessor> | null = null

export function setSettings(value: SharedSettings): void {
  endRun()
  settings = value
  forgetCheckedFolders()
  processor = createProcessor(value.encoding === undefined ? {} : {encoding: value.encoding})
}

export function setIndex(index: SharedIndex): void {
  shared = index
}

async function convertFile(file: VFile): Promise<Root> {
  if (!processor) throw new Error('setSettings first')
  return (await processor.run(processor.parse(file), file)) as Root
}

export async function pass1(task: FileTask): Promise<Pass1Result> {
  let bytes: Uint8Array
  try {
    bytes = await readInput(task)
  } catch (error) {
    const file = new VFile({path: task.path})
    const message = file.message(`Cannot read file: ${error instanceof Error ? error.message : String(error)}`, {ruleId: 'unreadable-input', source: 'diptext'})
    message.fatal = true
    return {file: task.file, sha256: null, records: [], messages: file.messages.map(toPlain), failed: true}
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const file = new VFile({path: task.path, value: bytes})
  try {
    const tree = await convertFile(file)
    const records = tree.children.map((doc, index) => recordOf(doc, task.file, index))
    if (task.retain && retainedBytes + bytes.byteLength <= (settings?.retainBytes ?? 0)) {
      retained.set(task.file, {tree, bytes: bytes.byteLength})
      retainedBytes += bytes.byteLength
    } else if (task.retain && settings?.spill) {
      spillTree(settings.spill, task.file, tree)
    }
    return {file: task.file, sha256, records, messages: file.messages.map(toPlain), failed: false}
  } catch (error) {
    if (!(error instanceof VFileMessage && file.messages.includes(error))) {
      const message = file.message(`Cannot convert: ${error instanceof Error ? error.message : String(error)}`, {ruleId: 'internal-error', source: 'diptext'})
      message.fatal = true
    }
    return {file: task.file, sha256, records: [], messages: file.messages.map(toPlain), failed: true}
  }
}

export async function pass2(task: Pass2Task): Promise<Pass2Result> {
  if (!settings || !shared) throw new Error('setSettings and setIndex first')
  const options = settings
  const batch = task.cited.map((meta) => ({type: 'document', meta, children: []}) as unknown as Document)
  let documentAt: (index: number) => Document | undefined
  try {
    documentAt = await documentsOf(task)
  } catch (error) {
    return {file: task.file, documents: [], error: error instanceof Error ? error.message : String(error)}
  }
  const documents: Pass2Document[] = []
  // Each document's files in format order, written side by side; a document's result waits for its writes.
  const outcomes: Array<Array<Promise<WrittenFile | {format: string; reason: string}>>> = []
  for (const {index, identity} of task.documents) {
    let doc: Document | undefined
    try {
      doc = documentAt(index)
    } catch (error) {
      return {file: task.file, documents, error: error instanceof Error ? error.message : String(error)}
    }
    if (!doc) return {file: task.file, documents, error: 'the file changed during the run'}
    applyIdentity(doc, identity, shared)
    const scratch = new VFile({path: task.path})
    const context = createWriteContext(batch, {sourceDateEpoch: options.sourceDateEpoch, fileOf: () => scratch})
    const result: Pass2Document = {index, files: [], failures: [], messages: [], stub: null, akn: null}
    const files: Array<Promise<WrittenFile | {format: string; reason: string}>> = []
    const failed = (format: string) => (error: unknown) => ({format, reason: error instanceof Error ? error.message : String(error)})
    for (const format of options.formats) {
      const writer = getWriter(format)
      try {
        const bytes = await context.render(format, doc)
        files.push(put(options.out, writer.directory, doc.meta.slug, writer.extension, format, bytes).catch(failed(format)))
      } catch (error) {
        files.push(Promise.resolve(failed(format)(error)))
      }
    }
    if (options.treeOut) {
      try {
        const {format, directory, extension} = TREE_LAYOUT
        files.push(put(options.out, directory, doc.meta.slug, extension, format, new TextEncoder().encode(JSON.stringify(doc, null, 2) + '\n')).catch(failed(format)))
      } catch (error) {
        files.push(Promise.resolve(failed(TREE_LAYOUT.format)(error)))
      }
    }
    if (options.aknText) {
      try {
        result.akn = new TextDecoder().decode(await context.render('akn', doc))
      } catch {
        result.akn = null
      }
    }
    if (options.collection) result.stub = stubOf(doc)
    result.messages = scratch.messages.map(toPlain)
    documents.push(result)
    outcomes.push(files)
  }
  for (const [at, files] of outcomes.entries()) {
    const result = documents[at]!
    for (const outcome of await Promise.all(files)) {
      if ('reason' in outcome) result.failures.push(outcome)
      else result.files.push(outcome)
    }
  }
  return {file: task.file, documents, error: null}
}

/**
 * The documents of a file for pass 2: kept in memory, read back one at a time
 * from the spill file (a large file's documents are never all in memory
 * again), or, when pass 1 kept nothing, converted again.
 */
async function documentsOf(task: Pass2Task): Promise<(index: number) => Document | undefined> {
  const kept = retained.get(task.file)
  if (kept) {
    retained.delete(task.file)
    retainedBytes -= kept.bytes
    return (index) => kept.tree.children[index]
  }
  const places = spilled.get(task.file)
  if (spillFile && places) {
    spilled.delete(task.file)
    return unspiller(spillFile.fd, places)
  }
  const tree = await convertFile(new VFile({path: task.path, value: await readInput(task)}))
  return (index) => tree.children[index]
}

/**
 * The trees this thread spilled: one file per thread, appended to, so a batch
 * creates and removes one file instead of one per input (file creation and
 * removal cost more than the bytes on many disks). Each document is written
 * as JSON on its own, so neither pass holds a large file's serialized form at
 * once. JSON rather than `v8.serialize`: as fast here, and its buffers are
 * ordinary heap strings, while v8's are external memory that is freed late
 * (a 5 MiB file peaked 50 MiB higher). Pass 2 of a file runs on the thread that ran its pass 1, so the
 * index is this thread's own.
 */
let spillFile: {fd: number; size: number} | null = null
/** Per spilled file: where its first document starts, then the length of each document. */
const spilled = new Map<number, number[]>()

function spillTree(folder: string, file: number, tree: Root): void {
  spillFile ??= {fd: openSync(path.join(folder, `${process.pid}-${threadId}.trees`), 'w+'), size: 0}
  const places = [spillFile.size]
  for (const doc of tree.children) {
    const bytes = Buffer.from(JSON.stringify(doc))
    writeSync(spillFile.fd, bytes, 0, bytes.length, spillFile.size)
    places.push(bytes.length)
    spillFile.size += bytes.length
  }
  spilled.set(file, places)
}

/** Reads the documents of one spilled file back, each when it is asked for. */
function unspiller(fd: number, places: readonly number[]): (index: number) => Document | undefined {
  const starts = [places[0]!]
  for (let i = 1; i < places.length; i++) starts.push(starts[i - 1]! + places[i]!)
  return (index) => {
    const length = places[index + 1]
    if (length === undefined) return undefined
    const bytes = Buffer.allocUnsafe(length)
    readSync(fd, bytes, 0, length, starts[index]!)
    return JSON.parse(bytes.toString()) as Document
  }
}

/** Drops what this thread holds for the run: kept trees, the spill file (the engine removes its folder). */
export function endRun(): void {
  retained.clear()
  retainedBytes = 0
  spilled.clear()
  if (spillFile) closeSync(spillFile.fd)
  spillFile = null
}

/** Writes one output file (its bytes hashed here, written on Node's I/O threads). */
async function put(out: string, directory: string, stem: string, extension: string, format: string, bytes: Uint8Array): Promise<WrittenFile> {
  const target = outputPath(out, directory, stem, extension)
  const relative = target.slice(out.length + 1).split(/[\\/]/).join('/')
  const written = {path: relative, format, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength}
  await writeAtomicChecked(target, bytes, out)
  return written
}

/** Blocks whose text a collection keeps (the search text of the HTML site); nothing under the preface. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['num', 'paragraph', 'signature', 'signing'])

/**
 * The document as a collection needs it: its meta (without the lists of removals
 * and stamps) and its text blocks as plain text, a small fraction of the tree.
 */
export function stubOf(doc: Document): Document {
  const blocks: Array<{type: string; children: Array<{type: 'text'; value: string}>}> = []
  const visit = (node: {type: string; children?: unknown[]}): void => {
    if (node.type === 'preface') return
    if (TEXT_BLOCKS.has(node.type)) {
      blocks.push({type: node.type, children: [{type: 'text', value: toText(node as Parameters<typeof toText>[0])}]})
      return
    }
    for (const child of node.children ?? []) visit(child as {type: string; children?: unknown[]})
  }
  visit(doc)
  return {type: 'document', meta: {...doc.meta, removed: [], stamps: []}, position: doc.position, children: [{type: 'body', children: blocks}]} as unknown as Document
}
