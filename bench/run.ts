/**
 * `make bench`: the whole text pipeline (read → clean → segment → enrich → link,
 * then JSON and Markdown) over a corpus generated from the seed, each run in a
 * fresh process; reports the median documents per second and peak memory.
 * Then every other registered format, and the hostile inputs with their times.
 */
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {writers} from '../pipeline/write/registry.js'
import {hostileCases} from './hostile.js'
import {batchBench} from './batch.js'

const worker = fileURLToPath(new URL('./worker.js', import.meta.url))
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5)
const COPIES = Number(process.env['BENCH_COPIES'] ?? 334)

function measure(args: string[]): Record<string, any> {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', worker, ...args], {encoding: 'utf8', maxBuffer: 1 << 24})
  return JSON.parse(out.trim().split('\n').at(-1)!)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function report(label: string, args: string[], runs: number): void {
  const results = Array.from({length: runs}, () => measure(args))
  const docs = results[0]!['documents'] as number
  const ms = median(results.map((r) => r['ms'] as number))
  const rss = median(results.map((r) => r['maxRssMiB'] as number))
  console.log(
    `${label.padEnd(28)} ${String(docs).padStart(6)} docs  median ${ms.toFixed(0).padStart(6)} ms  ${((docs / ms) * 1000).toFixed(0).padStart(6)} docs/s  peak RSS ${rss.toFixed(0)} MiB  (${runs} runs: ${results.map((r) => (r['ms'] as number).toFixed(0)).join(', ')} ms)`
  )
}

console.log(`node ${process.version}`)
// The PDF writer warm comes first: its figure is one of the issue's, listed with the batch's at the end of that part.
const {pdfWarmBench, WARM_TARGET_MS} = await import('./pdf-warm.js')
const {warm} = await pdfWarmBench()
console.log()
batchBench([{label: 'PDF per document, warm', target: `≤ ${WARM_TARGET_MS} ms`, value: `${warm.cpuMs.toFixed(1)} ms CPU`, met: warm.cpuMs <= WARM_TARGET_MS}])
await (await import('./text-writers.js')).textWritersBench(COPIES)
console.log(`\npipeline through the API (convert, then render), ${RUNS} runs each, medians\n`)
report('text pipeline + json,md', ['text', String(COPIES)], RUNS)
for (const format of writers.keys()) {
  if (format === 'json' || format === 'md') continue
  const copies = format === 'pdf' ? Math.max(1, Math.round(COPIES / 10)) : COPIES
  report(`text pipeline + ${format}`, ['formats', String(copies), format], Math.min(RUNS, 3))
}
{
  const r = measure(['validate', String(COPIES)])
  console.log(
    `\nAKN schema validation: compile ${r['compileMs'].toFixed(0)} ms once, then ${(r['ms'] / r['documents']).toFixed(2)} ms per document (${r['documents']} documents, ${r['invalid']} invalid)`
  )
}
console.log('\nhostile inputs (one run each, json+md written):')
for (const hostile of hostileCases()) {
  const r = measure([hostile.name])
  console.log(
    `${hostile.name.padEnd(14)} ${(r['inputMiB'] as number).toFixed(2).padStart(7)} MiB  ${String(r['ms'].toFixed(0)).padStart(7)} ms  peak RSS ${r['maxRssMiB'].toFixed(0)} MiB  documents ${r['documents']}  failed ${r['failed']}  messages ${(r['messages'] as string[]).join(',') || '-'}`
  )
}
await (await import('./akn-scaling.js')).aknScalingBench()
