/**
 * Akoma Ntoso identity and semantics (issue 12): the manifestation is dated by
 * the transformation, FRBRauthor and the signing date resolve to TLC entries,
 * `<docType>` names the family in the title, the enacting formula holds the
 * formula only, a date line under the title is `<docDate>` wherever the tree
 * put it. Every variant is also checked against the XSD when it is available.
 */
import {describe, expect, it} from 'vitest'
import {DOMParser} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element} from '@xmldom/xmldom'
import type {Document, Paragraph} from '../pipeline/tree/types.js'
import {RELEASE_DATE} from '../pipeline/frbr/conversion-date.js'
import {toAkn} from '../pipeline/write/akn/index.js'
import {findSchemaDir, validateAkn} from '../pipeline/validate/akn-schema.js'
import {aknSample, date, formula, para} from './fixtures/akn-sample.js'

const parse = (xml: string): XmlDocument => new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlDocument
const all = (node: XmlDocument | Element, name: string): Element[] => Array.from(node.getElementsByTagName(name)) as Element[]
const one = (node: XmlDocument | Element, name: string): Element => {
  const found = all(node, name)
  expect(found, name).toHaveLength(1)
  return found[0]!
}
const textOf = (el: Element): string => el.textContent ?? ''

async function expectValid(xml: string): Promise<void> {
  if (!findSchemaDir()) return
  const [result] = await validateAkn([{name: 'identity.xml', xml}])
  expect(result?.errors ?? []).toEqual([])
}

describe('AKN identity', () => {
  it('dates the manifestation by the transformation, not by the work', async () => {
    const xml = toAkn(aknSample())
    const manifestation = one(parse(xml), 'FRBRManifestation')
    const date = one(manifestation, 'FRBRdate')
    expect([date.getAttribute('date'), date.getAttribute('name')]).toEqual([RELEASE_DATE, 'transformation'])
    await expectValid(xml)
  })

  it('points every FRBRauthor at a TLCOrganization, and the signing date at the signing event', () => {
    const xml = parse(toAkn(aknSample()))
    const references = one(xml, 'references')
    const targets = new Map(Array.from(references.childNodes).filter((n) => n.nodeType === 1).map((n) => [(n as Element).getAttribute('eId'), (n as Element).localName]))
    const authors = all(xml, 'FRBRauthor').map((el) => el.getAttribute('href'))
    expect(authors).toEqual(['#cnGovernment', '#azGovernment', '#cnGovernment', '#azGovernment', '#pipeline'])
    for (const href of authors) expect(targets.get(href!.slice(1))).toBe('TLCOrganization')
    const government = all(references, 'TLCOrganization').find((el) => el.getAttribute('eId') === 'cnGovernment')!
    expect([government.getAttribute('href'), government.getAttribute('showAs')]).toEqual(['/akn/ontology/organization/cn.government', '中华人民共和国政府'])
    const event = one(references, 'TLCEvent')
    expect([event.getAttribute('eId'), event.getAttribute('href')]).toEqual(['signing', '/akn/ontology/event/signing'])
    const signingLine = all(xml, 'p').find((p) => p.getAttribute('class') === 'signing')!
    expect(one(signingLine, 'date').getAttribute('refersTo')).toBe('#signing')
  })

  it('tags the family word of the title as <docType>', async () => {
    const xml = toAkn(aknSample())
    const docTitle = one(parse(xml), 'docTitle')
    expect(textOf(one(docTitle, 'docType'))).toBe('联合声明')
    expect(textOf(docTitle)).toBe('中华人民共和国和阿塞拜疆共和国联合声明')
    await expectValid(xml)
  })

  it('keeps only the formula in the enacting formula', async () => {
    const sample = aknSample()
    const preamble = sample.children.find((section) => section.type === 'preamble')!
    preamble.children[preamble.children.length - 1] = {...formula('基于上述共识，双方同意进一步加强合作。为此，双方声明如下：')}
    const xml = toAkn(sample)
    const formulaEl = one(parse(xml), 'formula')
    // `formula` is element-only: the indentation around its `p` is layout.
    expect(textOf(formulaEl).trim()).toBe('为此，双方声明如下：')
    const before = formulaEl.previousSibling?.previousSibling as Element
    expect(textOf(before)).toBe('基于上述共识，双方同意进一步加强合作。')
    // A formula with nothing before it stays whole.
    expect(textOf(one(parse(toAkn(aknSample())), 'formula')).trim()).toBe('双方声明如下：')
    await expectValid(xml)
  })

  it('writes a date line under the title as <docDate>, in the preface or at the head of the preamble', async () => {
    expect(one(one(parse(toAkn(aknSample())), 'preface'), 'docDate').getAttribute('date')).toBe('2005-03-17')
    const sample: Document = aknSample()
    const preface = sample.children.find((section) => section.type === 'preface')!
    const preamble = sample.children.find((section) => section.type === 'preamble')!
    const dateLine = preface.children.pop() as Paragraph
    preamble.children.unshift(dateLine)
    const xml = toAkn(sample)
    const docDate = one(one(parse(xml), 'preamble'), 'docDate')
    expect([docDate.getAttribute('date'), textOf(docDate)]).toEqual(['2005-03-17', '2005年3月17日'])
    // Further down, a date-only paragraph is an ordinary date.
    preamble.children.push(para('（', date('2005-03-18', '2005年3月18日'), '）'))
    expect(all(parse(toAkn(sample)), 'docDate')).toHaveLength(1)
    await expectValid(xml)
  })
})
