/**
 * Hostile input (the cases of `bench/hostile.ts`, scaled down): each gives
 * sane output or a clear error naming the file; nothing is lost; every writer
 * of the registry renders what is produced; in a batch a bad file is reported,
 * the others convert, and the exit code says a file failed. No timing
 * assertions here: `make bench` reports the full-size timings.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {DOMParser} from '@xmldom/xmldom'
import {hostileCases, PNG_BYTES, type HostileSizes} from '../bench/hostile.js'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {main} from '../pipeline/cli/main.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {writers} from '../pipeline/write/registry.js'
import type {Document} from '../pipeline/tree/types.js'
import {coverage} from './helpers/coverage.js'
import {corpusFiles, root, seedBytes, seedPath} from './helpers/seed.js'

const MiB = 2 ** 20
const SIZES: HostileSizes = {textBytes: 5 * MiB, lineBytes: 1 * MiB, dunCount: 100_000, debrisCount: 100_000, spaceRun: 1_000}

/** The case whose name starts with `prefix`, at `sizes`. */
function hostile(prefix: string, sizes: Partial<HostileSizes> = SIZES): {name: string; bytes: Uint8Array} {
  const found = hostileCases(sizes).find((c) => c.name === prefix || c.name.startsWith(prefix + '-'))
  if (!found) throw new Error(`no hostile case ${prefix}`)
  return {name: `${found.name}.txt`, bytes: found.make()}
}

/** Converts one input and checks what must hold for every input: no crash, no internal error, every message names the file. */
async function convertOne(name: string, bytes: Uint8Array): Promise<Converted> {
  const result = await convert([{path: name, bytes}])
  expect(result.files).toHaveLength(1)
  const file = result.files[0]!
  expect(file.messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.reason)).toEqual([])
  for (const message of file.messages) {
    expect(message.file, message.reason).toBe(name)
    expect(message.ruleId, message.reason).toBeTruthy()
  }
  return result
}

/** Nothing lost: every character of the decoded input is content, layout, removed or metadata, once. */
function expectNothingLost(result: Converted): void {
  const file = result.files[0]!
  const tree = result.trees.get(file)
  expect(tree).toBeDefined()
  expect(coverage(file.data.source!.text, tree!, file.data.removed!, file.data.stamps!)).toEqual([])
}

function rules(result: Converted): string[] {
  return [...new Set(result.files.flatMap((f) => f.messages.map((m) => String(m.ruleId))))].sort()
}

function parseXml(xml: string): string[] {
  const errors: string[] = []
  new DOMParser({onError: (level, message) => (level === 'warning' ? undefined : errors.push(`${level}: ${message}`))}).parseFromString(xml, 'text/xml')
  return errors
}

