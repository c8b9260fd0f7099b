/**
 * What lets a batch's memory stay flat as the archive grows: the index and the
 * manifest written piece by piece (`json-pieces.ts`, `writePiecesAtomicSync`)
 * give the bytes `JSON.stringify` would, and the record journal
 * (`journal.ts`) gives back every value, in order, across chunk boundaries.
 */
import {afterEach, describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {createHash} from 'node:crypto'
import {mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {jsonWithList} from '../pipeline/batch/json-pieces.js'
import {createJournal} from '../pipeline/batch/journal.js'
import {writePiecesAtomicSync} from '../pipeline/batch/write.js'

const folders: string[] = []
const scratch = (): string => {
  const folder = mkdtempSync(path.join(tmpdir(), 'diptext-streams-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

describe('a JSON document written piece by piece', () => {
  it('has the bytes of JSON.stringify with two-space indentation, for any head and list', () => {
    // An array index as the key would be ordered first (such a key is refused).
    const listKey = fc.string().filter((name) => !/^(?:0|[1-9]\d*)$/.test(name))
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), listKey, fc.array(fc.jsonValue(), {maxLength: 8}), (head, key, items) => {
        // The list's key comes last, as in the index and the manifest.
        const rest = Object.fromEntries(Object.entries(head).filter(([name]) => name !== key))
        expect([...jsonWithList(rest, key, items)].join('')).toBe(JSON.stringify({...rest, [key]: items}, null, 2) + '\n')
      }),
      {numRuns: 500}
    )
  })

  it('refuses a key that would not come last', () => {
    expect(() => [...jsonWithList({}, '7', [])]).toThrow(/not written last/)
  })

  it('is written atomically with the sha256 and size of its bytes, and never outside the root', () => {
    const root = scratch()
    const items = Array.from({length: 5000}, (_, i) => ({path: `json/文件-${i}.json`, size: i, note: 'x'.repeat(i % 50)}))
    const target = path.join(root, 'manifest.json')
    const result = writePiecesAtomicSync(target, jsonWithList({format: 'test'}, 'files', items), root)
    const bytes = readFileSync(target)
    expect(bytes.toString('utf8')).toBe(JSON.stringify({format: 'test', files: items}, null, 2) + '\n')
    expect(result).toEqual({sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength})
    expect(readdirSync(root)).toEqual(['manifest.json'])

    const elsewhere = scratch()
    mkdirSync(path.join(root, 'sub'))
    symlinkSync(elsewhere, path.join(root, 'sub', 'planted'))
    expect(() => writePiecesAtomicSync(path.join(root, 'sub', 'planted', 'index.json'), ['{}'], root)).toThrow(/outside the output folder/)
    expect(readdirSync(elsewhere)).toEqual([])
  })

  it('leaves no temporary file when a piece cannot be made', () => {
    const root = scratch()
    function* failing(): Generator<string> {
      yield '{"a": ['
      throw new Error('no more')
    }
    expect(() => writePiecesAtomicSync(path.join(root, 'index.json'), failing(), root)).toThrow('no more')
    expect(readdirSync(root)).toEqual([])
  })
})

describe('the record journal', () => {
  it('gives back every value in order, across chunks, with text in any script', () => {
    const folder = scratch()
    const journal = createJournal<{i: number; text: string}>(path.join(folder, 'records.jsonl'))
    // Values of every size, so lines straddle the read chunks; multi-byte characters at the edges.
    const values = Array.from({length: 3000}, (_, i) => ({i, text: '联合声明\u2028"\n'.repeat(i % 97) + 'é'.repeat(i % 13)}))
    for (const value of values) journal.append(value)
    expect([...journal.read()]).toEqual(values)
    expect(() => journal.append({i: -1, text: ''})).toThrow(/after read/)
    journal.close()
  })

  it('reads back nothing when nothing was appended', () => {
    const journal = createJournal<unknown>(path.join(scratch(), 'empty.jsonl'))
    expect([...journal.read()]).toEqual([])
    journal.close()
  })
})
