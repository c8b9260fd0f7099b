/** The JSON writer: every emitted document validates against the published schema, and says what the tree says. */
import {beforeAll, describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {jsonWriter} from '../pipeline/write/json/index.js'
import {corpusFiles, root, seedPath} from './helpers/seed.js'

const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'document.schema.json'), 'utf8'))
const ajv = new Ajv2020({allErrors: true, strict: true})
addFormats.default(ajv)
const validate = ajv.compile(schema)

let result: Converted
const emitted: Array<{id: string; json: Record<string, any>}> = []

beforeAll(async () => {
  result = await convert([seedPath, ...corpusFiles()].map((p) => ({path: p, bytes: readFileSync(p)})))
  const context = createWriteContext(result.documents)
  for (const doc of result.documents) {
    const bytes = await jsonWriter.write(doc, context)
    emitted.push({id: doc.meta.id, json: JSON.parse(new TextDecoder().decode(bytes))})
  }
})

describe('JSON writer', () => {
  const corpus = corpusFiles().length > 0
  it(`emits documents that validate against schema/document.schema.json${corpus ? '' : ' (seed only: no ../shared/corpus)'}`, () => {
    // The seed holds 3 documents; with the corpus there must be more.
    expect(emitted.length).toBeGreaterThan(corpus ? 3 : 2)
    for (const {id, json} of emitted) {
      const ok = validate(json)
      expect(validate.errors ?? [], id).toEqual([])
      expect(ok).toBe(true)
    }
  })

  it('rejects a document that breaks the schema (the schema can fail)', () => {
    const broken = structuredClone(emitted[0]!.json)
    broken.articles[0].value = '一'
    expect(validate(broken)).toBe(false)
    delete broken.articles
    expect(validate(broken)).toBe(false)
  })

  it('has the fields other tools read, named exactly so', () => {
    const first = emitted[0]!.json
    expect(first.id).toBe('/akn/cn/statement/jointStatement/1994-03-07/cn-az')
    expect(first.type).toBe('jointStatement')
    expect(first.dates.signed).toBe('1994-03-07')
    expect(first.dates.sources.signed.source).toBe('citation')
    expect(first.dates.published).toBe('2002-03-14')
    expect(first.place).toBeNull()
    expect(first.parties.map((p: {code: string}) => p.code)).toEqual(['cn', 'az'])
    expect(first.preamble.map((p: {text: string}) => p.text)).toHaveLength(2)
    expect(first.articles[9]).toMatchObject({num: '十、', value: 10, paragraphs: [{text: '本声明不涉及第三国的利益，不涉及双方对其他国际条约所承担的权利与义务。'}]})
    expect(first.signatures[0]).toEqual({party: '中华人民共和国', partyCode: 'cn', role: '中华人民共和国代表', name: '江泽民', nameRaw: '江　泽　民', start: expect.any(Number), end: expect.any(Number)})
    expect(first.removed[0]).toEqual({rule: 'site-label', text: '1994阿塞拜疆友好合作关系', start: 0, end: 14})
    expect(first.source).toMatchObject({file: '000_c69a6c577a452886.txt', encoding: 'utf-8', start: 0, byteStart: 0})
    const third = emitted[2]!.json
    expect(third.citations.filter((c: {target: string | null}) => c.target)).toEqual([
      expect.objectContaining({title: '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明', target: '/akn/cn/statement/jointStatement/1994-03-07/cn-az'}),
      expect.objectContaining({title: '中华人民共和国和阿塞拜疆共和国联合声明', target: '/akn/cn/statement/jointStatement/2005-03-17/cn-az'})
    ])
  })

  it('points source offsets at the bytes of the document', () => {
    const bytes = readFileSync(seedPath)
    const second = emitted[1]!.json
    const slice = bytes.subarray(second.source.byteStart, second.source.byteEnd).toString('utf8')
    expect(slice.startsWith('中华人民共和国和阿塞拜疆共和国联合声明2005年3月17日')).toBe(true)
    expect(slice.endsWith('二00五年三月十七日于北京')).toBe(true)
  })

  it('resolves citations across separate input files', async () => {
    const text = readFileSync(seedPath, 'utf8')
    const cut = text.indexOf('中华人民共和国和阿塞拜疆共和国关于进一步发展')
    const split = await convert([
      {path: 'first.txt', bytes: Buffer.from(text.slice(0, cut))},
      {path: 'second.txt', bytes: Buffer.from(text.slice(cut))}
    ])
    expect(split.documents.map((d) => d.meta.source.file)).toEqual(['first.txt', 'first.txt', 'second.txt'])
    expect(split.documents.map((d) => d.meta.id)).toEqual(result.documents.slice(0, 3).map((d) => d.meta.id))
    const targets = jsonWriter.write(split.documents[2]!, createWriteContext(split.documents))
    const json = JSON.parse(new TextDecoder().decode(targets as Uint8Array))
    expect(json.citations.filter((c: {target: string | null}) => c.target).map((c: {target: string}) => c.target)).toEqual([
      '/akn/cn/statement/jointStatement/1994-03-07/cn-az',
      '/akn/cn/statement/jointStatement/2005-03-17/cn-az'
    ])
  })
})