/** Renders every document in `formats` and checks each output is there and well-formed where cheap. */
async function renderAll(documents: readonly Document[], formats: readonly string[], options: {parse?: boolean} = {}): Promise<number> {
  const context = createWriteContext(documents)
  let bytes = 0
  for (const doc of documents) {
    for (const format of formats) {
      const out = await context.render(format, doc)
      expect(out.byteLength, `${format} ${doc.meta.id}`).toBeGreaterThan(0)
      bytes += out.byteLength
      if (options.parse === false) continue
      if (format === 'json') expect(() => JSON.parse(new TextDecoder().decode(out))).not.toThrow()
      if (format === 'akn') {
        const xml = new TextDecoder().decode(out)
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
        expect(parseXml(xml), doc.meta.id).toEqual([])
      }
      if (format === 'pdf') expect(Buffer.from(out.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    }
  }
  return bytes
}

const ALL = [...writers.keys()]
const NO_PDF = ALL.filter((f) => f !== 'pdf')

describe('hostile input: nothing to convert', () => {
  it.each([
    ['empty', hostile('empty')],
    ['whitespace', hostile('whitespace')],
    ['only NL', {name: 'newlines.txt', bytes: Buffer.from('\n'.repeat(10_000))}],
    ['only CR', {name: 'cr.txt', bytes: Buffer.from('\r'.repeat(10_000))}],
    ['BOM only', {name: 'bom.txt', bytes: Uint8Array.from([0xef, 0xbb, 0xbf])}],
    ['BOM + whitespace', {name: 'bomws.txt', bytes: Buffer.concat([Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from('\u3000\n \t')])}],
    ['UTF-16 BOM only', {name: 'bom16.txt', bytes: Uint8Array.from([0xff, 0xfe])}],
    ['zero-width', {name: 'zw.txt', bytes: Buffer.from('\u200b\ufeff\u200b\n'.repeat(100))}],
    ['U+3000 run', {name: 'u3000.txt', bytes: Buffer.from('\u3000'.repeat(1_000))}]
  ])('%s: no documents, an empty-input warning naming the file', async (_label, {name, bytes}) => {
    const result = await convertOne(name, bytes)
    expect(result.documents).toEqual([])
    const empty = result.files[0]!.messages.filter((m) => m.ruleId === 'empty-input')
    expect(empty).toHaveLength(1)
    expect(empty[0]!.file).toBe(name)
    // Reported by the CLI (a warning or an error, not a hidden note).
    expect(typeof empty[0]!.fatal).toBe('boolean')
    expectNothingLost(result)
  })

  it('a line of U+3000 then text: one document with the text, layout not lost', async () => {
    const {name, bytes} = hostile('u3000-run')
    const result = await convertOne(name, bytes)
    expect(result.failed).toEqual([])
    expect(result.documents).toHaveLength(1)
    expectNothingLost(result)
    await renderAll(result.documents, ALL)
  })

  it('debris repeated 100,000 times: no documents, every character recorded as removed', async () => {
    const {name, bytes} = hostile('debris')
    const result = await convertOne(name, bytes)
    expect(result.documents).toEqual([])
    expect(result.failed).toEqual([])
    expect(rules(result)).toEqual(['empty-input'])
    const file = result.files[0]!
    expect(file.data.removed!.length).toBeGreaterThanOrEqual(100_000)
    expectNothingLost(result)
  })
})

describe('hostile input: binary', () => {
  it.each([
    ['binary-nul', /NUL byte at 0x/],
    ['png-as-txt', /PNG signature/]
  ])('%s: the file fails with a fatal binary-input error saying what was found', async (label, what) => {
    const {name, bytes} = hostile(label)
    const result = await convertOne(name, bytes)
    expect(result.documents).toEqual([])
    expect(result.failed.map((f) => f.path)).toEqual([name])
    const messages = result.files[0]!.messages
    expect(messages.map((m) => m.ruleId)).toEqual(['binary-input'])
    expect(messages[0]!.fatal).toBe(true)
    expect(messages[0]!.reason).toMatch(what)
    expect(messages[0]!.reason).toMatch(/binary/)
  })

  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46], /JPEG/],
    ['GIF', [...Buffer.from('GIF89a'), 1, 0, 1, 0], /GIF/],
    ['PDF', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')], /PDF/],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], /ZIP/],
    ['gzip', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0], /gzip/]
  ])('a %s renamed .txt fails with binary-input', async (_label, bytes, what) => {
    const payload = Buffer.concat([Uint8Array.from(bytes), Buffer.from('中华人民共和国和阿塞拜疆共和国联合声明\n一、双方同意。\n'.repeat(20))])
    const result = await convertOne('image.txt', payload)
    expect(result.failed).toHaveLength(1)
    const message = result.files[0]!.messages.find((m) => m.ruleId === 'binary-input')
    expect(message?.fatal).toBe(true)
    expect(message?.reason).toMatch(what)
  })

  it('NUL bytes past the sniffing window: converted, each NUL reported, never written out', async () => {
    const {name, bytes} = hostile('nul-late')
    const result = await convertOne(name, bytes)
    expect(result.failed).toEqual([])
    expect(result.documents).toHaveLength(3)
    const invalid = result.files[0]!.messages.filter((m) => m.ruleId === 'invalid-byte')
    expect(invalid.length).toBeGreaterThan(0)
    expect(invalid.every((m) => /NUL/.test(m.reason) && m.fatal === false)).toBe(true)
    expectNothingLost(result)
    await renderAll(result.documents, ALL)
  })
})

