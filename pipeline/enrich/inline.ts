/**
 * Finds inline semantics in one run of cleaned text: citations 《…》, full
 * dates, roles (`中华人民共和国主席`), persons (the file's signatories, or a name
 * right after a role), organisations and places. Overlaps are settled by
 * position, then by the order of `KINDS` (a date inside a citation stays text).
 */
import type {Position} from 'unist'
import {findDates} from '../recognize/dates.js'
import {countryNamesLongestFirst, matchCountryAt} from '../rules/countries.js'
import {matchRoleAt} from '../rules/roles.js'
import {documentSuffixes, matchOrganizationAt, organizationNamesLongestFirst} from '../rules/organizations.js'
import {matchPlaceAt, placeNamesLongestFirst} from '../rules/places.js'
import type {Inline, Text} from '../tree/types.js'
import {locationMark, organizationMark, personMark, roleMark} from '../recognize/entity-ids.js'

export const KINDS = ['citation', 'date', 'role', 'person', 'organization', 'location'] as const

export interface Found {
  kind: (typeof KINDS)[number]
  start: number
  end: number
  build(children: Text[], position: Position): Inline
}

/** Names known in this file: printed form (with and without the middle dot) → canonical form, indexed by first character. */
export class NameBook {
  readonly #byFirst = new Map<string, Array<{printed: string; canonical: string}>>()
  readonly #pairs = new Set<number>()
  /** A bit per UTF-16 unit that opens a known name: most positions are passed over on it alone. */
  readonly #firstUnits = new Uint32Array(0x800)

  add(canonical: string): void {
    for (const printed of new Set([canonical, canonical.replace(/[·•・\s]/g, '')])) {
      if (printed.length < 2) continue
      const list = this.#byFirst.get(printed[0]!) ?? []
      if (!list.some((e) => e.printed === printed)) list.push({printed, canonical})
      list.sort((a, b) => b.printed.length - a.printed.length)
      this.#byFirst.set(printed[0]!, list)
      this.#pairs.add(pairAt(printed, 0))
      const unit = printed.charCodeAt(0)
      this.#firstUnits[unit >> 5]! |= 1 << (unit & 31)
    }
  }

