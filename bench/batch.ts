/**
 * The batch engine's figures for `make bench`, through the command line as a
 * user runs it, each beside a floor run measured in the same bench run (read,
 * one regular-expression scan, write JSON and Markdown per document):
 * documents per second and CPU for the text formats, PDF per document, a
 * cached rerun, peak memory by batch size and for one large file.
 * `BENCH_LARGE=1` adds 10k and 50k documents and 10k in every format.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {seedCorpus} from './corpus.js'
import {seedSource} from './hostile.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const LARGE = process.env['BENCH_LARGE'] === '1'

interface Measured {
  ms: number
  cpuMs: number
  maxRssMiB: number
  code?: number
  documents?: number
}

function node(script: string, args: string[]): Measured {
  const out = execFileSync(process.execPath, [path.join(here, script), ...args], {encoding: 'utf8', maxBuffer: 1 << 24, env: {...process.env, SOURCE_DATE_EPOCH: '1700000000'}})
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured
}

function corpus(work: string, copies: number): string {
  const dir = path.join(work, `corpus-${copies}`)
  mkdirSync(dir, {recursive: true})
  for (const file of seedCorpus(copies)) writeFileSync(path.join(dir, file.path), file.bytes)
  return dir
}

const fmt = (n: number, digits = 0) => n.toFixed(digits)

export function batchBench(): void {
  const work = mkdtempSync(path.join(tmpdir(), 'diptext-bench-'))
  try {
    const copies = Number(process.env['BENCH_BATCH_COPIES'] ?? 334)
    const input = corpus(work, copies)
    const documents = copies * 3
    const floor = node('floor.js', [input, path.join(work, 'floor')])
    console.log(`batch engine (CLI, ${documents} documents from ${copies} files; floor: ${fmt(floor.ms)} ms wall, ${fmt(floor.cpuMs)} ms CPU, ${fmt(floor.maxRssMiB)} MiB)`)
    const line = (label: string, m: Measured, docs: number) =>
      console.log(
        `  ${label.padEnd(34)} ${fmt(m.ms).padStart(7)} ms  ${fmt((docs / m.ms) * 1000).padStart(5)} docs/s  CPU ${fmt(m.cpuMs).padStart(7)} ms = ${fmt(m.cpuMs / floor.cpuMs, 1).padStart(5)}× floor  cpu/wall ${fmt(m.cpuMs / m.ms, 2)}  peak RSS ${fmt(m.maxRssMiB)} MiB${m.code ? `  exit ${m.code}` : ''}`
      )
    const run = (args: string[]) => node('batch-run.js', [work, ...args])
    for (const jobs of ['1', '2']) line(`json,md,akn --jobs ${jobs}`, run([input, '--out', path.join(work, `text-${jobs}`), '--formats', 'json,md,akn', '--no-cache', '--jobs', jobs]), documents)
    const cacheArgs = [input, '--out', path.join(work, 'cached'), '--formats', 'json,md,akn', '--cache', path.join(work, 'cache')]
    line('json,md,akn, cache cold', run(cacheArgs), documents)
    line('json,md,akn, cached rerun', run(cacheArgs), documents)

    const pdfCopies = Math.max(1, Math.round(copies / 10))
    const pdfInput = corpus(work, pdfCopies)
    const pdf = run([pdfInput, '--out', path.join(work, 'pdf'), '--formats', 'pdf', '--no-cache', '--jobs', '1'])
    const text = run([pdfInput, '--out', path.join(work, 'pdf-text'), '--formats', 'json,akn', '--no-cache', '--jobs', '1'])
    line(`pdf --jobs 1 (${pdfCopies * 3} docs)`, pdf, pdfCopies * 3)
    console.log(`  PDF: ${fmt((pdf.cpuMs - text.cpuMs) / (pdfCopies * 3), 1)} ms CPU per document beyond the AKN and JSON it embeds (${pdfCopies * 3} documents, one thread)`)

    // One large file: the pipeline holds one file's trees at a time, so this is the bound.
    const big = path.join(work, 'big')
    mkdirSync(big)
    const mib = Number(process.env['BENCH_BIG_MIB'] ?? (LARGE ? 50 : 5))
    const unit = seedSource() + '\n'
    writeFileSync(path.join(big, 'big.txt'), unit.repeat(Math.ceil((mib * 2 ** 20) / Buffer.byteLength(unit))))
    const one = run([big, '--out', path.join(work, 'big-out'), '--formats', 'json,md,akn', '--no-cache', '--jobs', '1'])
    console.log(`  one ${mib} MiB file (json,md,akn): ${fmt(one.ms)} ms, peak RSS ${fmt(one.maxRssMiB)} MiB (${fmt(one.maxRssMiB / mib, 1)} MiB per MiB of input)`)

    if (LARGE) {
      for (const large of [3334, 16667]) {
        const dir = corpus(work, large)
        line(`json,md,akn ${large * 3} docs`, run([dir, '--out', path.join(work, `large-${large}`), '--formats', 'json,md,akn', '--no-cache']), large * 3)
        rmSync(path.join(work, `large-${large}`), {recursive: true, force: true})
      }
      line('every format, 10,002 docs', run([path.join(work, 'corpus-3334'), '--out', path.join(work, 'all'), '--no-cache']), 10002)
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) batchBench()
