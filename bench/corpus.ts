/**
 * Benchmark inputs generated from the seed: each copy of the seed is three
 * documents; copies differ in their dates so every document has its own identity.
 */
import {seedSource} from './hostile.js'

/** `count` files, each a copy of the seed whose ISO page stamps name another year. */
export function seedCorpus(count: number): Array<{path: string; bytes: Uint8Array}> {
  const files: Array<{path: string; bytes: Uint8Array}> = []
  for (let i = 0; i < count; i++) {
    const text = seedSource().replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, _y, m, d) => `${2100 + i}-${m}-${d}`)
    files.push({path: `seed-copy-${String(i).padStart(4, '0')}.txt`, bytes: Buffer.from(text)})
  }
  return files
}
