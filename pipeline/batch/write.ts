/**
 * Writes a converted batch to an output folder: one file per document and
 * format (`out/<format dir>/<slug><ext>`) and `out/index.json`. Every file is
 * written atomically (a temporary file in the same folder, then a rename), so an
 * interrupted run never leaves a truncated file; no name can leave `out`.
 */
import {createHash} from 'node:crypto'
import {closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync} from 'node:fs'
import {mkdir, realpath, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {threadId} from 'node:worker_threads'
import type {Document} from '../tree/types.js'
import type {WriteContext} from '../write/types.js'
import {getWriter, writers} from '../write/registry.js'
import {outputName} from '../write/output-name.js'

export {outputName}

export interface WriteOptions {
  out: string
  formats: readonly string[]
  context: WriteContext
}

export interface WriteReport {
  written: string[]
  failures: Array<{document: Document; format: string; error: Error}>
  /** Set when `index.json` could not be written. */
  indexError?: Error
  /** Collection files (a writer's `writeCollection`) that could not be made or written. */
  collectionFailures: Array<{format: string; error: Error}>
}

let sequence = 0

/** Temporary files of `writeAtomic` (a killed run may leave some; the batch engine removes them at start). */
export const TEMPORARY = /^\.diptext-\d+-\d+-\d+\.tmp$/

/**
 * Write `bytes` to `target` through a temporary sibling and a rename. The
 * temporary name is short and hidden, so it fits wherever the target's does,
 * and names the process and thread, so parallel writers never share one.
 * With `root`, the folder is checked by its real path: a symlink planted
 * inside `root` cannot send the write elsewhere.
 */
export async function writeAtomic(target: string, bytes: Uint8Array | string, root?: string): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true})
  if (root !== undefined) {
    const [realRoot, realFolder] = await Promise.all([realpath(root), realpath(path.dirname(target))])
    const relative = path.relative(realRoot, realFolder)
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`Refusing to write outside the output folder: ${target} resolves to ${realFolder}`)
  }
  await throughTemporary(target, bytes)
}

