/**
 * The tool's name and version, read once from its own `package.json` (found by
 * walking up from this module, so it works from the sources and from `dist/`).
 * Writers record `generator` in every output with metadata, so an archived file
 * says which release made it; outputs depend on input, options and this version.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

function readPackage(): {name: string; version: string} {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = path.join(dir, 'package.json')
    if (existsSync(file)) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as {name?: unknown; version?: unknown}
      if (data.name === 'diptext' && typeof data.version === 'string') return {name: data.name, version: data.version}
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('Cannot find the package.json of diptext above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

const own = readPackage()

/** `diptext`. */
export const name: string = own.name
/** The release, as in package.json (`0.1.0`). */
export const version: string = own.version
/** `diptext 0.1.0`: what writers record as the generator of an output. */
export const generator = `${name} ${version}`
