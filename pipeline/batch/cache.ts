/**
 * The incremental cache: small JSON entries under a folder (`.diptext-cache/` by
 * default), keyed by sha256 of everything the result depends on. `pass1/` holds
 * the identity records and messages of an input (keyed by the input's sha256,
 * the code and the options); `render/` what writing a document produced (keyed
 * by the document's identity and what it cites), so an unchanged document is
 * not written again. The code is identified by a hash of the package's own
 * modules, not only by the version number, so an edited build never reuses a
 * stale entry.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {mkdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {version} from '../version.js'
import {writeAtomic} from './write.js'

let fingerprint: string | null = null

/** sha256 of the version and of every module of the pipeline, in name order. */
export function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint
  const hash = createHash('sha256').update(version)
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (/\.(?:js|ts|json)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(full))
    }
  }
  visit(root)
  fingerprint = hash.digest('hex')
  return fingerprint
}

export function keyOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

export interface Cache {
  get<T>(kind: string, key: string): Promise<T | null>
  set(kind: string, key: string, value: unknown): Promise<void>
}

export function createCache(folder: string | null): Cache | null {
  if (folder === null) return null
  const file = (kind: string, key: string) => path.join(folder, kind, key.slice(0, 2), `${key}.json`)
  return {
    async get<T>(kind: string, key: string): Promise<T | null> {
      try {
        return JSON.parse(await readFile(file(kind, key), 'utf8')) as T
      } catch {
        return null
      }
    },
    async set(kind, key, value) {
      try {
        await mkdir(path.dirname(file(kind, key)), {recursive: true})
        await writeAtomic(file(kind, key), JSON.stringify(value))
      } catch {
        // A cache that cannot be written only costs time on the next run.
      }
    }
  }
}
