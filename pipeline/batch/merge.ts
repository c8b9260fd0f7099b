/**
 * `diptext merge DIR… --out DIR`: joins the output folders of `--shard 1/N` …
 * `--shard N/N` runs into one folder, byte-identical to a single run: each
 * shard's files are copied (their sha256 checked against the shard's
 * manifest), then `index.json`, the collection files and `manifest.json` are
 * made from the shards' parts by the same code as a single run.
 */
import {createHash} from 'node:crypto'
import {mkdirSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import type {Document} from '../tree/types.js'
import {SHARD_NAME, type ShardPart} from './engine.js'
import {acquireLock} from './lock.js'
import {finish, readManifest, removeTemporaries, type IndexEntry} from './manifest.js'
import {ProducedList} from './produced.js'
import {documentFilePath, writeAtomic} from './write.js'

export class MergeError extends Error {}

export interface Merged {
  /** One vfile per shard folder, with its errors. */
  files: VFile[]
  documents: number
}

export interface MergeOptions {
  out: string
  outName: string
  keepStale: boolean
}

async function readPart(folder: string): Promise<ShardPart> {
  let part: ShardPart
  try {
    part = JSON.parse(await readFile(path.join(folder, SHARD_NAME), 'utf8')) as ShardPart
  } catch (error) {
    throw new MergeError(`\`${folder}\` is not the output of a \`--shard\` run: cannot read ${SHARD_NAME} (${(error as Error).message})`)
  }
  if (part.format !== 'diptext-shard/1') throw new MergeError(`\`${folder}\`: ${SHARD_NAME} is not a diptext shard part`)
  return part
}

export async function mergeShards(folders: readonly string[], options: MergeOptions): Promise<Merged> {
  const parts = await Promise.all(folders.map(readPart))
  const [first] = parts
  const count = Number(first!.shard.split('/')[1])
  const seen = new Set(parts.map((part) => part.shard))
  for (const part of parts) {
    if (JSON.stringify(part.formats) !== JSON.stringify(first!.formats) || part.sourceDateEpoch !== first!.sourceDateEpoch || Number(part.shard.split('/')[1]) !== count) {
      throw new MergeError(`The shards were run with different options (formats, SOURCE_DATE_EPOCH or shard count): ${first!.shard} and ${part.shard}`)
    }
  }
  const missing = Array.from({length: count}, (_, i) => `${i + 1}/${count}`).filter((shard) => !seen.has(shard))
  if (missing.length > 0 || seen.size !== parts.length) {
    throw new MergeError(missing.length > 0 ? `Missing shard(s) ${missing.join(', ')} of ${count}` : 'A shard is given twice')
  }
  if (folders.some((folder) => path.resolve(folder) === path.resolve(options.out))) throw new MergeError('`--out` must be a new folder, not one of the shards')

  mkdirSync(options.out, {recursive: true})
  const lock = acquireLock(options.out, options.outName)
  try {
    await removeTemporaries(options.out)
    const previous = readManifest(options.out)
    const files = folders.map((folder) => new VFile({path: folder}))
    const entries: IndexEntry[] = []
    const stubs = new Map<string, Document>()
    const produced = new ProducedList(documentFilePath)
    for (const [at, part] of parts.entries()) {
      entries.push(...part.entries)
      part.entries.forEach((entry, i) => {
        const stub = part.stubs[i]
        if (stub) stubs.set(entry.slug, stub)
      })
      for (const file of part.files) {
        try {
          const bytes = await readFile(path.join(folders[at]!, ...file.path.split('/')))
          if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new Error('its sha256 differs from the shard manifest')
          await writeAtomic(path.join(options.out, ...file.path.split('/')), bytes, options.out)
          produced.push(file)
        } catch (error) {
          const message = files[at]!.message(`Cannot merge ${file.path}: ${(error as Error).message}`, {ruleId: 'write-failed', source: 'diptext'})
          message.fatal = true
        }
      }
    }
    const finished = await finish(entries, stubs, produced, previous, {out: options.out, formats: first!.formats, keepStale: options.keepStale, sourceDateEpoch: first!.sourceDateEpoch, index: true})
    for (const failure of finished.failures) {
      const message = files[0]!.message(`Cannot write ${failure.what}: ${failure.error.message}`, {ruleId: 'write-failed', source: 'diptext'})
      message.fatal = true
    }
    return {files, documents: entries.length}
  } finally {
    lock.release()
  }
}
