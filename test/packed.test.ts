/** The compact lists of the batch engine: values come back as pushed, in order, whatever their size or shape. */
import {describe, expect, it} from 'vitest'
import {createHash} from 'node:crypto'
import type {ProducedFile} from '../pipeline/batch/manifest.js'
import {PackedList} from '../pipeline/batch/packed.js'
import {ProducedList} from '../pipeline/batch/produced.js'

describe('PackedList', () => {
  it('gives back equal copies, in order, across chunks and for a value larger than a chunk', () => {
    const list = new PackedList<{n: number; text: string; nested: {values: Array<number | null>}}>()
    const values = Array.from({length: 5000}, (_, n) => ({n, text: '联合声明'.repeat(n % 50) + 'x'.repeat(n % 300), nested: {values: [n, null, -n / 3]}}))
    values.splice(2500, 0, {n: -1, text: '长'.repeat(1_500_000), nested: {values: []}})
    for (const value of values) list.push(value)
    expect(list.length).toBe(values.length)
    expect([...list]).toEqual(values)
    expect(list.at(2500)).toEqual(values[2500])
    expect(list.at(0)).not.toBe(list.at(0))
    expect(list.at(values.length)).toBeUndefined()
    expect(list.at(-1)).toBeUndefined()
    expect(list.at(1.5)).toBeUndefined()
    list.clear()
    expect(list.length).toBe(0)
    expect([...list]).toEqual([])
    list.push(values[7]!)
    expect([...list]).toEqual([values[7]])
  })
})

describe('ProducedList', () => {
  const pathOf = (format: string, slug: string) => (format === 'odd' ? null : `${format}/${slug}.${format}`)
  const digest = (n: number) => createHash('sha256').update(String(n)).digest('hex')

  it('gives back every row as pushed, in order; the usual paths are made again, the others kept', () => {
    const list = new ProducedList(pathOf)
    const rows: ProducedFile[] = []
    for (let n = 0; n < 1000; n++) {
      const slug = `doc-${(n * 7919) % 1000}`
      const format = ['json', 'md', 'akn', 'odd'][n % 4]!
      // Every 97th row has a path of its own, every 89th a digest that is not hex.
      const path = n % 97 === 0 ? `elsewhere/${slug}` : (pathOf(format, slug) ?? `odd/${slug}.txt`)
      rows.push({path, format, sha256: n % 89 === 0 ? `not-hex-${n}` : digest(n), size: n * 1000 + 0.5, source: n % 5 === 0 ? null : `in/${n % 3}.txt`, document: n % 6 === 0 ? null : `/akn/${slug}`, slug})
    }
    for (const row of rows) list.push(row)
    expect(list.length).toBe(rows.length)
    expect([...list]).toEqual(rows)
    expect(list.at(rows.length)).toBeUndefined()
    const byPath = Array.from(list.byPath(), (row) => rows[row]!.path)
    expect(byPath).toEqual(rows.map((row) => row.path).sort())
  })

  it('keeps rows of one path in the order pushed', () => {
    const list = new ProducedList()
    for (const size of [3, 1, 2]) list.push({path: 'same', format: 'json', sha256: digest(size), size, source: null, document: null, slug: 's'})
    list.push({path: 'first', format: 'json', sha256: digest(0), size: 0, source: null, document: null, slug: 's'})
    expect(Array.from(list.byPath())).toEqual([3, 0, 1, 2])
  })
})