  /** Could a known name start with this UTF-16 unit? */
  mayOpen(unit: number): boolean {
    return (this.#firstUnits[unit >> 5]! & (1 << (unit & 31))) !== 0
  }

  /** Does a known name start with these two UTF-16 units (`pairAt`)? */
  opens(pair: number): boolean {
    return this.#pairs.has(pair)
  }

  at(text: string, index: number): {printed: string; canonical: string} | null {
    if (!this.mayOpen(text.charCodeAt(index)) || !this.#pairs.has(pairAt(text, index))) return null
    for (const entry of this.#byFirst.get(text[index] ?? '') ?? []) if (text.startsWith(entry.printed, index)) return entry
    return null
  }
}

/** A hash of the two UTF-16 units of `text` at `index`, below 2^20 (past the end, the second unit counts as 0). */
const pairAt = (text: string, index: number): number => ((text.charCodeAt(index) << 5) ^ (text.charCodeAt(index + 1) | 0)) & 0xfffff

/**
 * The pairs of units that open a country, organisation or place name, hashed
 * (and the units that are a whole one-unit name): a position whose pair opens
 * none is passed over without a lookup, which most positions are. A hash
 * collision only costs a lookup that finds nothing.
 */
const NAME_PAIRS = new Uint8Array(0x100000)
const WHOLE_NAMES = new Uint8Array(0x10000)
/** The units that open any of those names: checked first, so the large pair table is read at few positions. */
const FIRST_UNITS = new Uint8Array(0x10000)
for (const {name} of [...countryNamesLongestFirst, ...organizationNamesLongestFirst, ...placeNamesLongestFirst]) {
  if (name.length === 1) WHOLE_NAMES[name.charCodeAt(0)] = 1
  else NAME_PAIRS[pairAt(name, 0)] = 1
  FIRST_UNITS[name.charCodeAt(0)] = 1
}

const CITATION = /《([^《》\n]{1,200})》/g
/** Where a name ends: a particle, a verb that follows names, or anything not Han (`阿尔韦托·藤森和夫人于` is 阿尔韦托·藤森). */
const NAME_END = '(?=[的于於和与與及同在，、。；：阁閣以邀感愉会會對对访訪表说說称稱将將也已曾举舉出]|[^\\u4e00-\\u9fff]|$)'
const DOTTED_NAME = new RegExp(`^[\\u4e00-\\u9fff]{1,8}(?:[·•・][\\u4e00-\\u9fff]{1,10}?){1,3}${NAME_END}`)
// After a role, a bare Chinese name ends where a particle or verb begins.
const BARE_NAME = new RegExp(`^[\\u4e00-\\u9fff]{2,3}${NAME_END}`)
/** A role word that goes on into a longer noun is not a role: `代表团`, `代表处`, `大使馆`. */
const ROLE_COMPOUND = /^[团團处處馆館]/
const PLACE_BEFORE = /(?:于|於|在|赴|到|抵达|抵達|访问|訪問)$/
const PLACE_AFTER = /^(?:举行|舉行|签署|簽署|签订|簽訂)/

export function findInline(text: string, names: NameBook, options: {places: 'all' | 'context'}): Found[] {
  const found: Found[] = []
  // Most runs cite nothing: no scan for a citation without its opening bracket.
  const citations = text.includes('《') ? text.matchAll(CITATION) : []
  for (const match of citations) {
    const title = match[1]!
    found.push({
      kind: 'citation',
      start: match.index,
      end: match.index + match[0].length,
      build: (children, position) => ({type: 'citation', title, target: null, children, position})
    })
  }
  for (const date of findDates(text)) {
    found.push({
      kind: 'date',
      start: date.start,
      end: date.end,
      build: (children, position) => ({type: 'date', iso: date.iso, ...(date.isoEnd ? {isoEnd: date.isoEnd} : {}), children, position})
    })
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const opensStatic = FIRST_UNITS[unit] === 1
    const opensKnown = names.mayOpen(unit)
    if (!opensStatic && !opensKnown) continue
    const pair = pairAt(text, i)
    if (!(opensStatic && (NAME_PAIRS[pair] === 1 || WHOLE_NAMES[unit] === 1)) && !(opensKnown && names.opens(pair))) continue
    const country = matchCountryAt(text, i)
    if (country) {
      let end = i + country.name.length
      // `X驻Y大使`: X's ambassador, stationed in Y (`驻华` is stationed in China).
      const stationed = /^[驻駐]/.test(text.slice(end)) ? matchCountryAt(text, end + 1)?.name.length ?? (/^[华華]/.test(text.slice(end + 1)) ? 1 : 0) : 0
      if (stationed > 0 && matchRoleAt(text, end + 1 + stationed)) end += 1 + stationed
      let role = matchRoleAt(text, end)
      let last = role
      while (role) {
        end += role.name.length
        last = role
        role = matchRoleAt(text, end)
      }
      if (last && ROLE_COMPOUND.test(text.slice(end))) {
        i = end - 1
        continue
      }
      if (last) {
        const printed = text.slice(i, end)
        const code = country.rule.code
        const ruleId = last.rule.id
        found.push({kind: 'role', start: i, end, build: (children, position) => roleMark(code, ruleId, printed, children, position)})
        const name = nameAt(text, end, names)
        if (name) found.push(personFound(end, end + name.printed.length, name.canonical))
        i = end - 1
        continue
      }
      i += country.name.length - 1
      continue
    }
    const known = knownNameAt(text, i, names)
    if (known) {
      found.push(personFound(i, i + known.printed.length, known.canonical))
      i += known.printed.length - 1
      continue
    }
    const organization = matchOrganizationAt(text, i)
    if (organization && !documentSuffixes.some((word) => text.startsWith(word, i + organization.name.length))) {
      const {rule, name} = organization
      found.push({
        kind: 'organization',
        start: i,
        end: i + name.length,
        build: (children, position) => organizationMark(rule.id, rule.international, null, rule.names[0]!, children, position)
      })
      i += name.length - 1
      continue
    }
    const place = matchPlaceAt(text, i)
    if (place && (options.places === 'all' || PLACE_BEFORE.test(text.slice(Math.max(0, i - 2), i)) || PLACE_AFTER.test(text.slice(i + place.name.length)))) {
      const {rule, name} = place
      found.push({
        kind: 'location',
        start: i,
        end: i + name.length,
        build: (children, position) => locationMark(rule.id, rule.country, rule.names[0]!, children, position)
      })
      i += name.length - 1
    }
  }
  return settle(found)
}

function personFound(start: number, end: number, canonical: string): Found {
  return {kind: 'person', start, end, build: (children, position) => personMark(canonical, children, position)}
}

function knownNameAt(text: string, index: number, names: NameBook): {printed: string; canonical: string} | null {
  return names.at(text, index)
}

function nameAt(text: string, index: number, names: NameBook): {printed: string; canonical: string} | null {
  const known = knownNameAt(text, index, names)
  if (known) return known
  const rest = text.slice(index, index + 40)
  const dotted = DOTTED_NAME.exec(rest)
  if (dotted) return {printed: dotted[0], canonical: dotted[0]}
  const bare = BARE_NAME.exec(rest)
  return bare ? {printed: bare[0], canonical: bare[0]} : null
}

/** Keep non-overlapping matches: the earliest start wins, then the kind listed first in `KINDS`. */
function settle(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || b.end - a.end)
  const kept: Found[] = []
  let reach = 0
  for (const item of found) {
    if (item.start < reach) continue
    kept.push(item)
    reach = item.end
  }
  return kept
}
