/**
 * Very deep trees (issue 12: `（一）(1)` repeated on one line nests points
 * thousands deep): every writer finishes without a stack overflow, the Akoma
 * Ntoso stays within what the schema and libxml2 accept, nothing is lost or
 * reordered, and one warning says where the nesting was flattened. Trees are
 * built by hand, without recursion.
 */
import {describe, expect, it} from 'vitest'
import type {Position} from 'unist'
import type {Division, Document, Paragraph} from '../pipeline/tree/types.js'
import {boundDepth, divisionDepth, MAX_DIVISION_DEPTH} from '../pipeline/write/bounded-depth.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {findSchemaDir, validateAkn} from '../pipeline/validate/akn-schema.js'

const at = (offset: number): Position => ({start: {line: 1, column: offset + 1, offset}, end: {line: 1, column: offset + 2, offset: offset + 1}})

function paragraph(text: string, offset: number): Paragraph {
  return {type: 'paragraph', children: [{type: 'text', value: text, position: at(offset)}], position: at(offset)}
}

/** An article holding `depth` points, each inside the one before: 一、P0 （一）P1 （一）P2 … */
function deepDocument(depth: number): Document {
  let inner: Division | null = null
  for (let level = depth; level >= 1; level--) {
    const children: Division['children'] = [{type: 'num', value: '（一）', position: at(level)}, paragraph(`P${level}.`, level)]
    if (inner) children.push(inner)
    inner = {type: 'point', ordinal: 1, style: 'paren-hanzi', children, position: at(level)}
  }
  const article: Division = {
    type: 'article',
    ordinal: 1,
    style: 'dun-hanzi',
    children: [{type: 'num', value: '一、', position: at(0)}, paragraph('P0.', 0), ...(inner ? [inner] : [])],
    position: at(0)
  }
  return {
    type: 'document',
    meta: {
      id: '/akn/cn/statement/jointStatement/2005-03-17/cn-az',
      docType: 'jointStatement',
      docTypeLabel: '联合声明',
      title: '深层嵌套测试声明',
      language: 'zh-Hans',
      dates: {signed: null, published: null, effective: null, work: null},
      place: null,
      parties: [{name: '中华人民共和国', code: 'cn'}, {name: '阿塞拜疆共和国', code: 'az'}],
      slug: 'deep',
      stamps: [],
      removed: [],
      source: {file: 'deep.txt', sha256: '0'.repeat(64), encoding: 'utf-8', start: 0, end: depth + 1, byteStart: 0, byteEnd: depth + 1}
    },
    children: [{type: 'body', children: [article], position: at(0)}],
    position: at(0)
  }
}

/** `P0.`, `P1.`, … in the order they appear in `text`. */
function markers(text: string): number[] {
  return [...text.matchAll(/P(\d+)\./g)].map((match) => Number(match[1]))
}

const DEPTH = 3000
const expected = Array.from({length: DEPTH + 1}, (_, i) => i)

describe('writers on very deep trees', () => {
  const doc = deepDocument(DEPTH)
  const context = createWriteContext([doc])
  const text = async (format: string) => new TextDecoder().decode(await context.render(format, doc))

  it('bounds the nesting once, keeping every division and paragraph in order', () => {
    expect(divisionDepth(doc)).toBe(DEPTH + 1)
    const bounded = boundDepth(doc, null)
    expect(divisionDepth(bounded)).toBeLessThanOrEqual(MAX_DIVISION_DEPTH + 1)
    expect(boundDepth(doc, null)).toBe(bounded)
    // The input tree is not touched.
    expect(divisionDepth(doc)).toBe(DEPTH + 1)
    // A tree within the limit is given back as it is.
    const shallow = deepDocument(10)
    expect(boundDepth(shallow, null)).toBe(shallow)
  })

  it('sets the sub-divisions of the deepest allowed level as its siblings, in document order', () => {
    const small = deepDocument(5)
    // Points 3…5 are set inside point 2 (depth 3 with the article), each with its own paragraph.
    const bounded = boundDepth(small, null, 3)
    const article = bounded.children[0]!.children[0] as Division
    const p1 = article.children[2] as Division
    const p2 = p1.children[2] as Division
    expect(p2.children.map((child) => child.type)).toEqual(['num', 'paragraph', 'point', 'point', 'point'])
    expect(markers(JSON.stringify(bounded))).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('writes JSON with every paragraph, in order, within the bounded depth', async () => {
    const json = await text('json')
    expect(markers(json)).toEqual(expected)
    const parsed = JSON.parse(json) as {articles: Array<{points: unknown[]}>}
    let depth = 0
    for (let level: {points: unknown[]} | undefined = parsed.articles[0]; level; level = level.points[0] as {points: unknown[]} | undefined) depth++
    expect(depth).toBeLessThanOrEqual(MAX_DIVISION_DEPTH + 1)
  })

  it('writes Markdown with every paragraph, in order', async () => {
    expect(markers(await text('md'))).toEqual(expected)
  })

  it('writes Akoma Ntoso that the schema (and libxml2) accept, with every paragraph in order', async () => {
    const xml = await text('akn')
    expect(markers(xml)).toEqual(expected)
    const schemaDir = findSchemaDir()
    if (!schemaDir) return
    const [result] = await validateAkn([{name: 'deep.xml', xml}])
    expect(result?.errors ?? []).toEqual([])
    expect(result?.valid).toBe(true)
  })

  it('writes a PDF', async () => {
    const pdf = await context.render('pdf', doc)
    expect(Buffer.from(pdf.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7')
  })

  it('warns once, with a rule id and a place, whichever writers run', () => {
    const warnings = context.messages.filter((message) => message.ruleId === 'nesting-flattened')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.place).toMatchObject({start: {offset: MAX_DIVISION_DEPTH - 1}})
    expect(warnings[0]!.file).toBe('deep.txt')
  })
})
