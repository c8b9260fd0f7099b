/**
 * Archival checks of the PDF writer with the offline tools of Debian
 * (`qpdf`, `poppler-utils`), on every document of the seed and the corpus:
 *
 * - `qpdf --check`: no syntax or stream encoding error;
 * - XMP identification `pdfaid:part` 3, `pdfaid:conformance` A;
 * - the structure tree (`pdfinfo -struct-text`) holds all the text, in reading order;
 * - the text layer (`pdftotext -raw`, through ToUnicode and ActualText) equals the document text;
 * - no glyph outside the text block on any page (`pdftotext -bbox`), page numbers aside.
 *
 * Text is compared with all white space removed: extractors turn line ends and
 * ideographic spaces into their own layout (notes/pdf.md §1). When a tool is
 * missing the check is skipped with a message (install `qpdf poppler-utils`).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {convert} from '../pipeline/batch/convert.js'
import type {Document} from '../pipeline/tree/types.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {TRUNCATION_NOTE} from '../pipeline/write/pdf/handle/index.js'
import {geometry} from '../pipeline/write/pdf/layout.js'
import {corpusFiles, seedPath} from './helpers/seed.js'

function has(tool: string): boolean {
  return spawnSync(tool, ['-v'], {encoding: 'utf8'}).error === undefined
}
const tools = {qpdf: has('qpdf'), poppler: has('pdftotext') && has('pdfinfo')}
if (!tools.qpdf || !tools.poppler) {
  console.warn(`PDF archival checks skipped: ${[!tools.qpdf && 'qpdf', !tools.poppler && 'poppler-utils'].filter(Boolean).join(' and ')} not installed`)
}

const directory = mkdtempSync(path.join(tmpdir(), 'diptext-pdf-'))
const files: Array<{doc: Document; file: string}> = []

beforeAll(async () => {
  const result = await convert([seedPath, ...corpusFiles()].map((p) => ({path: p, bytes: readFileSync(p)})))
  const context = createWriteContext(result.documents)
  for (const doc of result.documents) {
    const file = path.join(directory, `${doc.meta.slug}.pdf`)
    writeFileSync(file, await context.render('pdf', doc))
    files.push({doc, file})
  }
}, 120_000)

afterAll(() => rmSync(directory, {recursive: true, force: true}))

interface Leaf {
  type: string
  value?: string
  children?: Leaf[]
}

/** The document's text from the tree: every leaf in order, the title from the metadata when no node holds it, no white space. */
function treeText(doc: Document): string {
  let text = ''
  const stack: Leaf[] = [...(doc.children as unknown as Leaf[])].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (typeof node.value === 'string') text += node.value
    else for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]!)
  }
  const titled = doc.children.some((section) => section.type === 'preface' && section.children.some((child) => child.type === 'title'))
  if (!titled) text = doc.meta.title + text
  return text.replace(/\s/gu, '')
}

/** What the PDF must say: the tree's text, and the truncation note under the title when the document is cut off. */
function expectedText(doc: Document): string {
  const text = treeText(doc)
  if (doc.meta.truncated !== true) return text
  const note = (TRUNCATION_NOTE[doc.meta.language.split('-')[0] ?? 'zh'] ?? TRUNCATION_NOTE['zh']!).replace(/\s/gu, '')
  const title = doc.meta.title.replace(/\s/gu, '')
  return text.startsWith(title) ? title + note + text.slice(title.length) : note + text
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})

describe('PDF archival checks (qpdf, poppler)', () => {
  it.skipIf(!tools.qpdf)('qpdf --check finds no error in any PDF', () => {
    // The seed's three documents, and every corpus document when ../shared is there.
    expect(files.length).toBeGreaterThan(corpusFiles().length > 0 ? 20 : 2)
    for (const {file} of files) {
      const result = spawnSync('qpdf', ['--check', file], {encoding: 'utf8'})
      expect(result.status, `${path.basename(file)}: ${result.stdout}${result.stderr}`).toBe(0)
      expect(result.stdout).toContain('No syntax or stream encoding errors')
    }
  })

  it.skipIf(!tools.poppler)('declares PDF/A-3a in the XMP and the document language in /Lang', () => {
    for (const {doc, file} of files) {
      const meta = run('pdfinfo', ['-meta', file])
      expect(meta, path.basename(file)).toMatch(/<pdfaid:part>3<\/pdfaid:part>/)
      expect(meta, path.basename(file)).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/)
      const raw = readFileSync(file).toString('latin1')
      expect(raw).toContain(`/Lang (${doc.meta.language})`)
    }
  })

  it.skipIf(!tools.poppler)('the structure tree holds all the text, in reading order', () => {
    for (const {doc, file} of files) {
      const tree = run('pdfinfo', ['-struct-text', file])
      const text = [...tree.matchAll(/^\s*"(.*)"$/gmu)].map((match) => match[1]).join('').replace(/\s/gu, '')
      expect(text, path.basename(file)).toBe(expectedText(doc))
    }
  })

  it.skipIf(!tools.poppler)('the text layer gives back the document text exactly (pdftotext)', () => {
    for (const {doc, file} of files) {
      const pages = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).split('\f')
      // Each page ends with its number (an artifact, `— n —`), drawn first: drop it.
      const text = pages.map((page) => page.replace(/^— \d+ —$/mu, '')).join('').replace(/\s/gu, '')
      expect(text, path.basename(file)).toBe(expectedText(doc))
    }
  })

  it.skipIf(!tools.poppler)('sets no glyph outside the text block on any page (page numbers aside)', () => {
    const left = geometry.left
    const right = geometry.left + geometry.blockWidth
    const top = geometry.top
    const bottom = geometry.top + geometry.blockHeight
    // Noto Serif SC's ascent and descent (as pdftotext sizes word boxes); the em box is what sits on the grid.
    const ascent = 1.151
    const descent = 0.286
    const tolerance = 0.5
    let words = 0
    for (const {file} of files) {
      const html = run('pdftotext', ['-bbox', file, '-'])
      for (const page of html.split('<page ').slice(1)) {
        for (const match of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)) {
          const [xMin, yMin, xMax, yMax] = [1, 2, 3, 4].map((i) => Number(match[i]))
          const word = match[5]!
          if (yMin! > bottom && /^(—|\d+)$/u.test(word)) continue
          const size = (yMax! - yMin!) / (ascent + descent)
          const baseline = yMax! - descent * size
          const where = `${path.basename(file)}: ${word} [${xMin}, ${yMin}, ${xMax}, ${yMax}]`
          expect(xMin, where).toBeGreaterThanOrEqual(left - tolerance)
          expect(xMax, where).toBeLessThanOrEqual(right + tolerance)
          expect(baseline - 0.88 * size, where).toBeGreaterThanOrEqual(top - tolerance)
          expect(baseline + 0.12 * size, where).toBeLessThanOrEqual(bottom + tolerance)
          words++
        }
      }
    }
    expect(words).toBeGreaterThan(corpusFiles().length > 0 ? 500 : 100)
  })
})
