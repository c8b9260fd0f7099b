/**
 * Identity from the document alone: a Work URI never depends on input order.
 * Two different documents of one (type, date, parties) are told apart by a hash
 * of their text; the same document read twice is a duplicate, not renamed.
 */
import {describe, expect, it} from 'vitest'
import {convert} from '../pipeline/batch/convert.js'

const statement = (body: string) => Buffer.from(`中华人民共和国和阿塞拜疆共和国联合声明\n一、${body}\n二、双方重申。\n一九九四年三月七日于北京\n`)
const A = {path: 'a.txt', bytes: statement('双方同意加强合作。')}
const B = {path: 'b.txt', bytes: statement('双方同意扩大贸易。')}
const C = {path: 'c.txt', bytes: Buffer.from('中华人民共和国和阿塞拜疆共和国联合公报\n一、双方同意。\n二、双方重申。\n一九九五年五月一日于北京\n')}

async function ids(inputs: Array<{path: string; bytes: Uint8Array}>): Promise<Record<string, string>> {
  const {documents} = await convert(inputs)
  return Object.fromEntries(documents.map((doc) => [doc.meta.source.file, doc.meta.id]))
}

describe('identity', () => {
  it('tells two documents of one type, date and parties apart by their text, whatever the input order', async () => {
    const forward = await ids([A, B])
    expect(forward['a.txt']).toMatch(/^\/akn\/cn\/statement\/jointStatement\/1994-03-07\/cn-az-[0-9a-f]{6}$/)
    expect(forward['b.txt']).toMatch(/^\/akn\/cn\/statement\/jointStatement\/1994-03-07\/cn-az-[0-9a-f]{6}$/)
    expect(forward['a.txt']).not.toBe(forward['b.txt'])
    expect(await ids([B, A])).toEqual(forward)
    // A file that collides with nothing renames nothing.
    expect(await ids([C, B, A])).toEqual({...forward, 'c.txt': '/akn/cn/statement/jointCommunique/1995-05-01/cn-az'})
    // Alone, a document keeps the plain URI.
    expect(await ids([A])).toEqual({'a.txt': '/akn/cn/statement/jointStatement/1994-03-07/cn-az'})
  })

  it('reports the same document read twice as a duplicate of the first copy, under one URI', async () => {
    const {documents, files} = await convert([A, {path: 'copy.txt', bytes: A.bytes}])
    expect(documents.map((doc) => doc.meta.id)).toEqual(['/akn/cn/statement/jointStatement/1994-03-07/cn-az', '/akn/cn/statement/jointStatement/1994-03-07/cn-az'])
    const duplicate = files[1]!.messages.find((m) => m.ruleId === 'duplicate-document')
    expect(duplicate?.reason).toBe('Duplicate document: the same text as document 1 of `a.txt`; it is written once, as /akn/cn/statement/jointStatement/1994-03-07/cn-az')
    expect(duplicate?.fatal).toBe(false)
    expect(files[0]!.messages.some((m) => m.ruleId === 'duplicate-document')).toBe(false)
  })
})
