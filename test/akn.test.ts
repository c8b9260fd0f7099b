/**
 * The Akoma Ntoso writer (`pipeline/write/akn`) and its validator
 * (`pipeline/validate/akn-schema.ts`).
 *
 * Every document written here is checked for: validity against the official
 * AKN 3.0 XSD (skipped, and reported as skipped, when no schema is found);
 * unique, Arabic, punctuation-free eIds; `refersTo`/`as`/`#…` targets that
 * exist (the XSD cannot check them); body text identical to the tree's leaves;
 * titles, article numbers and paragraph texts read back from the XML; and
 * byte-identical output for the same tree.
 *
 * A hand-built fixture covers shapes the real inputs lack; the seed and the
 * corpus go through the real pipeline.
 */
import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {DOMParser} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element, Node as XmlNode} from '@xmldom/xmldom'
import {afterAll, describe, expect, it} from 'vitest'
import type {AnyNode, Document} from '../pipeline/tree/types.js'
import {aknSchemaInfo, disposeAknValidator, findSchemaDir, validateAkn} from '../pipeline/validate/akn-schema.js'
import type {WriteContext} from '../pipeline/write/types.js'
import {aknWriter, toAkn} from '../pipeline/write/akn/index.js'
import {convert} from '../pipeline/batch/convert.js'
import {toJson} from '../pipeline/write/json/index.js'
import {aknSample, aknVariants, CITED_ID, SAMPLE_ID, SAMPLE_TITLE} from './fixtures/akn-sample.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const AKN = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

// ------------------------------------------------------------------ environment

const schemaDir = findSchemaDir()
const NO_SCHEMA = schemaDir
  ? ''
  : ' [SKIPPED: no AKN schema: set AKN_SCHEMA_DIR, provide ../shared/schemas/akn or run scripts/fetch-schemas.sh]'
/** For tests that still run without the schema: says that their XSD check did not. */
const XSD_PART = schemaDir ? '' : ' [XSD check skipped: no AKN schema]'
const CORPUS_DIR = path.resolve(ROOT, '..', 'shared', 'corpus')



afterAll(async () => {
  await disposeAknValidator()
})

function context(batch: readonly Document[] = [], sourceDateEpoch: number | null = null): WriteContext {
  return {
    batch,
    sourceDateEpoch,
    render(format, doc) {
      if (format !== 'akn') throw new Error(`no ${format} writer in this test`)
      return Promise.resolve(aknWriter.write(doc, this))
    }
  }
}

// ------------------------------------------------------------------ reading the XML back

function parse(xml: string): XmlDocument {
  return new DOMParser({
    onError(level, message) {
      if (level !== 'warning') throw new Error(`not well-formed: ${message}`)
    }
  }).parseFromString(xml, 'text/xml')
}

function all(root: XmlDocument | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(AKN, name))
}

function one(root: XmlDocument | Element, name: string): Element {
  const found = all(root, name)
  expect(found, `exactly one <${name}>`).toHaveLength(1)
  return found[0] as Element
}

function elementsOf(root: Element): Element[] {
  const out: Element[] = []
  const visit = (el: Element) => {
    out.push(el)
    for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) visit(node as Element)
  }
  visit(root)
  return out
}

/** Containers whose content model is element-only: whitespace in them is layout, text is a bug. */
const ELEMENT_ONLY = new Set([
  'preface',
  'preamble',
  'mainBody',
  'conclusions',
  'chapter',
  'article',
  'paragraph',
  'point',
  'content',
  'intro',
  'wrapUp',
  'blockContainer',
  'formula'
])

/** The text of the four body sections, in order; layout whitespace between elements is skipped. */
function aknBodyText(xml: XmlDocument): string {
  let out = ''
  const visit = (node: XmlNode) => {
    if (node.nodeType === 3) {
      const parent = node.parentNode as Element
      const value = node.nodeValue ?? ''
      if (ELEMENT_ONLY.has(parent.localName ?? '')) {
        expect(value.trim(), `text directly in <${parent.localName}>`).toBe('')
        return
      }
      out += value
      return
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child)
  }
  const statement = one(xml, 'statement')
  for (let node = statement.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName !== 'meta') visit(node)
  }
  return out
}

