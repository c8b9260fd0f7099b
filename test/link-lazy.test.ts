/**
 * `link` over an archive's records kept packed: the lazy form gives the same
 * identities as the plain one, in the same order, and knows beforehand every
 * document that some identity names.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {namedBy, resolveIdentities, resolveIdentitiesLazily, type IdentityRecord} from '../pipeline/link/plugin.js'
import {PackedList} from '../pipeline/batch/packed.js'
import {pass1, setSettings} from '../pipeline/batch/tasks.js'
import {seedCopy} from '../bench/corpus.js'
import {corpusFiles, seedPath} from './helpers/seed.js'

/** Pass 1's records of some inputs, as the batch engine gets them. */
async function recordsOf(inputs: Array<{path: string; bytes: Uint8Array}>): Promise<IdentityRecord[]> {
  setSettings({out: '.', formats: [], treeOut: false, sourceDateEpoch: null, collection: false, aknText: false, retainBytes: 0, spill: null})
  const records: IdentityRecord[] = []
  for (const [file, input] of inputs.entries()) records.push(...(await pass1({file, path: input.path, bytes: input.bytes, retain: false})).records)
  return records
}

const encoder = new TextEncoder()

describe('link over packed records', () => {
  it('gives the identities of the plain form, and names beforehand what they name', async () => {
    const inputs = [
      ...corpusFiles().map((file) => ({path: path.basename(file), bytes: readFileSync(file)})),
      {path: 'seed.txt', bytes: readFileSync(seedPath)},
      // The same seed again: its documents are duplicates, which name nothing.
      {path: 'seed-again.txt', bytes: readFileSync(seedPath)},
      ...Array.from({length: 4}, (_, i) => ({path: `copy-${i}.txt`, bytes: encoder.encode(seedCopy(i))})),
      // A document dated by the one citing it: the citing document is named.
      {path: 'a-cites.txt', bytes: encoder.encode('中华人民共和国和阿塞拜疆共和国联合声明\n一、双方重申一九九四年三月七日在北京签署的《中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明》。\n二〇〇五年三月十七日于北京\n')},
      {path: 'b-cited.txt', bytes: encoder.encode('中华人民共和国和阿塞拜疆共和国友好合作关系的联合声明\n一、双方同意。\n')}
    ]
    const records = await recordsOf(inputs)
    const plain = resolveIdentities(records)
    const store = new PackedList<IdentityRecord>()
    for (const record of records) store.push(record)
    const lazy = resolveIdentitiesLazily(store)
    const pairs = [...lazy.identities()]
    expect(pairs.map(({identity}) => identity)).toEqual(plain.identities)
    expect(pairs.map(({record}) => record)).toEqual(records)
    expect(lazy.messages).toEqual(plain.messages)
    expect(lazy.persons).toEqual(plain.persons)

    const named = new Set(plain.identities.filter((identity) => identity.duplicateOf === null).flatMap(namedBy))
    expect([...lazy.named].sort()).toEqual([...named].sort())
    // The cases this checks are there: a citation, a date from a citation, duplicates.
    expect(plain.identities.some((identity) => identity.signed?.from !== undefined)).toBe(true)
    expect(plain.identities.some((identity) => identity.duplicateOf !== null)).toBe(true)
    expect(named.size).toBeGreaterThan(3)
  })
})
