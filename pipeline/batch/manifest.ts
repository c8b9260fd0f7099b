/**
 * What a run leaves in `--out` besides the documents: `index.json` (every
 * document, its metadata and files), the writers' collection files (the HTML
 * site), and `manifest.json` (every output file with sha256, size, format,
 * source file and document id). Files an earlier run listed and this one did
 * not produce are removed, or kept and listed as stale with `--keep-stale`.
 * One function for a whole run and for `merge`, so both give the same bytes.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {readdir, realpath, rm} from 'node:fs/promises'
import path from 'node:path'
import type {Document} from '../tree/types.js'
import {createWriteContext} from '../write/context.js'
import {getWriter} from '../write/registry.js'
import {generator} from '../version.js'
import {jsonWithList} from './json-pieces.js'
import type {ProducedList} from './produced.js'
import {TEMPORARY, TREE_LAYOUT, writeAtomic, writePiecesAtomicSync} from './write.js'

export const MANIFEST_NAME = 'manifest.json'
export const INDEX_NAME = 'index.json'

export interface ManifestFile {
  path: string
  sha256: string
  size: number
  format: string
  /** The input file (null for index and collection files). */
  source: string | null
  /** The Work URI (null for index and collection files). */
  document: string | null
  /** Listed by an earlier run and kept by `--keep-stale`. */
  stale?: true
}

/** A document file this run produced, with its document's file stem (unique in the batch; a Work's two languages share an id). */
export type ProducedFile = ManifestFile & {slug: string}

export interface Manifest {
  format: 'diptext-manifest/1'
  generator: string
  files: ManifestFile[]
}

/** One document of `index.json`, with its place in the batch (input file, document) for ordering. */
export interface IndexEntry {
  order: [number, number]
  slug: string
  id: string
  type: string
  title: string
  signed: string | null
  parties: string[]
  source: {file: string; sha256: string; start: number; end: number}
}

export interface FinishOptions {
  out: string
  formats: readonly string[]
  keepStale: boolean
  sourceDateEpoch: number | null
  /** Write `index.json` (a shard leaves it to `merge`). */
  index: boolean
}

export interface Finished {
  /** Files listed in `manifest.json`. */
  files: number
  failures: Array<{what: string; error: Error}>
  removed: string[]
}

export function readManifest(out: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')) as Manifest
    return manifest.format === 'diptext-manifest/1' && Array.isArray(manifest.files) ? manifest : null
  } catch {
    return null
  }
}

/** The folder (`<prefix><pid>` in `out`) where a run keeps the trees pass 2 reads back. */
export const SPILL_PREFIX = '.diptext-spill-'

