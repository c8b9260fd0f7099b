/**
 * Time per document of the text writers alone (Markdown and JSON), for
 * `make bench`: the seed corpus converted once, then each writer run over
 * every document several rounds, in this thread. Reports the best round's
 * wall and CPU time per document, the CPU time being the steadier figure on a
 * shared machine. `node dist/bench/text-writers.js [copies] [rounds]` runs it alone.
 */
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {convert} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {getWriter} from '../pipeline/write/registry.js'
import {seedCorpus} from './corpus.js'

export async function textWritersBench(copies = 334, rounds = 8, formats: readonly string[] = ['md', 'json']): Promise<void> {
  const {documents} = await convert(seedCorpus(copies))
  const context = createWriteContext(documents)
  console.log(`\ntext writers alone: ${documents.length} documents, best of ${rounds} rounds, per document`)
  for (const format of formats) {
    const writer = getWriter(format)
    for (const doc of documents) await writer.write(doc, context) // warm-up
    let wall = Infinity
    let cpu = Infinity
    for (let round = 0; round < rounds; round++) {
      const started = performance.now()
      const usage = process.cpuUsage()
      for (const doc of documents) await writer.write(doc, context)
      const used = process.cpuUsage(usage)
      wall = Math.min(wall, performance.now() - started)
      cpu = Math.min(cpu, (used.user + used.system) / 1000)
    }
    console.log(`${format.padEnd(5)} ${(wall / documents.length).toFixed(3)} ms wall  ${(cpu / documents.length).toFixed(3)} ms CPU`)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await textWritersBench(Number(process.argv[2] ?? 334), Number(process.argv[3] ?? 8))
}
