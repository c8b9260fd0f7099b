/** The same input gives byte-identical outputs, in every registered format, run after run. */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {convert} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {writers} from '../pipeline/write/registry.js'
import {seedPath} from './helpers/seed.js'

async function render(formats: string[]): Promise<Map<string, string>> {
  const result = await convert([{path: seedPath, bytes: readFileSync(seedPath)}])
  const context = createWriteContext(result.documents)
  const hashes = new Map<string, string>()
  for (const doc of result.documents) {
    for (const format of formats) {
      const bytes = await context.render(format, doc)
      hashes.set(`${format}:${doc.meta.slug}`, createHash('sha256').update(bytes).digest('hex'))
    }
  }
  return hashes
}

describe('determinism', () => {
  it('renders byte-identical files for every format on two independent runs', async () => {
    const formats = [...writers.keys()]
    const first = await render(formats)
    const second = await render(formats)
    expect(first.size).toBe(3 * formats.length)
    expect([...second.entries()]).toEqual([...first.entries()])
    // Different documents never share bytes.
    expect(new Set(first.values()).size).toBe(first.size)
  })
})