/** Removes the temporary files of `writeAtomic` and the spill folders that a killed run left anywhere under `out`. */
export async function removeTemporaries(out: string): Promise<number> {
  let removed = 0
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, {withFileTypes: true}).catch(() => [])
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory() && entry.name.startsWith(SPILL_PREFIX)) {
        await rm(full, {recursive: true, force: true})
        removed++
      } else if (entry.isDirectory()) await visit(full)
      else if (TEMPORARY.test(entry.name)) {
        await rm(full, {force: true})
        removed++
      }
    }
  }
  await visit(out)
  return removed
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Writes `index.json`, the collection files and `manifest.json` for `produced`
 * (the document files, each with its entry's id), then removes stale files.
 */
export async function finish(
  entries: readonly IndexEntry[],
  stubs: ReadonlyMap<string, Document>,
  produced: ProducedList,
  previous: Manifest | null,
  options: FinishOptions
): Promise<Finished> {
  const failures: Finished['failures'] = []
  // Files besides the documents': collection files, the index, stale files kept.
  const others: ManifestFile[] = []
  const sorted = [...entries].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
  // Each document's rows of \`produced\`, and from them its files by format (the tree aside).
  const rowsOf = new Map<string, number[]>()
  for (const [row, file] of enumerate(produced)) {
    const rows = rowsOf.get(file.slug)
    if (rows) rows.push(row)
    else rowsOf.set(file.slug, [row])
  }
  const writtenOf = (slug: string): Record<string, string> => {
    const written: Record<string, string> = {}
    for (const row of rowsOf.get(slug) ?? []) {
      const file = produced.at(row)!
      if (file.format !== TREE_LAYOUT.format) written[file.format] = file.path
    }
    return written
  }
  const put = async (relative: string, bytes: Uint8Array | string, format: string): Promise<void> => {
    await writeAtomic(path.join(options.out, ...relative.split('/')), bytes, options.out)
    others.push({path: relative, sha256: sha256(bytes), size: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength, format, source: null, document: null})
  }

  // Collection files over the documents written in each format, in batch order.
  for (const format of options.formats) {
    const writer = getWriter(format)
    if (!writer.writeCollection) continue
    const documents = sorted.filter((entry) => writtenOf(entry.slug)[format] !== undefined).map((entry) => stubs.get(entry.slug)!).filter(Boolean)
    try {
      const collection = await writer.writeCollection(documents, createWriteContext(documents, {sourceDateEpoch: options.sourceDateEpoch}))
      for (const file of collection) {
        const relative = path.posix.normalize(`${writer.directory}/${file.name}`)
        if (relative.startsWith('..') || !relative.startsWith(writer.directory + '/')) throw new Error(`Refusing to write outside the output folder: ${file.name}`)
        await put(relative, file.bytes, format)
      }
    } catch (error) {
      failures.push({what: `the ${format} collection`, error: error instanceof Error ? error : new Error(String(error))})
    }
  }

  // An archive's index is written entry by entry, never held as one string.
  function* indexEntries(): Generator<unknown> {
    for (const {order: _order, slug, ...entry} of sorted) {
      const written = writtenOf(slug)
      yield {...entry, files: Object.fromEntries(options.formats.filter((format) => written[format] !== undefined).map((format) => [format, written[format]]))}
    }
  }
  if (options.index) try {
    const written = writePiecesAtomicSync(path.join(options.out, INDEX_NAME), jsonWithList({format: 'diptext-index/1'}, 'documents', indexEntries()), options.out)
    others.push({path: INDEX_NAME, sha256: written.sha256, size: written.size, format: 'index', source: null, document: null})
  } catch (error) {
    failures.push({what: INDEX_NAME, error: error instanceof Error ? error : new Error(String(error))})
  }
  rowsOf.clear()

  // Stale: listed by the earlier run, not produced by this one.
  const now = new Set<string>()
  if ((previous?.files.length ?? 0) > 0) for (const file of [...produced, ...others]) now.add(file.path)
  const removed: string[] = []
  for (const old of previous?.files ?? []) {
    if (now.has(old.path) || old.path === MANIFEST_NAME || !isInside(old.path)) continue
    if (options.keepStale) {
      others.push({...old, stale: true})
      now.add(old.path)
    } else {
      const target = path.join(options.out, ...old.path.split('/'))
      // By real paths: a symlink planted inside `--out` never makes a removal land outside it.
      if (!(await insideReal(options.out, path.dirname(target)))) continue
      await rm(target, {force: true})
      removed.push(old.path)
    }
  }
  now.clear()

  // Every file in path order: the produced rows in their order, the few others merged in.
  const order = produced.byPath()
  others.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  try {
    // A document file's entry leaves out its stem (`slug`).
    const listed = (function* (): Generator<ManifestFile> {
      let other = 0
      for (const row of order) {
        const {slug: _slug, ...file} = produced.at(row)!
        while (other < others.length && others[other]!.path < file.path) yield others[other++]!
        yield file
      }
      while (other < others.length) yield others[other++]!
    })()
    writePiecesAtomicSync(path.join(options.out, MANIFEST_NAME), jsonWithList({format: 'diptext-manifest/1', generator}, 'files', listed), options.out)
  } catch (error) {
    failures.push({what: MANIFEST_NAME, error: error instanceof Error ? error : new Error(String(error))})
  }
  return {files: produced.length + others.length, failures, removed}
}

/** Values with their positions. */
function* enumerate<T>(values: Iterable<T>): Generator<[number, T]> {
  let index = 0
  for (const value of values) yield [index++, value]
}

async function insideReal(root: string, folder: string): Promise<boolean> {
  try {
    const relative = path.relative(await realpath(root), await realpath(folder))
    return !relative.startsWith('..') && !path.isAbsolute(relative)
  } catch {
    return false
  }
}

/** A manifest path that stays inside `--out` (a hand-edited manifest cannot make a run delete elsewhere). */
function isInside(relative: string): boolean {
  const normal = path.posix.normalize(relative)
  return normal !== '' && !normal.startsWith('../') && normal !== '..' && !path.posix.isAbsolute(normal) && !normal.includes('\\')
}
