/**
 * PDF per document for `make bench`, warm and cold, each beside a floor
 * measured in the same bench run:
 *
 * - warm: one process renders a few documents first, then every document of
 *   the seed corpus (≥ 100 renders) through the writer registry, as the batch
 *   does; per document, CPU time (all threads: the collector and the compiler
 *   work too) and wall time;
 * - cold: the first document of a fresh process, loading pdfkit, fontkit and
 *   the fonts included (its Akoma Ntoso and JSON, which the PDF embeds, are
 *   rendered before the clock starts); the median of a few processes.
 *
 * The floor is pdfkit writing the same document's text on one page in the same
 * font (opened once per process, as the writer does) with one `text()` call: no
 * line breaking, no pagination, no tagging, no attachments. Each figure runs in
 * a fresh process of its own. `node dist/bench/pdf-warm.js` runs it alone.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import type {Document} from '../pipeline/tree/types.js'
import {convert} from '../pipeline/batch/convert.js'
import {createWriteContext, type CreatedContext} from '../pipeline/write/context.js'
import {getWriter} from '../pipeline/write/registry.js'
import {toText} from '../pipeline/tree/text.js'
import {seedCorpus} from './corpus.js'

/** The target for a warm document. */
export const WARM_TARGET_MS = 20
const WARM_UP = 6
const COPIES = 34
const COLD_RUNS = 3

interface Sample {
  cpuMs: number
  wallMs: number
  renders: number
}

const cpuNow = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** Runs `work` `renders` times between the clocks; returns the time per render. */
async function clock(renders: number, work: () => Promise<void>): Promise<Sample> {
  const cpu = cpuNow()
  const wall = performance.now()
  await work()
  return {cpuMs: (cpuNow() - cpu) / renders, wallMs: (performance.now() - wall) / renders, renders}
}

/** Documents of the seed corpus with their AKN and JSON rendered (the PDF embeds them; they are not timed). */
async function prepared(copies: number): Promise<{documents: Document[]; context: CreatedContext}> {
  const {documents} = await convert(seedCorpus(copies))
  const context = createWriteContext(documents, {sourceDateEpoch: 1_700_000_000})
  for (const doc of documents) for (const format of ['akn', 'json']) await context.render(format, doc)
  return {documents, context}
}

/** The floor's renderer: the same text on one page with pdfkit, the font opened once (pdfkit and fontkit load on first use). */
async function floorRenderer(fontFile: string): Promise<(text: string) => Promise<Uint8Array>> {
  const [{default: PDFDocument}, fontkit] = await Promise.all([import('pdfkit'), import('fontkit')])
  const font = fontkit.create(readFileSync(fontFile))
  return (text) =>
    new Promise((resolve, reject) => {
      const doc = new PDFDocument({size: 'A4', font: font as unknown as string})
      const chunks: Uint8Array[] = []
      doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
      doc.on('error', reject)
      doc.fontSize(16).text(text, 72, 72, {lineBreak: false})
      doc.end()
    })
}

/** One measurement in this (fresh) process: `warm` or `cold`, of the writer or of the floor. */
async function measure(kind: string, fontFile: string): Promise<Sample> {
  const [when, who] = kind.split('-')
  const {documents, context} = await prepared(when === 'cold' ? 1 : COPIES)
  const first = documents[0]!
  if (who === 'floor') {
    if (when === 'cold') {
      const texts = [toText(first)]
      return clock(1, async () => void (await (await floorRenderer(fontFile))(texts[0]!)))
    }
    const render = await floorRenderer(fontFile)
    const texts = documents.map((doc) => toText(doc))
    for (const text of texts.slice(0, WARM_UP)) await render(text)
    return clock(texts.length, async () => {
      for (const text of texts) await render(text)
    })
  }
  // The registry's writer, as the batch calls it; `write` renders afresh (the context would memoise).
  const writer = getWriter('pdf')
  if (when === 'cold') return clock(1, async () => void (await writer.write(first, context)))
  for (const doc of documents.slice(0, WARM_UP)) await writer.write(doc, context)
  return clock(documents.length, async () => {
    for (const doc of documents) await writer.write(doc, context)
  })
}

function inFreshProcess(kind: string, fontFile: string): Sample {
  const script = fileURLToPath(import.meta.url)
  const out = execFileSync(process.execPath, [script, 'measure', kind, fontFile], {encoding: 'utf8', maxBuffer: 1 << 24})
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!

function medianOf(kind: string, fontFile: string, runs: number): Sample {
  const samples = Array.from({length: runs}, () => inFreshProcess(kind, fontFile))
  return {cpuMs: median(samples.map((s) => s.cpuMs)), wallMs: median(samples.map((s) => s.wallMs)), renders: samples[0]!.renders}
}

export async function pdfWarmBench(): Promise<{warm: Sample; cold: Sample}> {
  const {fontPath} = await import('../pipeline/write/pdf/fonts.js')
  const fontFile = fontPath('regular')
  const warm = inFreshProcess('warm-writer', fontFile)
  const warmFloor = inFreshProcess('warm-floor', fontFile)
  const cold = medianOf('cold-writer', fontFile, COLD_RUNS)
  const coldFloor = medianOf('cold-floor', fontFile, COLD_RUNS)
  const ms = (n: number) => n.toFixed(n < 100 ? 1 : 0)
  const line = (label: string, ours: Sample, floor: Sample) =>
    console.log(
      `  ${label.padEnd(44)} ${ms(ours.cpuMs).padStart(6)} ms CPU (${ms(ours.wallMs)} wall) = ${(ours.cpuMs / floor.cpuMs).toFixed(1).padStart(4)}× floor (${ms(floor.cpuMs)} ms CPU, ${ms(floor.wallMs)} wall)`
    )
  console.log(`\nPDF per document, one thread (floor: pdfkit writing the document's text on one page in the same font, no layout)`)
  line(`warm (after ${WARM_UP}, over ${warm.renders} renders)`, warm, warmFloor)
  line(`cold (first document, fresh process, median of ${COLD_RUNS})`, cold, coldFloor)
  const met = warm.cpuMs <= WARM_TARGET_MS
  console.log(`  ${met ? 'met    ' : 'NOT met'}  PDF per document warm  ≤ ${WARM_TARGET_MS} ms  ${ms(warm.cpuMs)} ms CPU`)
  return {warm, cold}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, kind = 'warm-writer', fontFile = ''] = process.argv.slice(2)
  if (mode === 'measure') process.stdout.write(JSON.stringify(await measure(kind, fontFile)) + '\n')
  else await pdfWarmBench()
}