/** Writes `bytes` to a temporary sibling of `target`, then renames it: a reader never sees half a file. */
async function throughTemporary(target: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.diptext-${process.pid}-${threadId}-${++sequence}.tmp`)
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/**
 * Folders already made and checked under a root, so a batch that writes
 * thousands of files into a few folders checks each folder once. Forgotten at
 * the start of every batch (`forgetCheckedFolders`): a symlink planted between
 * two runs is always caught.
 */
const checkedFolders = new Set<string>()

export function forgetCheckedFolders(): void {
  checkedFolders.clear()
}

/**
 * `writeAtomic` for the document files of a batch, its folder checked once per
 * run, and its write and rename on Node's I/O threads: a file's
 * documents are written side by side, and while a slow disk creates them the
 * converting thread goes on (on a disk where creating a file costs half a
 * millisecond, a batch spends more time there than converting).
 */
export async function writeAtomicChecked(target: string, bytes: Uint8Array, root: string): Promise<void> {
  checkedFolder(target, root)
  await throughTemporary(target, bytes)
}

/** The folder of `target`, made and checked once per run: it must resolve inside `root`. */
function checkedFolder(target: string, root: string): string {
  const folder = path.dirname(target)
  const key = root + '\u0000' + folder
  if (!checkedFolders.has(key)) {
    madeInside(target, root)
    checkedFolders.add(key)
  }
  return folder
}

/** Makes the folder of `target` and checks by real paths that it resolves inside `root`. */
function madeInside(target: string, root: string): string {
  const folder = path.dirname(target)
  mkdirSync(folder, {recursive: true})
  const realFolder = realpathSync(folder)
  const relative = path.relative(realpathSync(root), realFolder)
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`Refusing to write outside the output folder: ${target} resolves to ${realFolder}`)
  return folder
}

/** Where `--tree-out` puts each document's tree. */
export const TREE_LAYOUT = {format: 'tree', directory: 'tree', extension: '.json'} as const

/** The usual path of a document's file in `format`, relative to `out` and `/`-separated (null for an unknown format). */
export function documentFilePath(format: string, stem: string): string | null {
  const layout = format === TREE_LAYOUT.format ? TREE_LAYOUT : writers.get(format)
  return layout === undefined ? null : `${layout.directory}/${outputName(stem, layout.extension)}`
}

/** `out/<dir>/<stem><ext>`, refusing anything that would resolve outside `out`. */
export function outputPath(out: string, directory: string, stem: string, extension: string): string {
  const root = path.resolve(out)
  const target = path.resolve(root, directory, outputName(stem, extension))
  const relative = path.relative(root, target)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`Refusing to write outside the output folder: ${target}`)
  }
  return target
}

export async function writeBatch(documents: readonly Document[], options: WriteOptions): Promise<WriteReport> {
  const report: WriteReport = {written: [], failures: [], collectionFailures: []}
  const index: Array<Record<string, unknown>> = []
  for (const doc of documents) {
    const files: Record<string, string> = {}
    for (const format of options.formats) {
      const writer = getWriter(format)
      try {
        const bytes = await options.context.render(format, doc)
        const target = outputPath(options.out, writer.directory, doc.meta.slug, writer.extension)
        await writeAtomic(target, bytes)
        files[format] = path.relative(path.resolve(options.out), target).split(path.sep).join('/')
        report.written.push(target)
      } catch (error) {
        report.failures.push({document: doc, format, error: error instanceof Error ? error : new Error(String(error))})
      }
    }
    index.push({
      id: doc.meta.id,
      type: doc.meta.docType,
      title: doc.meta.title,
      signed: doc.meta.dates.signed?.value ?? null,
      parties: doc.meta.parties.map((p) => p.code ?? p.name),
      source: {file: doc.meta.source.file, sha256: doc.meta.source.sha256, start: doc.meta.source.start, end: doc.meta.source.end},
      files
    })
  }
  await writeCollections(documents, options, report)
  const target = path.resolve(options.out, 'index.json')
  try {
    await writeAtomic(target, JSON.stringify({format: 'diptext-index/1', documents: index}, null, 2) + '\n')
    report.written.push(target)
  } catch (error) {
    report.indexError = error instanceof Error ? error : new Error(String(error))
  }
  return report
}

/** After the documents: each format's collection files, over the documents written in that format. */
async function writeCollections(documents: readonly Document[], options: WriteOptions, report: WriteReport): Promise<void> {
  for (const format of options.formats) {
    const writer = getWriter(format)
    if (!writer.writeCollection) continue
    const failed = new Set(report.failures.filter((failure) => failure.format === format).map((failure) => failure.document))
    try {
      const files = await writer.writeCollection(documents.filter((doc) => !failed.has(doc)), options.context)
      const root = path.resolve(options.out, writer.directory)
      for (const file of files) {
        const target = path.resolve(root, file.name)
        const relative = path.relative(root, target)
        if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`Refusing to write outside the output folder: ${target}`)
        await writeAtomic(target, file.bytes)
        report.written.push(target)
      }
    } catch (error) {
      report.collectionFailures.push({format, error: error instanceof Error ? error : new Error(String(error))})
    }
  }
}

/**
 * An atomic write of text given in pieces (see `json-pieces.ts`): written
 * as they come, hashed on the way. Returns the file's sha256 and size.
 */
export function writePiecesAtomicSync(target: string, pieces: Iterable<string>, root: string): {sha256: string; size: number} {
  const folder = madeInside(target, root)
  const temporary = path.join(folder, `.diptext-${process.pid}-${threadId}-${++sequence}.tmp`)
  const hash = createHash('sha256')
  let size = 0
  const fd = openSync(temporary, 'w')
  try {
    let batch: string[] = []
    let length = 0
    const flush = (): void => {
      const bytes = Buffer.from(batch.join(''))
      hash.update(bytes)
      size += bytes.byteLength
      writeSync(fd, bytes)
      batch = []
      length = 0
    }
    for (const piece of pieces) {
      batch.push(piece)
      length += piece.length
      if (length >= 1 << 16) flush()
    }
    flush()
    closeSync(fd)
    renameSync(temporary, target)
  } catch (error) {
    try {
      closeSync(fd)
    } catch {
      // Closed already.
    }
    rmSync(temporary, {force: true})
    throw error
  }
  return {sha256: hash.digest('hex'), size}
}
