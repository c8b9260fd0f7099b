/**
 * `diptext validate` and `--validate`: every Akoma Ntoso file under the given
 * paths is checked against the AKN 3.0 schema, compiled once; failures are
 * reported per file with their line numbers.
 */
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {validateAkn} from '../validate/akn-schema.js'

export async function validateWritten(paths: readonly string[]): Promise<number> {
  const names: string[] = []
  for (const name of paths) names.push(...(await xmlFiles(name)))
  if (names.length === 0) {
    process.stderr.write('diptext: no .xml files to validate\n')
    return 1
  }
  const docs = await Promise.all(names.map(async (name) => ({name, xml: await readFile(name, 'utf8')})))
  let results
  try {
    results = await validateAkn(docs)
  } catch (error) {
    process.stderr.write(`diptext: cannot validate: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  const files = results.map((result) => {
    const file = new VFile({path: result.name})
    for (const error of result.errors) {
      const message = file.message(error.message, {place: {line: Math.max(1, error.line), column: 1}, ruleId: 'akn-schema', source: 'diptext'})
      message.fatal = true
    }
    return file
  })
  const invalid = results.filter((r) => !r.valid).length
  const text = reporter(files, {quiet: true})
  if (text) process.stderr.write(text + '\n')
  process.stderr.write(`${results.length - invalid} of ${results.length} Akoma Ntoso document(s) valid against the AKN 3.0 schema\n`)
  return invalid === 0 ? 0 : 1
}

async function xmlFiles(name: string): Promise<string[]> {
  const info = await stat(name).catch(() => null)
  if (!info) return []
  if (!info.isDirectory()) return [name]
  const out: string[] = []
  for (const entry of (await readdir(name, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(name, entry.name)
    if (entry.isDirectory()) out.push(...(await xmlFiles(full)))
    else if (entry.name.endsWith('.xml')) out.push(full)
  }
  return out
}
