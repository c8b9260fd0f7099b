/**
 * The HTML writer (`pipeline/write/html`) and the collection site (`site/`).
 *
 * Every page written here is checked with html-validate (recommended rules);
 * element ids are checked against the AKN eIds of the same document; the text
 * of the page's article equals the tree's leaves; citations link to pages of
 * the collection only; `lang` is set per document and per foreign span; no
 * page, stylesheet or script refers to anything outside the site; and the same
 * batch gives the same bytes.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {DOMParser} from '@xmldom/xmldom'
import type {Element as XmlElement} from '@xmldom/xmldom'
import type {Element} from 'hast'
import {describe, expect, it} from 'vitest'
import type {Document} from '../pipeline/tree/types.js'
import {toText} from '../pipeline/tree/text.js'
import {toAkn} from '../pipeline/write/akn/index.js'
import {htmlWriter, siteUrlFrom, toHtml} from '../pipeline/write/html/index.js'
import {splitByLanguage} from '../pipeline/write/html/lang.js'
import {buildSite} from '../pipeline/write/html/site/index.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {writeBatch} from '../pipeline/batch/write.js'
import {convert} from '../pipeline/batch/convert.js'
import {aknSample, aknVariants, art, CITED_ID, doc, meta, para, SAMPLE_TITLE} from './fixtures/akn-sample.js'
import {convertPaths, convertSeed, corpusFiles} from './helpers/seed.js'
import {byId, elements, parse, textOf, validationErrors} from './helpers/html.js'

const decoder = new TextDecoder()

function aknEids(document: Document): Set<string> {
  const xml = new DOMParser().parseFromString(toAkn(document), 'application/xml')
  const eids = new Set<string>()
  const all = xml.getElementsByTagName('*')
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as XmlElement
    const eId = el.getAttribute('eId')
    if (eId && eId.includes('_')) eids.add(eId)
  }
  return eids
}

function aknDivisionEids(document: Document): string[] {
  const xml = new DOMParser().parseFromString(toAkn(document), 'application/xml')
  const out: string[] = []
  for (const name of ['article', 'point', 'chapter', 'paragraph']) {
    const list = xml.getElementsByTagName(name)
    for (let i = 0; i < list.length; i++) out.push((list[i] as XmlElement).getAttribute('eId') ?? '')
  }
  return out
}

const cited = (): Document =>
  doc(meta({id: CITED_ID, title: '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明', slug: '1994-03-07_cn-az_jointStatement'}), {
    type: 'body',
    children: [art(1, '一、', para('双方相信。'))],
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
  })

describe('document page', () => {
  const sample = aknSample()
  const batch = [sample, cited()]
  const html = toHtml(sample, {batch})
  const tree = parse(html)

  it('is valid HTML (html-validate, recommended rules)', async () => {
    expect(await validationErrors(html)).toEqual([])
    for (const variant of aknVariants()) expect(await validationErrors(toHtml(variant, {batch: [variant]}))).toEqual([])
  })

  it('gives units the ids of the AKN eIds', () => {
    for (const document of [sample, ...aknVariants()]) {
      const page = parse(toHtml(document, {batch: [document]}))
      const ids = elements(page).map((el) => el.properties['id']).filter((id): id is string => typeof id === 'string')
      expect(new Set(ids).size, 'ids are unique').toBe(ids.length)
      const eids = aknEids(document)
      const unitIds = ids.filter((id) => id.includes('_'))
      for (const id of unitIds) expect(eids, `${id} is an AKN eId`).toContain(id)
      // Every article, point, chapter and paragraph unit of the AKN has its anchor in the page.
      for (const eId of aknDivisionEids(document)) expect(unitIds, `${eId} has an anchor`).toContain(eId)
    }
    expect(byId(tree, 'art_3')).toBeDefined()
    expect(byId(tree, 'art_2__para_2')).toBeDefined()
    expect(textOf(byId(tree, 'art_3__para_1__point_3')!)).toBe('（三）在北京和巴库举行定期磋商。')
  })

  it('keeps the text of the tree exactly', () => {
    expect(textOf(byId(tree, 'text')!)).toBe(toText(sample))
  })

  it('links a citation to the cited page in the collection, and only then', () => {
    const links = elements(tree).filter((el) => el.tagName === 'cite')
    expect(links).toHaveLength(2)
    const [inBatch, outside] = links as [Element, Element]
    const anchor = elements(inBatch).find((el) => el.tagName === 'a')
    expect(anchor?.properties['href']).toBe('1994-03-07_cn-az_jointStatement.html')
    expect(elements(outside).some((el) => el.tagName === 'a')).toBe(false)
    const alone = parse(toHtml(sample, {batch: [sample]}))
    expect(elements(alone).filter((el) => el.tagName === 'cite').some((el) => elements(el).some((a) => a.tagName === 'a'))).toBe(false)
  })

  it('has the title, the metadata table and the signature columns', () => {
    const h1 = elements(tree).filter((el) => el.tagName === 'h1')
    expect(h1.map(textOf)).toEqual([SAMPLE_TITLE])
    const table = elements(tree).find((el) => el.tagName === 'table')!
    const rows = Object.fromEntries(elements(table).filter((el) => el.tagName === 'tr').map((tr) => {
      const [th, td] = elements(tr).filter((el) => el.tagName === 'th' || el.tagName === 'td')
      return [textOf(th!), textOf(td!)]
    }))
    expect(rows['Signed']).toBe('2005-03-17 — printed in the text: 二00五年三月十七日')
    expect(rows['Published']).toContain('page stamp')
    expect(rows['Parties']).toBe('中华人民共和国 (cn); 阿塞拜疆共和国 (az)')
    expect(rows['Place']).toBe('北京')
    expect(rows['sha256']).toBe(sample.meta.source.sha256)
    const columns = elements(tree).filter((el) => (el.properties['className'] as string[] | undefined)?.includes('signatory'))
    const block = sample.children.find((section) => section.type === 'conclusions')!.children[0]!
    const signatories = 'children' in block ? block.children.filter((child) => child.type === 'signature') : []
    expect(signatories).toHaveLength(2)
    expect(columns.map(textOf)).toEqual(signatories.map((signature) => toText(signature)))
    expect(columns[0] && textOf(columns[0])).toContain('胡锦涛')
  })

  it('sets lang on the page and on foreign spans, and marks its English chrome', () => {
    const htmlEl = elements(tree).find((el) => el.tagName === 'html')!
    expect(htmlEl.properties['lang']).toBe('zh-Hans')
    expect(elements(tree).find((el) => el.tagName === 'aside')?.properties['lang']).toBe('en')
    expect(splitByLanguage('双方欢迎WTO总干事Pascal Lamy的报告', 'zh-Hans')).toEqual([
      {value: '双方欢迎', lang: null},
      {value: 'WTO', lang: 'en'},
      {value: '总干事', lang: null},
      {value: 'Pascal Lamy', lang: 'en'},
      {value: '的报告', lang: null}
    ])
    expect(splitByLanguage('A股和B股', 'zh-Hans')).toEqual([{value: 'A股和B股', lang: null}])
    expect(splitByLanguage('中（zhōng）华人民（mín）共和国，José Martí', 'zh-Hans')).toEqual([
      {value: '中（', lang: null},
      {value: 'zhōng', lang: 'zh-Latn-pinyin'},
      {value: '）华人民（', lang: null},
      {value: 'mín', lang: 'zh-Latn-pinyin'},
      {value: '）共和国，', lang: null},
      {value: 'José Martí', lang: 'en'}
    ])
    expect(splitByLanguage('CCTV reported on 9月21日 that', 'en')).toEqual([
      {value: 'CCTV reported on 9', lang: null},
      {value: '月21日', lang: 'zh'},
      {value: ' that', lang: null}
    ])
    expect(splitByLanguage('signed in 北京 today', 'en')).toEqual([
      {value: 'signed in ', lang: null},
      {value: '北京', lang: 'zh'},
      {value: ' today', lang: null}
    ])
    const mixed = doc(meta({id: '/akn/cn/statement/document/2001/cn-us', title: 'x', slug: 'mixed'}), {
      type: 'body',
      children: [para('双方欢迎APEC会议。')],
      position: sample.position
    })
    const page = parse(toHtml(mixed, {batch: [mixed]}))
    const span = elements(page).find((el) => el.tagName === 'span' && el.properties['lang'] === 'en')
    expect(span && textOf(span)).toBe('APEC')
  })

  it('is deterministic', () => {
    expect(toHtml(aknSample(), {batch: [aknSample(), cited()]})).toBe(html)
  })

  it('gives a document without a title a page title and an h1 that say so, outside its text', async () => {
    const untitled = doc(meta({id: '/akn/cn/statement/document/2001/cn-us', title: '', slug: 'untitled'}), {
      type: 'body',
      children: [para('双方同意。')],
      position: sample.position
    })
    const page = toHtml(untitled, {batch: [untitled]})
    expect(await validationErrors(page)).toEqual([])
    const tree = parse(page)
    const h1 = elements(tree).filter((el) => el.tagName === 'h1')
    expect(h1.map(textOf)).toEqual(['Untitled document (untitled)'])
    expect(h1[0]!.properties['lang']).toBe('en')
    expect(textOf(byId(tree, 'text')!)).toBe('双方同意。')
    const index = decoder.decode(buildSite([untitled], {extension: '.html'})[0]!.bytes)
    expect(await validationErrors(index)).toEqual([])
    expect(index).toContain('<a href="untitled.html" lang="en">Untitled document (untitled)</a>')
  })
})

describe('collection site', () => {
  const sample = aknSample()
  const batch = [cited(), sample]
  const files = new Map(buildSite(batch, {extension: '.html'}).map((file) => [file.name, decoder.decode(file.bytes)]))

  it('writes the index, search index, feed, sitemap and assets', () => {
    expect([...files.keys()].sort()).toEqual(['assets/site.css', 'assets/site.js', 'feed.xml', 'index.html', 'search-index.js', 'sitemap.xml'])
  })

  it('lists every document with date, type, parties and language, valid and accessible by structure', async () => {
    const index = files.get('index.html')!
    expect(await validationErrors(index)).toEqual([])
    const tree = parse(index)
    const rows = elements(tree).filter((el) => el.tagName === 'tr' && el.properties['dataPage'] !== undefined)
    expect(rows.map((row) => row.properties['dataPage'])).toEqual(['1994-03-07_cn-az_jointStatement.html', '2005-03-17_cn-az_jointStatement.html'])
    expect(rows[1]!.properties).toMatchObject({dataDate: '2005-03-17', dataType: 'jointStatement', dataParty: 'cn az', dataLang: 'zh-Hans'})
    const options = elements(tree).filter((el) => el.tagName === 'option').map(textOf)
    expect(options).toContain('All (2)')
    expect(options).toContain('cn (2)')
  })

  it('builds a search index of titles and text that a script tag can load', () => {
    const script = files.get('search-index.js')!
    const match = /^window\.DIPTEXT_SEARCH = (.*);\n$/s.exec(script)
    expect(match).not.toBeNull()
    const entries = JSON.parse(match![1]!) as Array<{page: string; title: string; text: string}>
    expect(entries.map((e) => e.title)).toEqual([cited().meta.title, SAMPLE_TITLE])
    expect(entries[1]!.text).toContain('扩大经贸合作')
    expect(entries[1]!.text).not.toContain(SAMPLE_TITLE)
  })

  it('writes an Atom feed newest first and a sitemap, with a site URL when given', () => {
    const feed = new DOMParser().parseFromString(files.get('feed.xml')!, 'application/xml')
    const entries = feed.getElementsByTagName('entry')
    expect(entries.length).toBe(2)
    expect((entries[0] as XmlElement).getElementsByTagName('updated')[0]?.textContent).toBe('2005-03-17T00:00:00Z')
    expect(feed.getElementsByTagName('id')[0]?.textContent).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const absolute = new Map(buildSite(batch, {extension: '.html', siteUrl: 'https://example.org/treaties'}).map((f) => [f.name, decoder.decode(f.bytes)]))
    expect(absolute.get('sitemap.xml')).toContain('<loc>https://example.org/treaties/2005-03-17_cn-az_jointStatement.html</loc>')
    expect(files.get('sitemap.xml')).toContain('<loc>2005-03-17_cn-az_jointStatement.html</loc>')
    expect(siteUrlFrom({DIPTEXT_SITE_URL: 'https://example.org/x/'})).toBe('https://example.org/x/')
    expect(siteUrlFrom({})).toBeNull()
    expect(() => siteUrlFrom({DIPTEXT_SITE_URL: 'ftp://x'})).toThrow(/DIPTEXT_SITE_URL/)
  })

  it('makes no external request: every reference is relative and stays in the site', () => {
    const pages = [files.get('index.html')!, toHtml(sample, {batch})]
    for (const page of pages) {
      for (const el of elements(parse(page))) {
        for (const key of ['href', 'src']) {
          const value = el.properties[key]
          if (typeof value !== 'string') continue
          expect(value, `${el.tagName}[${key}]`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i)
        }
      }
    }
    expect(files.get('assets/site.css')).not.toMatch(/url\(|@import/)
    expect(files.get('assets/site.js')).not.toMatch(/fetch\(|XMLHttpRequest|https?:/)
  })

  it('is deterministic', () => {
    const again = buildSite([cited(), aknSample()], {extension: '.html'})
    for (const file of again) expect(decoder.decode(file.bytes), file.name).toBe(files.get(file.name))
  })
})

describe('the seed through the pipeline', () => {
  it('writes a valid page per document and the collection into html/, twice the same', async () => {
    const {documents} = await convertSeed()
    const outputs: Array<Map<string, string>> = []
    for (let run = 0; run < 2; run++) {
      const out = await mkdtemp(path.join(tmpdir(), 'diptext-html-'))
      try {
        const report = await writeBatch(documents, {out, formats: ['akn', 'html'], context: createWriteContext(documents)})
        expect(report.failures).toEqual([])
        expect(report.collectionFailures).toEqual([])
        const names = report.written.filter((file) => file.startsWith(path.join(out, 'html'))).map((file) => path.relative(path.join(out, 'html'), file))
        expect(names).toContain('index.html')
        const files = new Map<string, string>()
        for (const name of names) files.set(name, await readFile(path.join(out, 'html', name), 'utf8'))
        outputs.push(files)
      } finally {
        await rm(out, {recursive: true, force: true})
      }
    }
    const [first, second] = outputs as [Map<string, string>, Map<string, string>]
    expect([...second]).toEqual([...first])
    for (const document of documents) {
      const page = first.get(`${document.meta.slug}.html`)
      expect(page, document.meta.slug).toBeDefined()
      expect(await validationErrors(page!)).toEqual([])
      const tree = parse(page!)
      expect(textOf(byId(tree, 'text')!)).toBe(toText(document))
      for (const eId of aknDivisionEids(document)) expect(byId(tree, eId), eId).toBeDefined()
    }
    // The 2005 statement cites the 1994 one, which is in the batch.
    const later = parse(first.get('2005-03-17_cn-az_jointStatement.html')!)
    const hrefs = elements(later).filter((el) => el.tagName === 'a').map((el) => el.properties['href'])
    expect(hrefs).toContain('1994-03-07_cn-az_jointStatement.html')
  })

  it('gives an English document lang="en"', async () => {
    const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'families', 'english-statement.txt')
    const {documents} = await convert([{path: file, bytes: await readFile(file)}])
    const english = documents[0]!
    const page = decoder.decode(await htmlWriter.write(english, createWriteContext(documents)))
    expect(elements(parse(page)).find((el) => el.tagName === 'html')?.properties['lang']).toBe('en')
    expect(await validationErrors(page)).toEqual([])
  })
})

describe('the corpus', () => {
  const files = corpusFiles()
  it.skipIf(files.length === 0)(`gives a valid page with every AKN unit anchored, for every document${files.length === 0 ? ' [SKIPPED: no corpus]' : ''}`, async () => {
    const {documents} = await convertPaths(files)
    expect(documents.length).toBeGreaterThan(0)
    for (const document of documents) {
      const page = toHtml(document, {batch: documents})
      expect(await validationErrors(page), document.meta.slug).toEqual([])
      const tree = parse(page)
      expect(textOf(byId(tree, 'text')!), document.meta.slug).toBe(toText(document))
      for (const eId of aknDivisionEids(document)) expect(byId(tree, eId), `${document.meta.slug} ${eId}`).toBeDefined()
    }
    expect(await validationErrors(decoder.decode(buildSite(documents, {extension: '.html'})[0]!.bytes))).toEqual([])
  })
})
