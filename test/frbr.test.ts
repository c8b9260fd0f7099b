/**
 * FRBR identity (issue 12): URIs built and parsed as a structure, work dates
 * that are never invented, translations as expressions of one Work, and a JSON
 * Schema `id` pattern that accepts exactly the URIs written.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {Ajv2020} from 'ajv/dist/2020.js'
import {convert} from '../pipeline/batch/convert.js'
import {RELEASE_DATE, conversionDate} from '../pipeline/frbr/conversion-date.js'
import {buildFrbrUri, expressionUri, manifestationUri, parseFrbrUri, toWork, workUri} from '../pipeline/frbr/uri.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {corpusFiles, root, seedPath} from './helpers/seed.js'

const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'document.schema.json'), 'utf8'))
const idPattern = new RegExp(schema.properties.id.pattern as string)

/** cobalt's FRBR_URI_RE (cobalt/uri.py), transcribed: what Laws.Africa tools accept. */
const COBALT = /^\/akn\/[a-z]{2}(?:-[^/]+)?\/[^/]+(?:\/[^0-9][^/]*)?(?:\/[^0-9][^/]*)?\/[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\/[^/]+(?:\/(?:[a-z]{3})(?:@[^/]*)?)?(?:\/!?[^/]+)?$/

const encode = (text: string) => new TextEncoder().encode(text)

describe('FRBR URIs as a structure', () => {
  it('builds and parses Work, Expression and Manifestation URIs', () => {
    const work = buildFrbrUri({country: 'cn', doctype: 'statement', subtype: 'jointStatement', date: '1994-03-07', number: 'cn-az'})
    expect(workUri(work)).toBe('/akn/cn/statement/jointStatement/1994-03-07/cn-az')
    expect(expressionUri(work, 'zho')).toBe('/akn/cn/statement/jointStatement/1994-03-07/cn-az/zho@')
    expect(manifestationUri(work, 'akn', 'zho')).toBe('/akn/cn/statement/jointStatement/1994-03-07/cn-az/zho@.akn')
    expect(manifestationUri(work, 'xml', 'zho', 'main')).toBe('/akn/cn/statement/jointStatement/1994-03-07/cn-az/zho@/!main.xml')
    const parsed = parseFrbrUri('/akn/cn/statement/jointStatement/1994-03-07/cn-az/eng@/!main~art_1.xml')
    expect(parsed).toMatchObject({country: 'cn', subtype: 'jointStatement', date: '1994-03-07', number: 'cn-az', language: 'eng', expressionDate: '', component: 'main', portion: 'art_1', format: 'xml'})
    expect(workUri(toWork(parsed))).toBe(workUri(work))
    expect(parseFrbrUri('/akn/cn-11/statement/1994/nn')).toMatchObject({locality: '11', subtype: null, date: '1994', number: 'nn'})
  })

  it('refuses words and impossible days for dates, and parts that would not parse back', () => {
    expect(() => parseFrbrUri('/akn/cn/statement/jointStatement/undated/cn-az')).toThrow(/Not an FRBR URI/)
    expect(() => parseFrbrUri('/akn/cn/statement/jointStatement/0001-02-30/cn-az')).toThrow(/Not an FRBR URI/)
    expect(() => buildFrbrUri({country: 'cn', doctype: 'statement', date: 'undated', number: 'nn'})).toThrow()
    expect(() => buildFrbrUri({country: 'cn', doctype: 'statement', date: '1994-03-07', number: 'a/b'})).toThrow()
  })

  it('dates the conversion by SOURCE_DATE_EPOCH, else by the release date, never by the clock', () => {
    expect(conversionDate(1700000000)).toMatchObject({day: '2023-11-14', from: 'epoch'})
    expect(conversionDate(null)).toMatchObject({day: RELEASE_DATE, from: 'release'})
    expect(RELEASE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('work identity in a batch', () => {
  it('prefers a date printed in the text to the page stamp', async () => {
    const page = '2010-09-28|閱讀時間 ‧ 約 5 分鐘\n\nThe joint communiqué of the Governments of the United Kingdom and of the People\'s Republic of China\n\nThe two Governments have decided to raise the level of their diplomatic representatives to ambassadors as from March 13, 1972.\n'
    const {documents} = await convert([{path: 'page.txt', bytes: encode(page)}])
    const doc = documents[0]!
    expect(doc.meta.dates.work).toMatchObject({value: '1972-03-13', source: 'printed'})
    expect(doc.meta.id).toMatch(/\/1972-03-13\//)
  })

  it('dates a document nothing dates by the release date, says so, and never writes `undated`', async () => {
    const {documents, files} = await convert([{path: 'bare.txt', bytes: encode('双方认为，两国关系的发展符合两国人民的根本利益。\n')}])
    const doc = documents[0]!
    expect(doc.meta.dates.work).toMatchObject({value: RELEASE_DATE, source: 'conversion'})
    expect(doc.meta.id).toBe(`/akn/cn/statement/document/${RELEASE_DATE}/nn`)
    expect(files[0]!.messages.find((m) => m.ruleId === 'no-work-date')?.reason).toMatch(/release date/)
    const xml = new TextDecoder().decode(await createWriteContext(documents).render('akn', doc))
    expect(xml).not.toMatch(/undated|0001-01-01/)
    expect(xml).toContain(`<FRBRdate date="${RELEASE_DATE}" name="conversion"/>`)
  })

  it('makes a document and its English translation two expressions of one Work', async () => {
    const zh = '中华人民共和国和阿塞拜疆共和国联合声明\n\n双方同意发展友好关系。\n\n中华人民共和国代表　　　　阿塞拜疆共和国代表\n\n二〇〇五年三月十七日于北京\n'
    const en = 'Joint Statement of the People\'s Republic of China and the Republic of Azerbaijan\n\nThe two sides agree to develop friendly relations.\n\nDone at Beijing on 17 March 2005.\n'
    const {documents} = await convert([{path: 'zh.txt', bytes: encode(zh)}, {path: 'en.txt', bytes: encode(en)}])
    const [chinese, english] = documents
    expect(chinese!.meta.language).toBe('zh-Hans')
    expect(english!.meta.language).toBe('en')
    expect(english!.meta.id).toBe(chinese!.meta.id)
    expect(english!.meta.slug).toBe(chinese!.meta.slug + '_eng')
    const context = createWriteContext(documents)
    const expressions = await Promise.all(documents.map(async (doc) => /<FRBRExpression>\s*<FRBRthis value="([^"]+)"/.exec(new TextDecoder().decode(await context.render('akn', doc)))?.[1]))
    expect(expressions).toEqual([`${chinese!.meta.id}/zho@/!main`, `${chinese!.meta.id}/eng@/!main`])
  })

  it('writes only ids the JSON Schema pattern accepts, and cobalt parses, for the seed and the corpus', async () => {
    const {documents} = await convert([seedPath, ...corpusFiles()].map((p) => ({path: p, bytes: readFileSync(p)})))
    // Three from the seed, at least one from each corpus page when ../shared is there.
    expect(documents.length).toBeGreaterThanOrEqual(3 + corpusFiles().length)
    for (const doc of documents) {
      expect(doc.meta.id).toMatch(idPattern)
      expect(doc.meta.id).toMatch(COBALT)
      expect(workUri(parseFrbrUri(doc.meta.id))).toBe(doc.meta.id)
    }
    // …and exactly those: the forms the pipeline never writes are rejected.
    for (const bad of [
      '/akn/cn/statement/jointStatement/undated/cn-az',
      '/akn/cn/statement/jointStatement/0001-01-01x/cn-az',
      '/akn/cn/statement/jointStatement/1994/cn-az',
      '/akn/cn/statement/jointStatement/1994-03-07/cn-az/zho@',
      '/akn/int/statement/jointStatement/1994-03-07/cn-az'
    ]) {
      expect(bad).not.toMatch(idPattern)
    }
  })
})

describe('TLC ids (notes/akn.md §4)', () => {
  it('gives persons their country, one role id per office, and unreg. only to what no state registers', async () => {
    const {documents} = await convert([{path: 'seed.txt', bytes: readFileSync(seedPath)}])
    const hrefs = new Map<string, string>()
    const roles = new Map<string, string>()
    const visit = (node: {type: string; children?: unknown[]; href?: string; showAs?: string; ref?: string}) => {
      if (node.type === 'person' || node.type === 'organization') hrefs.set(node.showAs!, node.href!)
      if (node.type === 'role') roles.set(node.showAs!, `${node.ref} ${node.href}`)
      for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
    }
    for (const doc of documents) visit(doc)
    expect(hrefs.get('江泽民')).toBe('/akn/ontology/person/cn.jiangZemin')
    expect(hrefs.get('盖·阿利耶夫')).toBe('/akn/ontology/person/az.gaiAliyefu')
    expect(roles.get('中华人民共和国主席')).toBe('cnPresident /akn/ontology/role/cn.president')
    expect(roles.get('中华人民共和国国家主席')).toBe(roles.get('中华人民共和国主席'))
    for (const href of hrefs.values()) expect(href).not.toMatch(/\/unreg\.[a-z]{2}[A-Z]/)
  })
})

describe('the published JSON Schema', () => {
  it('has a versioned $id the project controls and a description on every property', () => {
    expect(schema.$id).toBe('urn:diptext:schema:document:2')
    expect(schema.properties.format.const).toBe('diptext-document/2')
    const missing: string[] = []
    const stack: Array<{node: Record<string, any>; path: string}> = [{node: schema, path: '#'}]
    while (stack.length > 0) {
      const {node, path: at} = stack.pop()!
      for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, any>>)) {
        if (typeof property.description !== 'string' || property.description === '') missing.push(`${at}/${name}`)
        stack.push({node: property, path: `${at}/${name}`})
      }
      for (const key of ['items', 'additionalProperties']) if (node[key] && typeof node[key] === 'object') stack.push({node: node[key], path: `${at}/${key}`})
      for (const [name, def] of Object.entries((node.$defs ?? {}) as Record<string, Record<string, any>>)) stack.push({node: def, path: `${at}/$defs/${name}`})
      for (const alternative of (node.oneOf ?? []) as Array<Record<string, any>>) stack.push({node: alternative, path: `${at}/oneOf`})
    }
    expect(missing).toEqual([])
    new Ajv2020({strict: true}).compile(schema)
  })

  it('gives offsets to every block node, and truncated and dates.effective', async () => {
    const text = readFileSync(seedPath, 'utf8')
    const {documents} = await convert([{path: 'seed.txt', bytes: encode(text)}])
    const context = createWriteContext(documents)
    const json = JSON.parse(new TextDecoder().decode(await context.render('json', documents[0]!)))
    expect(json.truncated).toBe(false)
    expect(json.dates).toHaveProperty('effective')
    const blocks = [...json.preamble, ...json.articles, ...json.articles.flatMap((a: {paragraphs: unknown[]}) => a.paragraphs), ...json.signatures, json.signing].filter((block) => block !== null)
    expect(blocks.length).toBeGreaterThan(20)
    for (const block of blocks) {
      expect(block.start, JSON.stringify(block)).toBeTypeOf('number')
      expect(block.end).toBeGreaterThan(block.start)
      if (typeof block.text === 'string') expect(text.slice(block.start, block.end).replace(/[\s\u3000]/gu, '')).toContain(block.text.replace(/[\s\u3000]/gu, '').slice(0, 4))
    }
  })

  it('takes the effective date from 生效', async () => {
    const page = '中华人民共和国和阿塞拜疆共和国协定\n\n第一条　双方同意合作。\n\n第二条　本协定自一九九四年四月一日起生效。\n\n一九九四年三月七日于北京\n'
    const {documents} = await convert([{path: 'agreement.txt', bytes: encode(page)}])
    expect(documents[0]!.meta.dates.effective).toMatchObject({value: '1994-04-01', source: 'text'})
  })
})
