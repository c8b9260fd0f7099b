/**
 * `make corpus`: converts each `../shared/corpus/NNN.txt` on its own and counts
 * how many of its answer key's checks hold, per page and in total. The checks
 * are the key's fields (title, dates, place, article count and starts,
 * signatories, debris gone, truncated, language) per document, plus one per page
 * for the number of documents found (no spurious or missing documents).
 *
 * The keys come from captures whose punctuation width was normalised, so text is
 * compared width-folded (NFKC). Debris must be gone from every section but the
 * preface (a dateline kept under the title is metadata, not body text).
 *
 *   node dist/bench/corpus-score.js [--verbose] [corpus dir]
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {convert} from '../pipeline/batch/convert.js'
import {toText} from '../pipeline/tree/text.js'
import {walk} from '../pipeline/tree/walk.js'
import type {Division, Document, Signature} from '../pipeline/tree/types.js'

export interface KeyDocument {
  title: string | null
  publishedDate: string | null
  signedDate: string | null
  place: string | null
  articleCount: number
  firstArticleStart: string | null
  lastArticleStart: string | null
  signatories: Array<{role: string; name: string | null}>
  debris: string[]
  truncated: boolean
  language: string
}

export interface Check {
  doc: number
  field: string
  ok: boolean
  expected: unknown
  actual: unknown
}

const fold = (text: string | null | undefined): string | null => (text == null ? null : text.normalize('NFKC').replace(/\s+/gu, ' ').trim())

/** Every article of a document, at any depth of chapters and sections. */
export function articlesOf(doc: Document): Division[] {
  const out: Division[] = []
  walk(doc, (node) => {
    if (node.type === 'article') out.push(node as Division)
  })
  return out
}

function startOf(article: Division | undefined): string | null {
  if (!article) return null
  const first = article.children.find((c) => c.type === 'paragraph' || c.type === 'point')
  return first ? fold(toText(first).slice(0, 8)) : null
}

function signatoriesOf(doc: Document): Array<{role: string; name: string | null}> {
  const out: Array<{role: string; name: string | null}> = []
  walk(doc, (node) => {
    if (node.type === 'signature') {
      const s = node as Signature
      out.push({role: fold(s.role ?? '') ?? '', name: fold(s.name)})
    }
  })
  return out
}

/** The text a reader sees outside the preface, one block per line. */
function bodyText(doc: Document): string {
  const lines: string[] = []
  for (const section of doc.children) {
    if (section.type === 'preface') continue
    walk(section, (node) => {
      if (node.type === 'paragraph' || node.type === 'num' || node.type === 'signature' || node.type === 'signing') lines.push(toText(node))
    })
  }
  return fold(lines.join('\n'))!
}

/** The checks of one page: its key against the documents converted from it. */
export function checkPage(key: KeyDocument[], documents: Document[]): Check[] {
  const checks: Check[] = [{doc: -1, field: 'documents', ok: documents.length === key.length, expected: key.length, actual: documents.length}]
  const used = new Set<Document>()
  key.forEach((expected, index) => {
    const byTitle = expected.title === null ? undefined : documents.find((d) => !used.has(d) && fold(d.meta.title) === fold(expected.title))
    const doc = byTitle ?? documents.filter((d) => !used.has(d))[0]
    if (doc) used.add(doc)
    const articles = doc ? articlesOf(doc) : []
    const actual = {
      title: doc ? (doc.meta.title === '' ? null : fold(doc.meta.title)) : undefined,
      publishedDate: doc?.meta.dates.published?.value ?? null,
      signedDate: doc?.meta.dates.signed?.value ?? null,
      place: doc ? fold(doc.meta.place) : undefined,
      articleCount: articles.length,
      firstArticleStart: startOf(articles[0]),
      lastArticleStart: startOf(articles.at(-1)),
      signatories: doc ? signatoriesOf(doc) : undefined,
      truncated: doc?.meta.truncated ?? false,
      language: doc?.meta.language
    }
    const wanted = {
      title: fold(expected.title),
      publishedDate: expected.publishedDate,
      signedDate: expected.signedDate,
      place: fold(expected.place),
      articleCount: expected.articleCount,
      firstArticleStart: fold(expected.firstArticleStart?.slice(0, 8)),
      lastArticleStart: fold(expected.lastArticleStart?.slice(0, 8)),
      signatories: expected.signatories.map((s) => ({role: fold(s.role) ?? '', name: fold(s.name)})),
      truncated: expected.truncated,
      language: expected.language
    }
    for (const field of Object.keys(wanted) as Array<keyof typeof wanted>) {
      const ok = doc !== undefined && JSON.stringify(actual[field]) === JSON.stringify(wanted[field])
      checks.push({doc: index, field, ok, expected: wanted[field], actual: actual[field]})
    }
    const text = doc ? bodyText(doc) : ''
    const left = expected.debris.map((piece) => fold(piece.split('\n')[0]!)!).filter((line) => line.length > 0 && text.includes(line))
    checks.push({doc: index, field: 'debris', ok: doc !== undefined && left.length === 0, expected: [], actual: left})
  })
  return checks
}

export async function scoreCorpus(dir: string): Promise<Array<{page: string; checks: Check[]}>> {
  const pages: Array<{page: string; checks: Check[]}> = []
  for (const name of readdirSync(dir).filter((f) => /^\d+\.txt$/.test(f)).sort()) {
    const keyPath = path.join(dir, name.replace(/\.txt$/, '.expected.json'))
    if (!existsSync(keyPath)) continue
    const key = (JSON.parse(readFileSync(keyPath, 'utf8')) as {documents: KeyDocument[]}).documents
    const file = path.join(dir, name)
    const {documents} = await convert([{path: file, bytes: readFileSync(file)}])
    pages.push({page: name.replace(/\.txt$/, ''), checks: checkPage(key, documents)})
  }
  return pages
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const verbose = args.includes('--verbose')
  const here = path.dirname(fileURLToPath(import.meta.url))
  const dir = args.find((a) => !a.startsWith('--')) ?? path.resolve(here, '..', '..', '..', 'shared', 'corpus')
  if (!existsSync(dir)) {
    console.log(`No corpus at ${path.relative(process.cwd(), dir)}: nothing to score`)
    return
  }
  const pages = await scoreCorpus(dir)
  let passed = 0
  let total = 0
  for (const {page, checks} of pages) {
    const ok = checks.filter((c) => c.ok).length
    passed += ok
    total += checks.length
    const failed = checks.filter((c) => !c.ok).map((c) => (c.doc >= 0 ? `${c.doc + 1}.${c.field}` : c.field))
    console.log(`${page}  ${String(ok).padStart(3)}/${String(checks.length).padEnd(3)} ${failed.length > 0 ? 'failed: ' + failed.join(' ') : ''}`)
    if (verbose) {
      for (const c of checks.filter((c) => !c.ok)) console.log(`      ${c.doc >= 0 ? c.doc + 1 + '.' : ''}${c.field}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`)
    }
  }
  console.log(`total ${passed}/${total} checks (${((100 * passed) / Math.max(1, total)).toFixed(1)} %) on ${pages.length} pages`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main()
