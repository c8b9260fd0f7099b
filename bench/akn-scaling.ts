/**
 * The Akoma Ntoso writer's cost for `make bench`: time to write a generated
 * document of N and 2N articles and of D and 2D nested points, with the
 * ratios (a linear writer gives ≈ 2.0), then milliseconds per document on
 * the seed corpus (`seedCorpus(334)`, converted once, every document written
 * several times). Trees are built by hand, so only the writer is measured.
 * `BENCH_AKN_ARTICLES` and `BENCH_AKN_DEPTH` change N and D.
 */
import type {Position} from 'unist'
import {convert} from '../pipeline/batch/convert.js'
import type {Division, Document, Paragraph} from '../pipeline/tree/types.js'
import {aknWriter} from '../pipeline/write/akn/index.js'
import {createWriteContext} from '../pipeline/write/context.js'
import type {WriteContext} from '../pipeline/write/types.js'
import {seedCorpus} from './corpus.js'

const at = (offset: number): Position => ({start: {line: 1, column: offset + 1, offset}, end: {line: 1, column: offset + 2, offset: offset + 1}})

function paragraph(offset: number, ...children: Paragraph['children']): Paragraph {
  return {type: 'paragraph', children, position: at(offset)}
}

function frame(slug: string, body: Array<Paragraph | Division>): Document {
  return {
    type: 'document',
    meta: {
      id: '/akn/cn/statement/jointStatement/2005-03-17/cn-az',
      docType: 'jointStatement',
      docTypeLabel: '联合声明',
      title: '中华人民共和国和阿塞拜疆共和国联合声明',
      language: 'zh-Hans',
      dates: {signed: null, published: null, effective: null, work: null},
      place: null,
      parties: [
        {name: '中华人民共和国', code: 'cn'},
        {name: '阿塞拜疆共和国', code: 'az'}
      ],
      slug,
      stamps: [],
      removed: [],
      source: {file: `${slug}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8', start: 0, end: 0, byteStart: 0, byteEnd: 0}
    },
    children: [{type: 'body', children: body, position: at(0)}],
    position: at(0)
  }
}

/** `count` articles, one line each: a number, text with a date, a person and characters to escape. */
export function articleDocument(count: number): Document {
  const articles: Division[] = []
  for (let i = 1; i <= count; i++) {
    const text = paragraph(
      i,
      {type: 'text', value: `双方同意在第${i}条的框架内加强合作 & 交流，`, position: at(i)},
      {type: 'date', iso: '2005-03-17', children: [{type: 'text', value: '2005年3月17日', position: at(i)}], position: at(i)},
      {type: 'text', value: '由', position: at(i)},
      {type: 'person', ref: `person${i % 50}`, href: '', showAs: '', children: [{type: 'text', value: `某人${i % 50}`, position: at(i)}], position: at(i)},
      {type: 'text', value: '负责<落实>。', position: at(i)}
    )
    articles.push({type: 'article', ordinal: i, style: 'arabic-dot', children: [{type: 'num', value: `${i}.`, position: at(i)}, text], position: at(i)})
  }
  return frame(`articles-${count}`, articles)
}

/** An article holding `depth` points, each inside the one before (`（一）` repeated). */
export function nestedDocument(depth: number): Document {
  let inner: Division | null = null
  for (let level = depth; level >= 1; level--) {
    const children: Division['children'] = [{type: 'num', value: '（一）', position: at(level)}, paragraph(level, {type: 'text', value: `第${level}层。`, position: at(level)})]
    if (inner) children.push(inner)
    inner = {type: 'point', ordinal: 1, style: 'paren-hanzi', children, position: at(level)}
  }
  const lead = paragraph(0, {type: 'text', value: '双方同意：', position: at(0)})
  const article: Division = {type: 'article', ordinal: 1, style: 'dun-hanzi', children: [{type: 'num', value: '一、', position: at(0)}, lead, ...(inner ? [inner] : [])], position: at(0)}
  return frame(`nested-${depth}`, [article])
}

/** CPU milliseconds of this process: on a shared machine, time spent waiting for a core is not the writer's. */
function cpuMs(): number {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

/** The least CPU time of `runs` writes of `doc`, in milliseconds (after one warm-up). */
function bestOf(runs: number, doc: Document, context: WriteContext): number {
  aknWriter.write(doc, context)
  let best = Infinity
  for (let run = 0; run < runs; run++) {
    const started = cpuMs()
    aknWriter.write(doc, context)
    best = Math.min(best, cpuMs() - started)
  }
  return best
}

/** Writes a document of `size` and of twice that, each made just before it is written so only its own tree is alive. */
function scaling(label: string, make: (size: number) => Document, size: number, runs: number): void {
  const ms = [size, size * 2].map((n) => {
    const doc = make(n)
    return bestOf(runs, doc, createWriteContext([doc], {sourceDateEpoch: 0}))
  })
  const [a, b] = ms as [number, number]
  console.log(`  ${label} ${String(size).padStart(6)}: ${a.toFixed(1).padStart(7)} ms   ${String(size * 2).padStart(6)}: ${b.toFixed(1).padStart(7)} ms   ratio ${(b / a).toFixed(2)}`)
}

export async function aknScalingBench(): Promise<void> {
  console.log('\nAKN writer (CPU time, one thread, best of 5 runs, of 15 for depth; a linear writer doubles)')
  const {documents} = await convert(seedCorpus(334))
  const context = createWriteContext(documents, {sourceDateEpoch: 0})
  const rounds = 5
  for (const doc of documents) aknWriter.write(doc, context)
  let best = Infinity
  for (let round = 0; round < rounds; round++) {
    const started = cpuMs()
    for (const doc of documents) aknWriter.write(doc, context)
    best = Math.min(best, cpuMs() - started)
  }
  console.log(`  seedCorpus(334): ${(best / documents.length).toFixed(3)} ms per document (${documents.length} documents, best of ${rounds} rounds)`)

  const articles = Number(process.env['BENCH_AKN_ARTICLES'] ?? 20_000)
  const depth = Number(process.env['BENCH_AKN_DEPTH'] ?? 1_000)
  scaling('articles', articleDocument, articles, 5)
  scaling('depth   ', nestedDocument, depth, 15)
}
