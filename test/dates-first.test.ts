/**
 * `findDates` runs the date pattern only at offsets holding one of
 * `DATE_FIRST_CHARS`. The set is proved here from the pattern's syntax: every
 * character a match can start with (after zero-width assertions) is in it.
 */
import {describe, expect, it} from 'vitest'
import {parseRegExpLiteral, type AST} from '@eslint-community/regexpp'
import {DATE_FIRST_CHARS, DATE_SOURCE, findDates} from '../pipeline/recognize/dates.js'

interface First {
  /** The characters a match can start with; null when any character could (a negated class, a set like `\S`). */
  chars: Set<string> | null
  /** Can the node match the empty string? */
  empty: boolean
}

const union = (a: Set<string> | null, b: Set<string> | null): Set<string> | null => (a === null || b === null ? null : new Set([...a, ...b]))

function first(node: AST.Node): First {
  switch (node.type) {
    case 'Character':
      return {chars: new Set([String.fromCodePoint(node.value)]), empty: false}
    case 'CharacterClass': {
      if (node.negate) return {chars: null, empty: false}
      let chars: Set<string> | null = new Set()
      for (const element of node.elements) {
        if (element.type === 'Character') chars = union(chars, new Set([String.fromCodePoint(element.value)]))
        else if (element.type === 'CharacterClassRange') {
          const range = new Set<string>()
          for (let c = element.min.value; c <= element.max.value; c++) range.add(String.fromCodePoint(c))
          chars = union(chars, range)
        } else if (element.type === 'CharacterSet' && element.kind === 'digit' && !element.negate) chars = union(chars, new Set('0123456789'))
        else chars = null
      }
      return {chars, empty: false}
    }
    case 'CharacterSet':
      return node.kind === 'digit' && !node.negate ? {chars: new Set('0123456789'), empty: false} : {chars: null, empty: false}
    case 'Assertion':
      return {chars: new Set(), empty: true}
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      let chars: Set<string> | null = new Set()
      let empty = false
      for (const alternative of node.alternatives) {
        const f = first(alternative)
        chars = union(chars, f.chars)
        empty ||= f.empty
      }
      return {chars, empty}
    }
    case 'Alternative': {
      let chars: Set<string> | null = new Set()
      for (const element of node.elements) {
        const f = first(element)
        chars = union(chars, f.chars)
        if (!f.empty) return {chars, empty: false}
      }
      return {chars, empty: true}
    }
    case 'Quantifier': {
      const f = first(node.element)
      return {chars: f.chars, empty: f.empty || node.min === 0}
    }
    default:
      return {chars: null, empty: true}
  }
}

describe('findDates: where a date can start', () => {
  it('every first character of the date pattern is in DATE_FIRST_CHARS', () => {
    const f = first(parseRegExpLiteral(new RegExp(DATE_SOURCE, 'y')).pattern)
    expect(f.empty).toBe(false)
    expect(f.chars).not.toBeNull()
    const missing = [...f.chars!].filter((c) => !DATE_FIRST_CHARS.includes(c))
    expect(missing).toEqual([])
  })

  it('the analysis sees a first character it is not told about', () => {
    expect([...first(parseRegExpLiteral(/(?<!x)(?:a?b|[c-e]\d)/).pattern).chars!].sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(first(parseRegExpLiteral(/[^a]b/).pattern).chars).toBeNull()
  })

  it('finds the dates of every form', () => {
    const text = '一九九四年三月七日至十日，2005年3月17日，二○一五年十二月十日，2002-03-14，March 13, 1972，13 March 1972，the 25th day of April 2000'
    expect(findDates(text).map((d) => d.iso)).toEqual(['1994-03-07', '2005-03-17', '2015-12-10', '2002-03-14', '1972-03-13', '1972-03-13', '2000-04-25'])
  })
})