function textOf(node: XmlNode): string {
  let out = ''
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out += child.nodeType === 3 ? (child.nodeValue ?? '') : textOf(child)
  }
  return out
}

// ------------------------------------------------------------------ reading the tree

function leaves(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'num') return node.value
  if ('children' in node) return (node.children as AnyNode[]).map(leaves).join('')
  return ''
}

function treeText(doc: Document): string {
  return doc.children.map(leaves).join('')
}

/** Every tree node that becomes one `p` (or a chapter `heading`), in document order. */
function treeBlocks(doc: Document): string[] {
  const out: string[] = []
  const order = {preface: 0, preamble: 1, body: 2, conclusions: 3}
  const visit = (node: AnyNode, section: string) => {
    if (node.type === 'paragraph' && node.role === 'enactingFormula' && section === 'preamble') {
      // The formula element holds the last sentence only; what precedes it is a p of its own.
      const split = /^(.*[。；;！!？?])([^。；;！!？?]+)$/su.exec(leaves(node).trimEnd())
      if (split) out.push(split[1]!, split[2]! + leaves(node).slice(leaves(node).trimEnd().length))
      else out.push(leaves(node))
      return
    }
    if (node.type === 'title' || node.type === 'paragraph' || node.type === 'signature' || node.type === 'signing') {
      out.push(leaves(node))
      return
    }
    if ('children' in node) for (const child of node.children as AnyNode[]) visit(child, section)
  }
  for (const section of [...doc.children].sort((a, b) => order[a.type] - order[b.type])) visit(section, section.type)
  return out
}

function treeArticleNums(doc: Document): string[] {
  const out: string[] = []
  const visit = (node: AnyNode) => {
    if (node.type === 'article') out.push(node.children[0].value)
    if ('children' in node) for (const child of node.children as AnyNode[]) visit(child)
  }
  visit(doc)
  return out
}

// ------------------------------------------------------------------ the invariants

const META_EID = /^[A-Za-z0-9]+$/
const STRUCTURAL_EID = /^(?:(?:preface|preamble|conclusions)__)?[A-Za-z]+_\d+(?:_\d+)*(?:__[A-Za-z]+_\d+(?:_\d+)*)*$/

function checkEids(xml: XmlDocument): Set<string> {
  const meta = one(xml, 'meta')
  const inMeta = new Set(elementsOf(meta))
  const seen = new Set<string>()
  for (const el of elementsOf(one(xml, 'akomaNtoso'))) {
    const eId = el.getAttribute('eId')
    if (eId === null) continue
    expect(seen.has(eId), `duplicate eId ${eId}`).toBe(false)
    seen.add(eId)
    expect(eId, `eId of <${el.localName}>`).toMatch(inMeta.has(el) ? META_EID : STRUCTURAL_EID)
  }
  return seen
}

