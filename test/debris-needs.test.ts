/**
 * A debris rule's `needs` lets the clean stage skip the rule on a text that
 * holds none of the listed strings. A wrong list would silently keep debris, so
 * every list is proved from the pattern's syntax: each way the pattern can
 * match passes through a part whose every possible string contains a listed
 * word (or through a positive lookaround that does). A row added with a list
 * its pattern does not need fails here, whatever inputs the other tests try.
 */
import {describe, expect, it} from 'vitest'
import {parseRegExpLiteral, type AST} from '@eslint-community/regexpp'
import {debrisRules, type DebrisRule} from '../pipeline/rules/debris.js'
import {applyRule} from '../pipeline/clean/apply-debris.js'
import {MappedText} from '../pipeline/text/mapped-text.js'
import {UnitSet} from '../pipeline/text/unit-set.js'
import fc from 'fast-check'

/** More strings than this in a part are not spelled out (the proof then looks at smaller parts). */
const MAX_STRINGS = 512

interface Proof {
  needs: readonly string[]
  ignoreCase: boolean
}

/** Every string `node` can match, when they are few and exact (case-insensitive letters are not); else null. */
function strings(node: AST.Node, proof: Proof): Set<string> | null {
  switch (node.type) {
    case 'Character': {
      const char = String.fromCodePoint(node.value)
      return proof.ignoreCase && char.toLowerCase() !== char.toUpperCase() ? null : new Set([char])
    }
    case 'CharacterClass': {
      if (node.negate) return null
      const out = new Set<string>()
      for (const element of node.elements) {
        if (element.type !== 'Character') return null
        const set = strings(element, proof)
        if (!set) return null
        for (const s of set) out.add(s)
      }
      return out
    }
    case 'Assertion':
      // Zero-width: adds nothing to the match (lookarounds are proved on their own in `covered`).
      return new Set([''])
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern': {
      const out = new Set<string>()
      for (const alternative of node.alternatives) {
        const set = strings(alternative, proof)
        if (!set) return null
        for (const s of set) out.add(s)
      }
      return out.size <= MAX_STRINGS ? out : null
    }
    case 'Alternative':
      return product(node.elements.map((e) => strings(e, proof)))
    case 'Quantifier': {
      const set = strings(node.element, proof)
      if (!set || node.max === Infinity || node.max > 8) return null
      let out = new Set<string>()
      for (let count = node.min; count <= node.max; count++) {
        const repeated = product(Array.from({length: count}, () => set))
        if (!repeated) return null
        out = new Set([...out, ...repeated])
        if (out.size > MAX_STRINGS) return null
      }
      return out
    }
    default:
      return null
  }
}

function product(sets: Array<Set<string> | null>): Set<string> | null {
  let out = new Set([''])
  for (const set of sets) {
    if (!set) return null
    const next = new Set<string>()
    for (const a of out) for (const b of set) next.add(a + b)
    if (next.size > MAX_STRINGS) return null
    out = next
  }
  return out
}

const allContain = (set: Set<string> | null, proof: Proof): boolean => set !== null && [...set].every((s) => proof.needs.some((word) => s.includes(word)))

/** Does every text in which `node` matches hold one of `proof.needs`? */
function covered(node: AST.Node, proof: Proof): boolean {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.every((alternative) => covered(alternative, proof))
    case 'Assertion':
      return (node.kind === 'lookahead' || node.kind === 'lookbehind') && !node.negate && node.alternatives.every((a) => covered(a, proof))
    case 'Quantifier':
      return node.min >= 1 && covered(node.element, proof)
    case 'Alternative': {
      const elements = node.elements
      if (elements.some((element) => covered(element, proof))) return true
      // A run of consecutive parts whose every spelled-out string holds a word (`[\[【]?打印本页`).
      for (let from = 0; from < elements.length; from++) {
        for (let to = from + 1; to <= elements.length; to++) {
          const set = product(elements.slice(from, to).map((e) => strings(e, proof)))
          if (!set) break
          if (allContain(set, proof)) return true
        }
      }
      return false
    }
    default:
      return allContain(strings(node, proof), proof)
  }
}

