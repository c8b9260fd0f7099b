/**
 * The JSON writer's bytes follow the order of its fields (`JSON.stringify`
 * keeps insertion order): every object of every section has its keys in the
 * format's order, for a treaty with chapters and for the seed.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {convert, type Converted} from '../pipeline/batch/convert.js'
import {createWriteContext} from '../pipeline/write/context.js'
import {jsonWriter} from '../pipeline/write/json/index.js'
import {root, seedPath} from './helpers/seed.js'

const DIVISION = ['kind', 'num', 'value', 'style', 'paragraphs', 'points', 'start', 'end']
const TOP = [
  'format', 'generator', 'id', 'type', 'typeLabel', 'title', 'language', 'dates', 'place', 'parties', 'truncated', 'preface',
  'preamble', 'articles', 'chapters', 'paragraphs', 'conclusions', 'signatures', 'signing', 'citations', 'entities', 'stamps', 'removed', 'source'
]

let result: Converted
const texts: string[] = []

beforeAll(async () => {
  const paths = [seedPath, path.join(root, 'test', 'fixtures', 'families', 'treaty-chapters.txt')]
  result = await convert(paths.map((p) => ({path: p, bytes: readFileSync(p)})))
  const context = createWriteContext(result.documents)
  for (const doc of result.documents) texts.push(new TextDecoder().decode(await jsonWriter.write(doc, context)))
})

type Json = Record<string, any>

function division(value: Json): void {
  expect(Object.keys(value)).toEqual(DIVISION)
  for (const p of value['paragraphs']) paragraph(p)
  for (const point of value['points']) division(point)
}

function paragraph(value: Json): void {
  expect(Object.keys(value)).toEqual('role' in value ? ['text', 'role', 'start', 'end'] : ['text', 'start', 'end'])
}

describe('JSON layout', () => {
  it('writes every object with its keys in the order of the format, two-space indented, with a final line break', () => {
    const chapters = texts.map((t) => JSON.parse(t) as Json).filter((j) => j['chapters'].length > 0)
    expect(chapters.length).toBeGreaterThan(0)
    for (const text of texts) {
      expect(text.endsWith('}\n')).toBe(true)
      const json = JSON.parse(text) as Json
      expect(text).toBe(JSON.stringify(json, null, 2) + '\n')
      expect(Object.keys(json)).toEqual(TOP)
      expect(Object.keys(json['dates'])).toEqual(['signed', 'published', 'effective', 'work', 'sources'])
      const order = ['signed', 'published', 'effective', 'work']
      expect(Object.keys(json['dates']['sources'])).toEqual(order.filter((k) => k in json['dates']['sources']))
      for (const fact of Object.values(json['dates']['sources']) as Json[]) {
        expect(Object.keys(fact)).toEqual('from' in fact ? ['source', 'text', 'start', 'end', 'from'] : ['source', 'text', 'start', 'end'])
      }
      for (const key of ['preface', 'preamble', 'paragraphs', 'conclusions']) for (const p of json[key]) paragraph(p)
      for (const article of json['articles']) division(article)
      for (const chapter of json['chapters']) {
        expect(Object.keys(chapter)).toEqual([...DIVISION, 'articles'])
        expect(chapter['points']).toEqual([])
        for (const article of chapter['articles']) division(article)
      }
      for (const s of json['signatures']) expect(Object.keys(s)).toEqual(['party', 'partyCode', 'role', 'name', 'nameRaw', 'start', 'end'])
      if (json['signing'] !== null) expect(Object.keys(json['signing'])).toEqual(['text', 'start', 'end'])
      for (const c of json['citations']) expect(Object.keys(c)).toEqual(['title', 'target', 'start', 'end'])
      const ids = json['entities'].map((e: Json) => e['id'])
      expect(ids).toEqual([...ids].sort())
      for (const e of json['entities']) expect(Object.keys(e)).toEqual(['kind', 'id', 'href', 'showAs'])
    }
  })

  it('lists a chapter’s articles both under the chapter and among all articles, in order', () => {
    for (const json of texts.map((t) => JSON.parse(t) as Json)) {
      if (json['chapters'].length === 0) continue
      const inChapters = json['chapters'].flatMap((c: Json) => c['articles'].map((a: Json) => a['start']))
      const all = json['articles'].map((a: Json) => a['start'])
      expect(all.filter((s: number) => inChapters.includes(s))).toEqual(inChapters)
    }
  })
})
