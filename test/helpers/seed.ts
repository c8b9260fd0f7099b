/** The seed and corpus inputs, converted once per test file. */
import {readFileSync, readdirSync, existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {convert, type Converted} from '../../pipeline/batch/convert.js'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const seedPath = path.join(root, 'sources', '000_c69a6c577a452886.txt')
export const seedBytes = readFileSync(seedPath)
export const seedText = seedBytes.toString('utf8')
export const corpusDir = path.join(root, '..', 'shared', 'corpus')

export function corpusFiles(): string[] {
  if (!existsSync(corpusDir)) return []
  return readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpusDir, f))
}

export async function convertSeed(): Promise<Converted> {
  return convert([{path: seedPath, bytes: seedBytes}])
}

export async function convertPaths(paths: string[]): Promise<Converted> {
  return convert(paths.map((p) => ({path: p, bytes: readFileSync(p)})))
}
