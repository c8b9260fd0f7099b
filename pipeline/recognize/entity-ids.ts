/**
 * Stable ids for entities (persons, roles, organisations, places): ASCII
 * camelCase, valid as XML ids and as the last step of NC §4.11 ontology hrefs.
 * The same printed entity always gets the same id, in every document and run:
 * `盖阿利耶夫` and `盖·阿利耶夫` are both `gaiAliyefu`.
 */
import {pinyin} from 'pinyin-pro'
import type {EntityMark, Text} from '../tree/types.js'
import type {Position} from 'unist'

const ONTOLOGY = '/akn/ontology'

// Names and roles repeat across a batch; their pinyin is computed once.
const syllableCache = new Map<string, string[]>()

function syllables(text: string): string[] {
  const han = text.replace(/[^\u3400-\u9fff]/g, '')
  if (han.length === 0) return []
  let cached = syllableCache.get(han)
  if (!cached) {
    cached = pinyin(han, {toneType: 'none', type: 'array', v: true}).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    if (syllableCache.size < 100_000) syllableCache.set(han, cached)
  }
  return cached
}

function camel(words: string[]): string {
  const parts = words.filter((w) => w.length > 0)
  return parts.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('')
}

/**
 * `江泽民` → `jiangZemin` (family name, given name); a transliterated name by its
 * parts, each one word (`伊利哈姆·阿利耶夫` → `yilihamuAliyefu`, `盖·阿利耶夫` →
 * `gaiAliyefu`); `J. M. Addis` → `jMAddis`. A name with no pinyin and no Latin
 * letters gets its code points (`u3500u3703`), never an empty id.
 */
export function personId(name: string): string {
  if (/[\u3400-\u9fff]/.test(name)) {
    const parts = name.split(/[·•・.．\s]+/).filter((p) => /[\u3400-\u9fff]/.test(p))
    const words = parts.length > 1 ? parts.map((p) => syllables(p).join('')) : chineseName(syllables(name))
    const id = camel(words)
    if (/^[a-z]/.test(id)) return id
  }
  return camel(name.split(/[^A-Za-z]+/)) || codePoints(name)
}

/** A Chinese name is a family name and a given name; a longer undotted name is one transliterated word. */
function chineseName(syllables: string[]): string[] {
  const [family = '', ...given] = syllables
  return syllables.length <= 3 ? [family, given.join('')] : [syllables.join('')]
}

function codePoints(text: string): string {
  return 'u' + [...text].map((c) => c.codePointAt(0)!.toString(16)).join('u')
}

/** `cn` + `president` → `cnPresident`; with no role rule, from the printed words. */
export function roleId(partyCode: string | null, roleRuleId: string | null, printed: string): string {
  const head = partyCode ?? 'xx'
  const fromPinyin = camel(syllables(printed))
  const tail = roleRuleId ?? ((/^[a-z]/.test(fromPinyin) ? fromPinyin : '') || camel(printed.split(/[^A-Za-z]+/)) || codePoints(printed))
  return head + tail[0]!.toUpperCase() + tail.slice(1)
}

export function personMark(name: string, children: Text[], position: Position): EntityMark {
  const id = personId(name)
  return {type: 'person', ref: id, href: `${ONTOLOGY}/person/${id}`, showAs: name, children, position}
}

export function roleMark(partyCode: string | null, roleRuleId: string | null, printed: string, children: Text[], position: Position): EntityMark {
  const id = roleId(partyCode, roleRuleId, printed)
  const rolePart = roleRuleId ?? id.slice((partyCode ?? 'xx').length)
  return {type: 'role', ref: id, href: `${ONTOLOGY}/role/${partyCode ?? 'unknown'}.${rolePart}`, showAs: printed, children, position}
}

/** A signing government (`中华人民共和国政府`): the organisation the AKN writer's FRBRauthor names. */
export function governmentMark(partyCode: string, showAs: string, children: Text[], position: Position): EntityMark {
  return {type: 'organization', ref: `${partyCode}Government`, href: `${ONTOLOGY}/organization/${partyCode}.government`, showAs, children, position}
}

export function organizationMark(id: string, international: boolean, country: string | null, showAs: string, children: Text[], position: Position): EntityMark {
  const scope = international ? 'int' : country ?? 'unreg'
  return {type: 'organization', ref: id, href: `${ONTOLOGY}/organization/${scope}.${id}`, showAs, children, position}
}

export function locationMark(id: string, country: string, showAs: string, children: Text[], position: Position): EntityMark {
  return {type: 'location', ref: id, href: `${ONTOLOGY}/location/${country}.${id}`, showAs, children, position}
}
