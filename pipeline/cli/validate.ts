/**
 * `diptext validate` and `--validate`: Akoma Ntoso documents checked against
 * the AKN 3.0 schema (compiled once per process). Each document is a vfile
 * whose errors carry the line in the XML; a path that holds no XML is that
 * path's error.
 */
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {validateAkn} from '../validate/akn-schema.js'
import {pathError} from './inputs.js'

export interface Validated {
  files: VFile[]
  valid: number
  total: number
}

/** Validate documents given as text; `name` is what reports show. */
export async function validateDocuments(docs: ReadonlyArray<{name: string; xml: string}>): Promise<Validated> {
  const results = await validateAkn(docs)
  const files = results.map((result) => {
    const file = new VFile({path: result.name})
    for (const error of result.errors) {
      const message = file.message(error.message, {place: {line: Math.max(1, error.line), column: 1}, ruleId: 'akn-schema', source: 'diptext'})
      message.fatal = true
    }
    return file
  })
  return {files, valid: results.filter((r) => r.valid).length, total: results.length}
}

/** Every `.xml` file under `paths` (folders walked in name order), read; missing paths become errors. */
export async function readXmlFiles(paths: readonly string[], cwd: string): Promise<{docs: Array<{name: string; xml: string}>; errors: VFile[]}> {
  const docs: Array<{name: string; xml: string}> = []
  const errors: VFile[] = []
  for (const name of paths) {
    let names: string[]
    try {
      names = await xmlFiles(name, cwd)
    } catch (error) {
      errors.push(pathError(name, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or folder' : `Cannot read: ${String(error)}`))
      continue
    }
    if (names.length === 0) errors.push(pathError(name, 'No .xml files in the folder'))
    for (const file of names) docs.push({name: file, xml: await readFile(path.resolve(cwd, file), 'utf8')})
  }
  return {docs, errors}
}

async function xmlFiles(name: string, cwd: string): Promise<string[]> {
  const info = await stat(path.resolve(cwd, name))
  if (!info.isDirectory()) return [name]
  const out: string[] = []
  for (const entry of (await readdir(path.resolve(cwd, name), {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(name, entry.name)
    if (entry.isDirectory()) out.push(...(await xmlFiles(full, cwd)))
    else if (entry.name.endsWith('.xml')) out.push(full)
  }
  return out
}