function checkReferences(xml: XmlDocument): void {
  const references = one(xml, 'references')
  const targets = new Map<string, string>()
  for (const el of elementsOf(references).slice(1)) targets.set(el.getAttribute('eId') ?? '', el.localName ?? '')
  for (const el of elementsOf(one(xml, 'akomaNtoso'))) {
    for (const attr of Array.from(el.attributes)) {
      if (!['refersTo', 'as', 'source', 'href'].includes(attr.name) || !attr.value.startsWith('#')) continue
      const target = targets.get(attr.value.slice(1))
      expect(target, `<${el.localName} ${attr.name}="${attr.value}"> points at nothing`).toBeDefined()
      if (attr.name === 'refersTo' && (el.localName === 'date' || el.localName === 'eventRef')) {
        expect(target, `${attr.value} of <${el.localName}>`).toBe('TLCEvent')
      } else if (attr.name === 'href' && el.localName === 'FRBRauthor') {
        expect(target, `${attr.value} of <FRBRauthor>`).toBe('TLCOrganization')
      } else if (attr.name === 'refersTo') {
        expect(target, `${attr.value} of <${el.localName}>`).toBe(`TLC${(el.localName ?? '').replace(/^./, (c) => c.toUpperCase())}`)
      }
      if (attr.name === 'as') expect(target).toBe('TLCRole')
    }
  }
  // Every entity element refers to something.
  for (const name of ['person', 'role', 'organization', 'location']) {
    for (const el of all(xml, name)) expect(el.getAttribute('refersTo'), `<${name}> without refersTo`).toMatch(/^#/)
  }
}

/** All invariants for one document; returns the parsed XML for further checks. */
function checkDocument(doc: Document, xml: string): XmlDocument {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="' + AKN + '">')).toBe(true)
  const parsed = parse(xml)
  checkEids(parsed)
  checkReferences(parsed)
  // The body's text is the cleaned document text, character for character.
  expect(aknBodyText(parsed)).toBe(treeText(doc))
  // Titles, article numbers and paragraph texts read back.
  const alias = all(parsed, 'FRBRalias').find((el) => el.getAttribute('name') === 'title')
  expect(alias?.getAttribute('value') ?? '').toBe(doc.meta.title) // no alias for an untitled document
  const treeTitles = doc.children.flatMap((section) => (section.type === 'preface' ? section.children : []))
  expect(all(parsed, 'docTitle').map(textOf)).toEqual(treeTitles.filter((node) => node.type === 'title').map(leaves))
  const nums = all(parsed, 'article').map((article) => {
    const first = elementsOf(article)[1]
    expect(first?.localName).toBe('num')
    return first ? textOf(first) : ''
  })
  expect(nums).toEqual(treeArticleNums(doc))
  // (An empty `<mainBody><p/></mainBody>` stands for a missing body and has no tree counterpart.)
  const placeholder = (el: Element) => (el.parentNode as Element).localName === 'mainBody' && el.firstChild === null
  const blocks = elementsOf(one(parsed, 'statement'))
    .filter((el) => (el.localName === 'p' && !placeholder(el)) || el.localName === 'heading')
    .map(textOf)
  expect(blocks).toEqual(treeBlocks(doc))
  // URIs and names agree with the tree.
  const statement = one(parsed, 'statement')
  expect(statement.getAttribute('name')).toBe(/^[a-z][A-Za-z0-9]*$/.test(doc.meta.docType) ? doc.meta.docType : 'document')
  const work = one(parsed, 'FRBRWork')
  expect(one(work, 'FRBRuri').getAttribute('value')).toBe(doc.meta.id)
  expect(one(work, 'FRBRdate').getAttribute('date')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  return parsed
}

function expectValid(results: Awaited<ReturnType<typeof validateAkn>>): void {
  const invalid = results.filter((result) => !result.valid)
  expect(
    invalid.map((result) => `${result.name}: ${result.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`)
  ).toEqual([])
  expect(results.every((result) => result.valid)).toBe(true)
}

// ------------------------------------------------------------------ the fixture

describe('akn writer on the hand-built sample', () => {
  const doc = aknSample()
  const xml = toAkn(doc)
  const parsed = parse(xml)

  it('is registered-writer shaped: format akn, directory akn, .xml', () => {
    expect(aknWriter.name).toBe('akn')
    expect(aknWriter.directory).toBe('akn')
    expect(aknWriter.extension).toBe('.xml')
    expect(new TextDecoder().decode(aknWriter.write(doc, context([doc])) as Uint8Array)).toBe(xml)
  })

  it('holds every invariant (eIds, references, text, read-back)', () => {
    checkDocument(doc, xml)
  })

  it.skipIf(!schemaDir)(`validates against the AKN 3.0 XSD${NO_SCHEMA}`, async () => {
    expectValid(await validateAkn([{name: 'sample.xml', xml}]))
  })

  it('builds FRBR identification from the Work URI', () => {
    const value = (parent: Element, name: string, attribute = 'value') => one(parent, name).getAttribute(attribute)
    const work = one(parsed, 'FRBRWork')
    expect(value(work, 'FRBRthis')).toBe(`${SAMPLE_ID}/!main`)
    expect(value(work, 'FRBRcountry')).toBe('cn')
    expect(value(work, 'FRBRsubtype')).toBe('jointStatement')
    expect(value(work, 'FRBRnumber')).toBe('cn-az')
    expect(value(work, 'FRBRprescriptive')).toBe('false')
    expect(value(work, 'FRBRdate', 'date')).toBe('2005-03-17')
    expect(value(work, 'FRBRdate', 'name')).toBe('signature')
    expect(all(work, 'FRBRauthor')).toHaveLength(2)
    const expression = one(parsed, 'FRBRExpression')
    expect(value(expression, 'FRBRthis')).toBe(`${SAMPLE_ID}/zho@/!main`)
    expect(value(expression, 'FRBRuri')).toBe(`${SAMPLE_ID}/zho@`)
    expect(value(expression, 'FRBRlanguage', 'language')).toBe('zho')
    const manifestation = one(parsed, 'FRBRManifestation')
    expect(value(manifestation, 'FRBRthis')).toBe(`${SAMPLE_ID}/zho@/!main.xml`)
    expect(value(manifestation, 'FRBRuri')).toBe(`${SAMPLE_ID}/zho@.akn`)
    expect(one(parsed, 'statement').getAttribute('name')).toBe('jointStatement')
    const publication = one(parsed, 'publication')
    expect([publication.getAttribute('date'), publication.getAttribute('name')]).toEqual(['2005-03-17', 'source'])
    expect(one(parsed, 'eventRef').getAttribute('date')).toBe('2005-03-17')
  })

  it('lists one TLC entry per entity, deduplicated by ref', () => {
    const tlc = (name: string) => all(parsed, name).map((el) => el.getAttribute('eId'))
    expect(tlc('TLCPerson')).toEqual(['huJintao', 'ilhamAliyev'])
    expect(tlc('TLCRole')).toEqual(['cnPresident', 'azPresident'])
    // The parties' governments are the authors (FRBRauthor href="#cnGovernment").
    expect(tlc('TLCOrganization')).toEqual(['sco', 'cnGovernment', 'azGovernment', 'pipeline'])
    expect(tlc('TLCLocation')).toEqual(['china', 'beijing'])
    const hu = all(parsed, 'TLCPerson')[0]
    expect(hu?.getAttribute('href')).toBe('/akn/ontology/person/cn.huJintao')
    expect(hu?.getAttribute('showAs')).toBe('胡锦涛')
  })

  it('writes the structure: preface, formula, articles, paragraphs, points, signatures', () => {
    const eIds = [...checkEids(parsed)]
    for (const eId of [
      'preface__p_1',
      'preamble__p_1',
      'preamble__formula_1',
      'art_1',
      'art_1__para_1',
      'art_2__para_2',
      'art_3__para_1__point_3',
      'conclusions__blockContainer_1',
      'conclusions__blockContainer_1__p_1',
      'conclusions__blockContainer_1__p_3'
    ]) {
      expect(eIds).toContain(eId)
    }
    expect(one(one(parsed, 'preface'), 'docTitle').textContent).toBe(SAMPLE_TITLE)
    expect(one(parsed, 'docDate').getAttribute('date')).toBe('2005-03-17')
    const formula = one(parsed, 'formula')
    expect(formula.getAttribute('name')).toBe('enactingFormula')
    expect(textOf(one(formula, 'p'))).toBe('双方声明如下：')
    expect(all(parsed, 'article').map((el) => el.getAttribute('eId'))).toEqual(['art_1', 'art_2', 'art_3'])
    const block = one(parsed, 'blockContainer')
    expect(block.getAttribute('class')).toBe('signatures')
    const signatures = all(block, 'signature')
    expect(signatures.map((el) => (el.parentNode as Element).localName)).toEqual(['p', 'p'])
    const persons = signatures.map((el) => one(el, 'person'))
    expect(persons.map((el) => el.getAttribute('as'))).toEqual(['#cnPresident', '#azPresident'])
    expect(persons.map((el) => el.getAttribute('refersTo'))).toEqual(['#huJintao', '#ilhamAliyev'])
    const signingLine = all(block, 'p')[2] as Element
    expect(one(signingLine, 'date').getAttribute('date')).toBe('2005-03-17')
    expect(one(signingLine, 'location').getAttribute('refersTo')).toBe('#beijing')
  })

  it('marks dates and citations; unresolved citations stay text', () => {
    const dates = all(parsed, 'date')
    // The visit `2005年3月17日至19日` tags its start and its end; the separator stays between them.
    expect(dates.map((el) => el.getAttribute('date'))).toEqual(['2005-03-17', '2005-03-19', '1994-03-07', '2005-03-17'])
    expect(dates[0]?.nextSibling?.nodeValue).toBe('至')
    // The signing date refers to the signing event.
    expect(dates[3]?.getAttribute('refersTo')).toBe('#signing')
    expect(one(parsed, 'eventRef').getAttribute('refersTo')).toBe('#signing')
    const refs = all(parsed, 'ref')
    expect(refs.map((el) => [el.getAttribute('href'), textOf(el)])).toEqual([
      [CITED_ID, '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明']
    ])
    const p = refs[0]?.parentNode as Element
    expect(textOf(p)).toContain('《关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明》和《联合国宪章》，')
  })

  it('never adds whitespace inside mixed content', () => {
    for (const el of [...all(parsed, 'p'), ...all(parsed, 'num'), ...all(parsed, 'docTitle')]) {
      expect(textOf(el)).not.toMatch(/^\s|\s$|\n/)
    }
  })

  it('is deterministic: same tree, same bytes', () => {
    const again = toAkn(structuredClone(aknSample()))
    expect(again).toBe(xml)
    const bytes = [aknWriter.write(doc, context([doc])), aknWriter.write(aknSample(), context())] as Uint8Array[]
    expect(Buffer.from(bytes[0] as Uint8Array).equals(Buffer.from(bytes[1] as Uint8Array))).toBe(true)
  })

  it('uses SOURCE_DATE_EPOCH only for the manifestation date', () => {
    const stamped = parse(toAkn(doc, context([doc], 1_700_000_000)))
    const date = one(one(stamped, 'FRBRManifestation'), 'FRBRdate')
    expect([date.getAttribute('date'), date.getAttribute('name')]).toEqual(['2023-11-14', 'transformation'])
    expect(one(one(stamped, 'FRBRWork'), 'FRBRdate').getAttribute('date')).toBe('2005-03-17')
  })
})

describe('akn writer on other shapes', () => {
  const variants = aknVariants()
  const written = variants.map((doc) => ({doc, name: `${doc.meta.slug}.xml`, xml: toAkn(doc)}))

  it('holds every invariant', () => {
    for (const {doc, xml} of written) checkDocument(doc, xml)
  })

  it.skipIf(!schemaDir)(`validates against the AKN 3.0 XSD${NO_SCHEMA}`, async () => {
    expectValid(await validateAkn(written))
  })

  it('numbers points, chapters, duplicates and unnumbered paragraphs', () => {
    const eIds = (index: number) => [...checkEids(parse(written[index]?.xml ?? ''))]
    expect(eIds(0)).toEqual(
      expect.arrayContaining([
        'para_1',
        'para_1__point_2',
        'para_1__point_2__point_1',
        'para_1__point_2__p_2',
        'art_1__point_1__p_2',
        'para_2'
      ])
    )
    expect(eIds(1)).toEqual(expect.arrayContaining(['chp_1', 'chp_1__art_1', 'chp_2__art_2', 'art1']))
    expect(eIds(3)).toEqual(expect.arrayContaining(['art_1', 'art_1_2', 'para_1', 'para_2']))
    const chapters = parse(written[1]?.xml ?? '')
    expect(all(chapters, 'heading').map(textOf)).toEqual(['总则', '附则'])
    // A TLC ref that looks like a structural eId cannot take one.
    expect(one(chapters, 'TLCPerson').getAttribute('eId')).toBe('art1')
    const yearOnly = one(one(chapters, 'FRBRWork'), 'FRBRdate')
    expect([yearOnly.getAttribute('date'), yearOnly.getAttribute('name')]).toEqual(['1992-01-01', 'year'])
    const empty = parse(written[2]?.xml ?? '')
    expect(all(empty, 'mainBody')).toHaveLength(1)
  })
})

describe('akn writer edge cases', () => {
  it(`replaces characters XML cannot carry, one for one, and stays valid${XSD_PART}`, async () => {
    const doc = aknSample()
    const body = doc.children.find((section) => section.type === 'body')
    const first = body?.children[0]
    if (first?.type !== 'article' || first.children[1]?.type !== 'paragraph') throw new Error('fixture changed')
    first.children[1].children.unshift({type: 'text', value: 'a\u0001b\uFFFE', position: first.position})
    const xml = toAkn(doc)
    expect(xml).toContain('a\uFFFDb\uFFFD')
    if (schemaDir) expectValid(await validateAkn([{name: 'controls.xml', xml}]))
  })

  it('reads Work URIs, including year-only ones, and refuses invented dates', async () => {
    const {parseWorkUri} = await import('../pipeline/write/akn/index.js')
    expect(parseWorkUri(SAMPLE_ID)).toMatchObject({country: 'cn', doctype: 'statement', subtype: 'jointStatement', date: '2005-03-17', number: 'cn-az'})
    expect(() => parseWorkUri('/akn/cn/statement/pressCommunique/undated/cn-pe')).toThrow(/FRBR URI/)
    expect(() => parseWorkUri('/akn/cn/statement')).toThrow(/FRBR URI/)
    const year = aknSample()
    year.meta.id = '/akn/cn/statement/jointStatement/1994/cn-az'
    year.meta.dates = {signed: null, published: null, effective: null, work: null}
    const parsed = parse(toAkn(year))
    const date = one(one(parsed, 'FRBRWork'), 'FRBRdate')
    expect([date.getAttribute('date'), date.getAttribute('name')]).toEqual(['1994-01-01', 'year'])
    expect(all(parsed, 'lifecycle')).toHaveLength(0)
    expect(all(parsed, 'publication')).toHaveLength(0)
    expect(toAkn(year)).not.toContain('0001-01-01')
  })
})

describe('akn schema validator', () => {
  it(`finds the schema folder from AKN_SCHEMA_DIR, ../shared or schemas/${XSD_PART}`, () => {
    expect(findSchemaDir({}, '/nonexistent/project')).toBeNull()
    if (schemaDir) {
      expect(findSchemaDir({AKN_SCHEMA_DIR: schemaDir}, '/nonexistent/project')).toBe(schemaDir)
      expect(() => findSchemaDir({AKN_SCHEMA_DIR: '/nonexistent/schemas'})).toThrow(/AKN_SCHEMA_DIR/)
    }
  })

  it.skipIf(!schemaDir)(`reports invalid and ill-formed documents with line numbers${NO_SCHEMA}`, async () => {
    const good = toAkn(aknSample())
    const noName = good.replace('<statement name="jointStatement">', '<statement>')
    const badDate = good.replace('<date date="1994-03-07">', '<date date="1994">')
    const results = await validateAkn([
      {name: 'no-name.xml', xml: noName},
      {name: 'bad-date.xml', xml: badDate},
      {name: 'broken.xml', xml: good.slice(0, 400)}
    ])
    expect(results.map((result) => result.valid)).toEqual([false, false, false])
    expect(results[0]?.errors[0]?.line).toBe(3)
    expect(results[0]?.errors[0]?.message).toMatch(/name/)
    const badLine = badDate.split('\n').findIndex((line) => line.includes('date="1994"')) + 1
    expect(results[1]?.errors.map((error) => error.line)).toContain(badLine)
    expect(results[2]?.errors.length).toBeGreaterThan(0)
  })

  it.skipIf(!schemaDir)(`compiles the schema once and validates a batch of 100${NO_SCHEMA}`, async () => {
    const first = await aknSchemaInfo()
    const base = toAkn(aknSample())
    const batch = Array.from({length: 100}, (_, index) => ({
      name: `batch-${index}.xml`,
      xml: base.replaceAll('2005-03-17/cn-az', `2005-03-17/cn-az-${index + 2}`)
    }))
    expectValid(await validateAkn(batch))
    // The same compiled schema served the whole batch (timings are the benchmark's job).
    expect(await aknSchemaInfo()).toEqual(first)
  })
})

// ------------------------------------------------------------------ the real seed and corpus

const SEED = 'sources/000_c69a6c577a452886.txt'
const WORKS = [
  '/akn/cn/statement/jointStatement/1994-03-07/cn-az',
  '/akn/cn/statement/jointStatement/2005-03-17/cn-az',
  '/akn/cn/statement/jointStatement/2015-12-10/cn-az'
]

async function convertFiles(files: string[]): Promise<Document[]> {
  const inputs = await Promise.all(
    files.map(async (file) => ({path: file, bytes: new Uint8Array(await readFile(path.resolve(ROOT, file)))}))
  )
  return (await convert(inputs)).documents
}

describe('akn writer on the real seed', () => {
  it(`writes the three China–Azerbaijan statements${XSD_PART}`, async () => {
    const documents = await convertFiles([SEED])
    expect(documents.map((doc) => doc.meta.id)).toEqual(WORKS)
    const ctx = context(documents)
    const written = documents.map((doc) => ({doc, name: `${doc.meta.slug}.xml`, xml: toAkn(doc, ctx)}))
    const parsed = written.map(({doc, xml}) => checkDocument(doc, xml))
    for (const xml of parsed) expect(one(xml, 'statement').getAttribute('name')).toBe('jointStatement')
    // The three citations inside the batch are links to the cited Works.
    const hrefs = parsed.map((xml) => all(xml, 'ref').map((el) => el.getAttribute('href')))
    expect(hrefs).toEqual([[], [WORKS[0]], [WORKS[0], WORKS[1]]])
    // The 1994 statement prints no date: its Work date comes from the later citations.
    expect(one(one(parsed[0] as XmlDocument, 'FRBRWork'), 'FRBRdate').getAttribute('name')).toBe('citation')
    expect(parsed.map((xml) => all(xml, 'article').length)).toEqual([10, 14, 10])
    for (const xml of parsed) expect(all(one(xml, 'conclusions'), 'signature')).toHaveLength(2)
    // Read back, the AKN says what the JSON says: title, article numbers, paragraph texts.
    parsed.forEach((xml, index) => {
      const json = toJson(documents[index]!) as {title: string; articles: Array<{num: string; paragraphs: Array<{text: string}>}>}
      expect(one(xml, 'docTitle').textContent).toBe(json.title)
      const articles = all(xml, 'article')
      expect(articles.map((a) => one(a, 'num').textContent)).toEqual(json.articles.map((a) => a.num))
      expect(articles.map((a) => all(a, 'p').map((p) => p.textContent))).toEqual(json.articles.map((a) => a.paragraphs.map((p) => p.text)))
    })
    // Registered, and byte-identical through the pipeline's own write context.
    const {createWriteContext} = await import('../pipeline/write/context.js')
    const {getWriter, loadAllWriters} = await import('../pipeline/write/registry.js')
    // The registry's entry loads this very writer on first use.
    expect(await loadAllWriters()).toContain(aknWriter)
    expect(getWriter('akn').extension).toBe(aknWriter.extension)
    const real = createWriteContext(documents)
    for (const {doc, xml} of written) expect(new TextDecoder().decode(await real.render('akn', doc))).toBe(xml)
    if (schemaDir) {
      expectValid(await validateAkn(written))
    }
  }, 60_000)
})

describe('akn writer on the corpus', () => {
  it.skipIf(!existsSync(CORPUS_DIR))(`writes every corpus document${existsSync(CORPUS_DIR) ? XSD_PART : ' [SKIPPED: no ../shared/corpus]'}`, async () => {
    const dir = CORPUS_DIR
    const files = existsSync(dir) ? (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort() : []
    expect(files.length).toBeGreaterThan(0)
    const written: Array<{name: string; xml: string}> = []
    for (const file of files) {
      const documents = await convertFiles([path.relative(ROOT, path.join(dir, file))])
      const ctx = context(documents)
      for (const doc of documents) {
        const xml = toAkn(doc, ctx)
        checkDocument(doc, xml)
        expect(toAkn(structuredClone(doc), ctx)).toBe(xml)
        written.push({name: `${file}#${doc.meta.slug}.xml`, xml})
      }
    }
    expect(written.length).toBeGreaterThan(0)
    if (schemaDir) expectValid(await validateAkn(written))
  }, 120_000)
})
