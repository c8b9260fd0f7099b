/**
 * A text node of the page, cut into what its source characters became: runs
 * of literal characters, runs of collapsible whitespace, and character
 * references (`&amp;`, `&#12288;`, `&nbsp;`), each with its source span and
 * the characters it decodes to. The parser gives the decoded value and the
 * node's source span; this lines the two up so that every character of the
 * output maps back to its own source characters (one for one), not to the
 * whole node. The parser's own quirks are lined up too: tags it ignored inside
 * a node's span (`</td>` outside a table) are markup, nodes it placed inside
 * another's span (text moved out of a table around a `<style>`) are holes, a
 * tag left open at the end of the file is markup. When source and value still
 * cannot be lined up, the node is one token mapped to its whole span.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'

export type Token =
  | {kind: 'literal'; start: number; end: number}
  | {kind: 'space'; start: number; end: number; newline: boolean}
  | {kind: 'reference'; start: number; end: number; value: string}
  /** A tag the parser ignored inside the node's span (`</td>` outside a table): markup. */
  | {kind: 'markup'; start: number; end: number}
  /** Another node's span inside this one's (a `<style>` among text the parser moved out of a table). */
  | {kind: 'hole'; start: number; end: number; index: number}
  /** The node as a whole, when its source and value cannot be lined up (the parser merged text across ignored tags). */
  | {kind: 'whole'; start: number; end: number; value: string}

/** HTML's collapsible white space (U+00A0 and U+3000 are not: they are kept). */
const COLLAPSIBLE = /[ \t\n\r\f]/
const TAG = /<(?:\/?[A-Za-z]|!)[^<>]{0,1000}>/y
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|([A-Za-z][A-Za-z0-9]{0,31});?)/y

export function tokenize(source: string, start: number, end: number, value: string, holes: ReadonlyArray<readonly [number, number]> = []): Token[] {
  const tokens: Token[] = []
  let v = 0
  let i = start
  let h = 0
  while (i < end) {
    while (h < holes.length && holes[h]![0] < i) h++
    const hole = holes[h]
    if (hole && hole[0] === i) {
      tokens.push({kind: 'hole', start: i, end: Math.min(hole[1], end), index: h})
      i = Math.max(i + 1, Math.min(hole[1], end))
      h++
      continue
    }
    const char = source[i]!
    if (COLLAPSIBLE.test(char)) {
      let j = i
      let newline = false
      while (j < end && COLLAPSIBLE.test(source[j]!)) {
        if (source[j] === '\n' || source[j] === '\r') newline = true
        j++
      }
      // The parser turns CR LF and CR into LF; the value has one character per LF or other space.
      const expected = source.slice(i, j).replace(/\r\n?/g, '\n')
      if (value.slice(v, v + expected.length) !== expected) return whole(start, end, value)
      tokens.push({kind: 'space', start: i, end: j, newline})
      v += expected.length
      i = j
      continue
    }
    if (char === '&') {
      REFERENCE.lastIndex = i
      const match = REFERENCE.exec(source)
      const decoded = match && match.index + match[0].length <= end ? decodeReference(match) : undefined
      if (match && decoded !== undefined && value.startsWith(decoded, v)) {
        tokens.push({kind: 'reference', start: i, end: i + match[0].length, value: decoded})
        v += decoded.length
        i += match[0].length
        continue
      }
      const legacy = match?.[3] !== undefined ? legacyReference(match[3], value, v) : undefined
      if (legacy) {
        tokens.push({kind: 'reference', start: i, end: i + 1 + legacy.length, value: legacy.value})
        v += legacy.value.length
        i += 1 + legacy.length
        continue
      }
      if (value[v] !== '&') return whole(start, end, value)
    }
    if (char === '<') {
      // The parser ignored a tag (or a doctype) and joined the text on both sides into one node.
      TAG.lastIndex = i
      const tag = TAG.exec(source)
      if (tag && i + tag[0].length <= end && !value.startsWith(tag[0], v)) {
        tokens.push({kind: 'markup', start: i, end: i + tag[0].length})
        i += tag[0].length
        continue
      }
    }
    if (char === '<' && v === value.length) {
      // A tag left open at the end of the file: the parser drops it, its characters are markup.
      tokens.push({kind: 'markup', start: i, end})
      break
    }
    // A literal run (a `&` that starts no reference is literal too).
    if (source[i] !== value[v]) return whole(start, end, value)
    let j = i + 1
    while (j < end && source[j] !== '&' && source[j] !== '<' && !COLLAPSIBLE.test(source[j]!) && source[j] === value[v + (j - i)]) j++
    const last = tokens[tokens.length - 1]
    if (last?.kind === 'literal' && last.end === i) last.end = j
    else tokens.push({kind: 'literal', start: i, end: j})
    v += j - i
    i = j
  }
  return v === value.length ? tokens : whole(start, end, value)
}

/** `&copy 2003`: a reference without its semicolon, as the parser reads it in text (the longest name that decodes). */
function legacyReference(name: string, value: string, v: number): {length: number; value: string} | undefined {
  for (let length = name.length; length >= 2; length--) {
    const decoded = decodeNamedCharacterReference(name.slice(0, length))
    if (decoded !== false && value.startsWith(decoded, v)) return {length, value: decoded}
  }
  return undefined
}

function whole(start: number, end: number, value: string): Token[] {
  return [{kind: 'whole', start, end, value}]
}

/** Numeric references as the HTML parser reads them (0 and surrogates become U+FFFD; C1 controls are windows-1252). */
function decodeReference(match: RegExpExecArray): string | undefined {
  const [, hex, decimal, name] = match
  if (name !== undefined) {
    if (match[0].endsWith(';')) {
      const decoded = decodeNamedCharacterReference(name)
      return decoded === false ? undefined : decoded
    }
    return undefined
  }
  const code = Number.parseInt(hex ?? decimal ?? '', hex === undefined ? 10 : 16)
  if (!Number.isFinite(code)) return undefined
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD'
  const c1 = C1[code]
  if (c1 !== undefined) return c1
  return String.fromCodePoint(code)
}

const C1: Readonly<Record<number, string>> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ'
}

/**
 * Where a text node really starts. The parser may start a node that begins
 * with a character reference at the reference's last character (after white
 * space it dropped before `<html>`): then the node starts at the `&` before.
 */
export function textStart(source: string, start: number, end: number, value: string): number {
  const first = source[start]
  if (first === undefined || first === value[0] || first === '&' || first === '<' || COLLAPSIBLE.test(first)) return start
  for (let k = start - 1; k >= Math.max(0, start - 40); k--) {
    if (source[k] !== '&') continue
    if (tokenize(source, k, end, value)[0]?.kind !== 'whole') return k
  }
  return start
}
