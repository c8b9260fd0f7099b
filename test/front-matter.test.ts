/**
 * The Markdown front matter is written directly (`front-matter.ts`) in the
 * bytes `yaml.stringify` gives: compared with `yaml` on nasty strings, on
 * generated strings of every kind, and on whole generated front matters.
 * Where the emitter does not reproduce a value it must say so (null), and the
 * writer then uses `yaml` itself.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {Scalar, stringify as yaml} from 'yaml'
import {frontMatter, frontMatterYaml, yamlScalar, yamlString} from '../pipeline/write/markdown/front-matter.js'
import type {Document, DocumentMeta} from '../pipeline/tree/types.js'

const SEED = Number(process.env['PROPERTY_SEED'] ?? 42)
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 2000)

const NASTY = [
  '', ' ', '  ', 'a', 'yes', 'no', 'Yes', 'NO', 'on', 'off', 'y', 'n', 'true', 'True', 'TRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', '~',
  '0', '42', '-1', '+1', '007', '0o17', '0x1F', '0xg', '1e3', '1E-3', '.5', '5.', '-.inf', '.Inf', '.nan', '.NaN', '1_000', '1,000', '12:30',
  '1994-03-07', '1994-03-07T10:00:00Z', '2001-12-14 21:59:43.10 -5', '134.txt', 'diptext 0.1.0',
  '-', '--', '---', '--- a', '...', '... a', '-a', '- a', '?', '? a', '?a', ':', ':a', 'a:', 'a: b', 'a:b', 'a :b', 'http://x.y/z',
  '#', '#a', 'a #b', 'a#b', 'a # b', '&a', '*a', '!a', '!!str', '|', '>', '%YAML', '@a', '`a', ',a', '[a]', '{a}', 'a]', 'a}', 'a,b',
  "'", '"', "'a'", '"a"', `a'b`, 'a"b', `a'b"c`, `"'`, '\\', 'a\\nb', '\\"', ' a', 'a ', '\ta', 'a\t', 'a\tb', 'a \\n',
  'a\nb', 'a\n', '\n', 'a\rb', '\r\n', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', 'a\u00a0b', '\u2028', '\u2029', '\ufeff',
  '\ud800', 'a\udc00b', '😀', '江泽民（签字）', '中华人民共和国', '关于中华人民共和国和阿塞拜疆共和国友好关系基础的联合声明', '《条约》：', '一、双方', '：',
  '/akn/cn/statement/jointStatement/1994-03-07/cn-az', 'dc744d67aaa721fd324c467f6d5d8445236bf4cbec93c9eeda4c95fb84980f99', '1234567890123456789012345678901234567890',
  'x'.repeat(1100), '中'.repeat(600), '1'.repeat(64)
]

/** Characters that matter to YAML's scalar rules, mixed with ordinary ones. */
const piece = fc.oneof(
  fc.constantFrom(...'-?:#&*!|>\'"%@`,[]{} \t\n\r\\.~0123456789eExXoO+_aAyYnNtTfF/'.split('')),
  fc.constantFrom('true', 'null', 'yes', '---', '...', ': ', ' #', '0x', '0o', '.inf', '.nan', '中', '（', '：', '😀', '\u00a0', '\u0085', '\u2028'),
  fc.string({unit: 'binary', maxLength: 3})
)
const nastyString = fc.oneof(fc.constantFrom(...NASTY), fc.array(piece, {maxLength: 8}).map((parts) => parts.join('')), fc.string({unit: 'grapheme', maxLength: 12}))

/** What `yaml` writes for `value` as a map value: at the top level, in a nested map, in a map in a list. */
function viaYaml(value: unknown): {top: string; nested: string; listed: string} {
  return {top: yaml({k: value}, {lineWidth: 0}), nested: yaml({m: {k: value}}, {lineWidth: 0}), listed: yaml({l: [{k: value}]}, {lineWidth: 0})}
}

function checkScalar(value: string | number | boolean | null | Scalar): void {
  const ours = yamlScalar(value)
  if (ours === null) return
  const expected = viaYaml(value)
  expect(`k: ${ours}\n`, JSON.stringify(value)).toBe(expected.top)
  expect(`m:\n  k: ${ours}\n`, JSON.stringify(value)).toBe(expected.nested)
  expect(`l:\n  - k: ${ours}\n`, JSON.stringify(value)).toBe(expected.listed)
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value)
  scalar.type = Scalar.QUOTE_DOUBLE
  return scalar
}

describe('front matter scalars as yaml writes them', () => {
  it('reproduces plain, single- and double-quoted strings exactly, and leaves the rest to yaml', () => {
    let reproduced = 0
    for (const value of NASTY) {
      checkScalar(value)
      checkScalar(quoted(value))
      if (yamlString(value) !== null) reproduced++
    }
    // Most of the list is reproduced; control characters, line breaks and document markers are not.
    expect(reproduced).toBeGreaterThan(NASTY.length * 0.75)
    for (const value of ['a\nb', '\u0000', '\u0085', '\ud800', '--- a', '%YAML', '... a']) expect(yamlString(value), JSON.stringify(value)).toBeNull()
    expect(yamlString('yes')).toBe('yes')
    expect(yamlString('true')).toBe('"true"')
    expect(yamlString('134.txt')).toBe('134.txt')
    expect(yamlString('a"b')).toBe('a"b')
    expect(yamlString('"a')).toBe(`'"a'`)
    expect(yamlString(`'a`)).toBe(`"'a"`)
  })

  it('agrees with yaml on generated strings, plain and double-quoted', () => {
    fc.assert(
      fc.property(nastyString, (value) => {
        checkScalar(value)
        checkScalar(quoted(value))
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })

  it('agrees with yaml on numbers, booleans and null, and declines numbers it does not reproduce', () => {
    for (const value of [0, 1, 42, 1694, 2 ** 40, Number.MAX_SAFE_INTEGER, true, false, null]) checkScalar(value)
    for (const value of [-0, 0.5, 1e21, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) expect(yamlScalar(value)).toBeNull()
  })
})

const meta = fc.record({
  id: nastyString,
  docType: nastyString,
  title: nastyString,
  language: nastyString,
  place: fc.option(nastyString),
  truncated: fc.option(fc.boolean(), {nil: undefined}),
  parties: fc.array(fc.record({name: nastyString, code: fc.option(nastyString)}), {maxLength: 3}),
  dates: fc.record({
    signed: fc.option(fc.record({value: nastyString, source: nastyString})),
    published: fc.option(fc.record({value: nastyString, source: nastyString})),
    effective: fc.option(fc.record({value: nastyString, source: nastyString})),
    work: fc.option(fc.record({value: nastyString, source: nastyString}))
  }),
  source: fc.record({file: nastyString, sha256: nastyString, start: fc.nat(), end: fc.oneof(fc.nat(), fc.double())})
})

describe('front matter as yaml writes it', () => {
  it('is byte-identical to yaml.stringify on generated metadata', () => {
    fc.assert(
      fc.property(meta, (m) => {
        const doc = {type: 'document', meta: m as unknown as DocumentMeta, children: []} as unknown as Document
        expect(frontMatterYaml(doc)).toBe(yaml(frontMatter(doc), {lineWidth: 0}).trimEnd())
      }),
      {seed: SEED, numRuns: Math.ceil(RUNS / 4)}
    )
  })
})
