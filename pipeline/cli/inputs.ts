/**
 * Turns command-line paths into inputs: files as given, folders walked in name
 * order (hidden entries skipped), `-` for standard input.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Input} from '../batch/convert.js'

export class UsageError extends Error {}

export async function collectInputs(paths: readonly string[], stdin: () => Promise<Uint8Array>): Promise<Input[]> {
  const inputs: Input[] = []
  for (const name of paths) {
    if (name === '-') {
      inputs.push({path: 'stdin', bytes: await stdin()})
      continue
    }
    let info
    try {
      info = await stat(name)
    } catch {
      throw new UsageError(`Cannot read \`${name}\`: no such file or folder`)
    }
    if (info.isDirectory()) {
      for (const file of await walk(name)) inputs.push({path: file, bytes: await readFile(file)})
    } else {
      inputs.push({path: name, bytes: await readFile(name)})
    }
  }
  return inputs
}

async function walk(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, {withFileTypes: true})).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(full)))
    else if (entry.isFile()) files.push(full)
  }
  return files
}