function proves(rule: DebrisRule): boolean {
  const literal = parseRegExpLiteral(rule.pattern)
  return covered(literal.pattern, {needs: rule.needs ?? [], ignoreCase: literal.flags.ignoreCase})
}

const rule = (pattern: RegExp, needs: string[]): DebrisRule => ({id: 'probe', pattern, why: 'a probe of the proof', action: 'remove', needs})

describe('debris rules: the strings a match needs', () => {
  it('every declared list is implied by its pattern', () => {
    for (const r of debrisRules) if (r.needs) expect(proves(r), r.id).toBe(true)
  })

  it('most rules declare one (the clean stage skips them on most texts)', () => {
    expect(debrisRules.filter((r) => r.needs).length).toBeGreaterThanOrEqual(debrisRules.length - 2)
  })

  it('rejects lists the pattern does not need', () => {
    expect(proves(rule(/打印|列印/g, ['打印']))).toBe(false)
    expect(proves(rule(/(?:打印)?本页/g, ['打印']))).toBe(false)
    expect(proves(rule(/打印*/g, ['打印']))).toBe(false)
    expect(proves(rule(/(?!打印)本页/g, ['打印']))).toBe(false)
    expect(proves(rule(/[^打]印/g, ['打']))).toBe(false)
    expect(proves(rule(/Home/gi, ['Home']))).toBe(false)
    expect(proves(rule(/\d{4}年/g, ['2']))).toBe(false)
  })

  it('accepts lists the pattern does need', () => {
    expect(proves(rule(/打印|列印本页/g, ['打印', '列印']))).toBe(true)
    expect(proves(rule(/[\[【]?打印[\]】]?/g, ['打印']))).toBe(true)
    expect(proves(rule(/\d{4}(?=[ ]{0,3}字体)/g, ['字体']))).toBe(true)
    expect(proves(rule(/首[页頁]/g, ['首页', '首頁']))).toBe(true)
    expect(proves(rule(/(?:a|b){2,3}x+/g, ['x']))).toBe(true)
    expect(proves(rule(/\.(?:svg|png)$/gim, ['.']))).toBe(true)
  })

  it('a rule whose words are absent leaves the text as it is; present, it runs', () => {
    const input = MappedText.identity('正文[打印]正文')
    const skipped = rule(/\[打印\]/g, ['关闭'])
    const result = {removed: [], stamps: []}
    expect(applyRule(input, skipped, input.text, result)).toBe(input)
    const run = applyRule(input, rule(/\[打印\]/g, ['打印']), input.text, result)
    expect(run.text).toBe('正文正文')
    expect(result.removed).toEqual([{rule: 'probe', text: '[打印]', start: 2, end: 6}])
  })
})

describe('UnitSet', () => {
  it('answers `includes` as the text does', () => {
    const text = '中华人民共和国和阿塞拜疆共和国\n[打印本页] © 2002 😀 a|b'
    const units = new UnitSet(text)
    for (const word of ['打印', '打印本页', '印本', '关闭', '😀', '\ud83d', '©', 'a|b', 'a|c', '|', '', '国和', '国国', '\f']) {
      expect(units.includes(word), word).toBe(text.includes(word))
    }
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom(...'中华人民共和国[]打印|ab')}), fc.string({unit: fc.constantFrom(...'中华人民共和国[]打印|abc'), maxLength: 4}), (t, word) => {
        expect(new UnitSet(t).includes(word)).toBe(t.includes(word))
      })
    )
  })

  it('answers `includes` as the text does for a text derived by removals and inserted marks', () => {
    const unit = fc.constantFrom(...'中华人民共和国[]打印|ab\f\n')
    fc.assert(
      fc.property(fc.string({unit}), fc.array(fc.boolean()), fc.string({unit: fc.constantFrom('\f', '\n'), maxLength: 2}), fc.string({unit, maxLength: 3}), (t, keep, mark, word) => {
        const derived = [...t].filter((_, i) => keep[i] ?? true).join('') + mark
        expect(new UnitSet(t).derive(derived, mark).includes(word)).toBe(derived.includes(word))
      })
    )
  })
})