describe('hostile input: large and degenerate text', () => {
  it('5 MiB of text (the seed, one copy a line): three documents a copy, each later copy a duplicate of the first, nothing lost', async () => {
    const {name, bytes} = hostile('text')
    const copies = bytes.byteLength / (seedBytes.byteLength + 1)
    expect(Number.isInteger(copies)).toBe(true)
    const result = await convertOne(name, bytes)
    expect(result.failed).toEqual([])
    expect(result.documents).toHaveLength(3 * copies)
    // The same three documents again and again: one Work each (identity comes from the document, not from
    // input order), every later copy a duplicate of the first.
    expect(new Set(result.documents.map((d) => d.meta.id)).size).toBe(3)
    expect(new Set(result.documents.map((d) => d.meta.slug)).size).toBe(3)
    expect(rules(result).filter((r) => r !== 'unresolved-citation')).toEqual(['duplicate-document'])
    expect(result.files[0]!.messages.filter((m) => m.ruleId === 'duplicate-document')).toHaveLength(3 * (copies - 1))
    expectNothingLost(result)
    // Every document renders; parse a sample (parsing all 2,500 outputs is the property test's job).
    await renderAll(result.documents, NO_PDF, {parse: false})
    await renderAll(result.documents.slice(0, 3), NO_PDF)
  })

  it('the same text in GB18030: detected, and the same documents as in UTF-8', async () => {
    const gb = hostile('gb18030', {textBytes: MiB})
    const result = await convertOne(gb.name, gb.bytes)
    expect(result.files[0]!.data.source!.encoding).toBe('gb18030')
    expect(result.failed).toEqual([])
    expect(result.documents.length).toBeGreaterThan(0)
    expect(result.documents.length % 3).toBe(0)
    const utf8 = await convert([{path: 'utf8.txt', bytes: Buffer.from((seedBytes.toString('utf8') + '\n').repeat(result.documents.length / 3))}])
    expect(result.documents.map((d) => d.meta.id)).toEqual(utf8.documents.map((d) => d.meta.id))
    expect(result.documents.map((d) => d.meta.title)).toEqual(utf8.documents.map((d) => d.meta.title))
    expectNothingLost(result)
    await renderAll(result.documents.slice(0, 6), NO_PDF)
  })

  it('one 1 MiB line without structure: one document holding all of it', async () => {
    const {name, bytes} = hostile('line')
    const result = await convertOne(name, bytes)
    expect(result.failed).toEqual([])
    expect(result.documents).toHaveLength(1)
    expectNothingLost(result)
    const rendered = await renderAll(result.documents, NO_PDF)
    expect(rendered).toBeGreaterThan(3 * bytes.byteLength)
  })

  it('100,000 一、 in a row: converted, nothing lost, every writer renders', async () => {
    const {name, bytes} = hostile('dun')
    const result = await convertOne(name, bytes)
    expect(result.failed).toEqual([])
    expect(result.documents.length).toBeGreaterThanOrEqual(1)
    expectNothingLost(result)
    await renderAll(result.documents, NO_PDF)
  })

  it('一、 one a line (5,000 lines; the AKN eIds are quadratic in it, see the report): articles, nothing lost, every writer renders', async () => {
    const {name, bytes} = hostile('dun-lines', {dunCount: 5_000})
    const result = await convertOne(name, bytes)
    expect(result.failed).toEqual([])
    expect(result.documents).toHaveLength(1)
    expectNothingLost(result)
    await renderAll(result.documents, ALL)
  })
})

