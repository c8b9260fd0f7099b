/**
 * Turns command-line paths into inputs, as unified-engine does: files named
 * explicitly are read as given; folders are walked in name order and globs are
 * expanded by the tool, both keeping only the `--ext` extensions and leaving
 * out hidden entries, `node_modules`, what `.diptextignore` lists and the
 * output folder; `-` is standard input. A path that cannot be read is that
 * path's error (a vfile with a fatal message), and the other paths go on.
 */
import {existsSync, readFileSync} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import type {Input} from '../batch/convert.js'

export const IGNORE_NAME = '.diptextignore'

export type Collected = {input: Input} | {error: VFile}

export interface CollectOptions {
  cwd: string
  /** Extensions without the dot, compared case-insensitively. */
  extensions: readonly string[]
  /** Absolute folders never read from (the output folder). */
  exclude: readonly string[]
  stdin: () => Promise<Uint8Array>
  /** Do not read files now: each input carries its absolute path and empty bytes (the batch engine reads them in turn). */
  lazy?: boolean
}

/** gitignore rules of the nearest `.diptextignore`, from `cwd` upwards; patterns are relative to its folder. */
export function findIgnore(cwd: string): ((absolute: string, isFolder: boolean) => boolean) | null {
  let dir = path.resolve(cwd)
  for (;;) {
    const file = path.join(dir, IGNORE_NAME)
    if (existsSync(file)) {
      const rules = ignore().add(readFileSync(file, 'utf8'))
      const base = dir
      return (absolute, isFolder) => {
        const relative = path.relative(base, absolute)
        if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false
        const posix = relative.split(path.sep).join('/')
        return rules.ignores(isFolder ? posix + '/' : posix)
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

export async function collectInputs(paths: readonly string[], options: CollectOptions): Promise<Collected[]> {
  const ignored = findIgnore(options.cwd)
  const extensions = new Set(options.extensions.map((e) => e.replace(/^\./, '').toLowerCase()))
  const excluded = options.exclude.map((dir) => path.resolve(options.cwd, dir))
  const seen = new Set<string>()
  const collected: Collected[] = []
  // Special files and symlink loops found in folders: skipped, each with a note on its path.
  const notes: VFile[] = []
  const walk = (folder: string) => walkFolder(folder, options.cwd, wanted, notes)

  const isExcluded = (absolute: string): boolean => excluded.some((dir) => absolute === dir || absolute.startsWith(dir + path.sep))
  const wanted = (absolute: string, isFolder: boolean): boolean => {
    const base = path.basename(absolute)
    if (base.startsWith('.') || base === 'node_modules' || isExcluded(absolute)) return false
    if (ignored?.(absolute, isFolder)) return false
    return isFolder || extensions.has(path.extname(base).slice(1).toLowerCase())
  }
  const read = async (name: string): Promise<void> => {
    const absolute = path.resolve(options.cwd, name)
    if (seen.has(absolute)) return
    seen.add(absolute)
    if (options.lazy) {
      collected.push({input: {path: name, bytes: new Uint8Array(0), absolute}})
      return
    }
    try {
      collected.push({input: {path: name, bytes: await readFile(absolute)}})
    } catch (error) {
      collected.push({error: pathError(name, `Cannot read file: ${reason(error)}`)})
    }
  }

  for (const name of paths) {
    if (name === '-') {
      collected.push({input: {path: 'stdin', bytes: await options.stdin()}})
      continue
    }
    const absolute = path.resolve(options.cwd, name)
    const info = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException)
    if (info instanceof Error) {
      if (info.code === 'ENOENT' && isDynamicPattern(name)) {
        const matches = (await glob(name, {cwd: options.cwd, onlyFiles: false, dot: false, expandDirectories: false, ignore: ['**/node_modules/**']})).sort(byName)
        const before = collected.length
        for (const match of matches) {
          const full = path.resolve(options.cwd, match)
          const isFolder = (await stat(full).catch(() => null))?.isDirectory() ?? false
          if (!wanted(full, isFolder)) continue
          if (isFolder) for (const file of await walk(match)) await read(file)
          else await read(match)
        }
        if (collected.length === before) collected.push({error: pathError(name, `No input files match the pattern (extensions: ${[...extensions].join(', ')})`)})
      } else {
        collected.push({error: pathError(name, info.code === 'ENOENT' ? 'No such file or folder' : `Cannot read: ${reason(info)}`)})
      }
      continue
    }
    if (!info.isDirectory()) {
      await read(name)
      continue
    }
    const before = collected.length
    try {
      for (const file of await walk(name)) await read(file)
    } catch (error) {
      collected.push({error: pathError(name, `Cannot read folder: ${reason(error)}`)})
      continue
    }
    if (collected.length === before) collected.push({error: pathError(name, `No input files in the folder (extensions: ${[...extensions].join(', ')})`)})
  }
  for (const note of notes) collected.push({error: note})
  return collected
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The files of a folder, in name order. A symlink is followed to its file or
 * folder (a broken one is kept, so reading it is that file's error); a folder
 * reached twice by its real path (a symlink loop) and special files (FIFOs,
 * devices, sockets) are skipped with a note, never read.
 */
async function walkFolder(
  folder: string,
  cwd: string,
  wanted: (absolute: string, isFolder: boolean) => boolean,
  notes: VFile[],
  visited: Set<string> = new Set()
): Promise<string[]> {
  const real = await realpath(path.resolve(cwd, folder))
  if (visited.has(real)) {
    notes.push(pathNote(folder, 'Skipped: a symlink loop (this folder is already being read)'))
    return []
  }
  visited.add(real)
  const entries = (await readdir(path.resolve(cwd, folder), {withFileTypes: true})).sort((a, b) => byName(a.name, b.name))
  const files: string[] = []
  for (const entry of entries) {
    const name = path.join(folder, entry.name)
    const absolute = path.resolve(cwd, name)
    let kind: 'file' | 'folder' | 'special' | 'broken' | 'loop' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'special'
    if (entry.isSymbolicLink()) {
      const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error)
      kind = info instanceof Error ? (info.code === 'ELOOP' ? 'loop' : 'broken') : info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'special'
    }
    if (kind === 'folder') {
      if (wanted(absolute, true)) files.push(...(await walkFolder(name, cwd, wanted, notes, visited)))
    } else if (kind === 'loop') {
      if (wanted(absolute, false)) notes.push(pathNote(name, 'Skipped: a symlink loop'))
    } else if (kind === 'special') {
      if (wanted(absolute, false)) notes.push(pathNote(name, 'Skipped: a special file (FIFO, device or socket), not a regular file'))
    } else if (wanted(absolute, false)) {
      files.push(name)
    }
  }
  return files
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder'
  return error instanceof Error ? error.message : String(error)
}

/** A vfile for a path skipped on purpose, with a note (an info message: the run still succeeds). */
export function pathNote(name: string, text: string): VFile {
  const file = new VFile({path: name})
  file.info(text, {ruleId: 'skipped-input', source: 'diptext'})
  return file
}

/** A vfile for a path that gave no input, with its fatal message. */
export function pathError(name: string, text: string): VFile {
  const file = new VFile({path: name})
  const message = file.message(text, {ruleId: 'unreadable-input', source: 'diptext'})
  message.fatal = true
  return file
}