describe('hostile input in a batch', () => {
  let dir: string
  let stderr: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'diptext-hostile-'))
    stderr = ''
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk)
      return true
    })
  })

  afterEach(() => {
    vi.restoreAllMocks()
    rmSync(dir, {recursive: true, force: true})
  })

  it('convert(): the binary file fails alone, the good files before and after it convert', async () => {
    const corpus = corpusFiles()[0]
    const inputs = [
      {path: 'good-seed.txt', bytes: seedBytes},
      {path: 'binary.txt', bytes: PNG_BYTES},
      {path: 'empty.txt', bytes: new Uint8Array(0)},
      ...(corpus ? [{path: path.basename(corpus), bytes: readFileSync(corpus)}] : [{path: 'good-copy.txt', bytes: seedBytes}])
    ]
    const alone = await convert([inputs[3]!])
    const result = await convert(inputs)
    expect(result.failed.map((f) => f.path)).toEqual(['binary.txt'])
    expect(result.documents.map((d) => d.meta.source.file)).toEqual([
      'good-seed.txt',
      'good-seed.txt',
      'good-seed.txt',
      ...alone.documents.map(() => inputs[3]!.path)
    ])
    expect(result.files.find((f) => f.path === 'empty.txt')!.messages.map((m) => m.ruleId)).toEqual(['empty-input'])
    // The last file's documents are the same as when it is converted alone (offsets, titles).
    const last = result.documents.slice(3)
    expect(last.map((d) => [d.meta.title, d.meta.source.start, d.meta.source.end])).toEqual(
      alone.documents.map((d) => [d.meta.title, d.meta.source.start, d.meta.source.end])
    )
  })

  it('the CLI: [good seed, binary, empty, good corpus file] → exit 1, good ones written, the bad file named', async () => {
    const corpus = corpusFiles()[0]
    const good2 = path.join(dir, 'in', 'z-good.txt')
    const binary = path.join(dir, 'in', 'photo.txt')
    const empty = path.join(dir, 'in', 'blank.txt')
    const nul = path.join(dir, 'in', 'nul.txt')
    mkdirSync(path.join(dir, 'in'))
    // Another document than the seed (the same text twice is one document and a duplicate report).
    writeFileSync(good2, corpus ? readFileSync(corpus) : readFileSync(path.join(root, 'test', 'fixtures', 'families', 'treaty-chapters.txt')))
    writeFileSync(binary, PNG_BYTES)
    writeFileSync(empty, '')
    writeFileSync(nul, Buffer.concat([Buffer.from('中华人民共和国'), Buffer.alloc(8), Buffer.from('联合声明')]))
    const goodDocs = (await convert([{path: seedPath, bytes: seedBytes}])).documents.length + (await convert([{path: good2, bytes: readFileSync(good2)}])).documents.length

    const out = path.join(dir, 'out')
    const code = await main([seedPath, binary, empty, nul, good2, '--out', out, '--formats', 'json,md'])
    expect(code).toBe(1)
    expect(stderr).toContain('photo.txt')
    expect(stderr).toContain('nul.txt')
    expect(stderr).toMatch(/PNG signature/)
    expect(stderr).toMatch(/NUL byte/)
    expect(stderr).toContain('blank.txt')
    expect(stderr).toContain('empty-input')
    expect(readdirSync(path.join(out, 'json'))).toHaveLength(goodDocs)
    expect(readdirSync(path.join(out, 'md'))).toHaveLength(goodDocs)
    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'))
    expect(index.documents).toHaveLength(goodDocs)
    expect(readdirSync(out, {recursive: true}).filter((f) => String(f).endsWith('.tmp'))).toEqual([])
    expect(existsSync(path.join(dir, 'json'))).toBe(false)
  })

  it('the CLI: a folder holding only bad files exits 1 and writes an empty index', async () => {
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in', 'a.txt'), PNG_BYTES)
    writeFileSync(path.join(dir, 'in', 'b.txt'), Buffer.alloc(100))
    const out = path.join(dir, 'out')
    expect(await main([path.join(dir, 'in'), '--out', out, '--formats', 'json'])).toBe(1)
    expect(stderr).toContain('a.txt')
    expect(stderr).toContain('b.txt')
    expect(JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')).documents).toEqual([])
  })
})
