/**
 * Stage `link`, over the whole batch (all files at once). Reads: every
 * document's meta and citations. Writes: citation targets, work dates inferred
 * from other documents (a date the text does not print, taken from a citation
 * of the document elsewhere in the batch), Work URIs, output file stems, and the
 * canonical form of each person. An unresolved citation is an info message.
 */
import {createHash} from 'node:crypto'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {walk} from '../tree/walk.js'
import {toText} from '../tree/text.js'
import type {DateFact, DateMark, Document, EntityMark, Inline, Root} from '../tree/types.js'
import {buildFrbrUri, isCalendarDay, parseFrbrUri, workUri} from '../frbr/uri.js'
import {RELEASE_DATE} from '../frbr/conversion-date.js'
import {languageCode, partyCode, statementName} from '../frbr/vocabulary.js'

export interface BatchItem {
  file: VFile
  tree: Root
}

/**
 * What may stand between a date and the citation it dates: a place (`在莫斯科`,
 * `于北京`), the act (`签署`, `通过`, `发表`), `的`, and a qualifier of the kind
 * `具有…意义的` (`具有历史意义的`, `具有重要意义的`). Group 1 is the place.
 */
const CITED_DATE_GAP = new RegExp(
  String.raw`^[\s\u3000]*(?:(?:在|于|於)([\u4e00-\u9fff]{2,8}?))?[\s\u3000]*(?:签署|签订|簽署|簽訂|签字|簽字|通过|通過|发表|發表|缔结|締結|订立|訂立)?的?(?:具有[^，。、《》\s]{1,8}(?:意义|意義)的)?$`,
  'u'
)

export function link(batch: readonly BatchItem[]): Document[] {
  const documents = batch.flatMap((item) => item.tree.children)
  const records = batch.flatMap((item, file) => item.tree.children.map((doc, index) => recordOf(doc, file, index)))
  const index = resolveIdentities(records, {nameOf: (file) => batch[file]!.file.path})
  for (const message of index.messages) {
    const file = batch[message.file]!.file
    const options = {ruleId: message.ruleId, source: 'diptext', place: message.place}
    if (message.severity === 'info') file.info(message.reason, options)
    else file.message(message.reason, options)
  }
  let at = 0
  for (const doc of documents) applyIdentity(doc, index.identities[at++]!, index)
  return documents
}

/**
 * What `link` needs of one document, small enough to keep for a whole archive
 * while the trees themselves are dropped (the batch engine's first pass).
 * Plain data: it survives a worker boundary and a JSON cache.
 */
export interface IdentityRecord {
  /** Index of the input file in the batch, and of the document in its file. */
  file: number
  index: number
  title: string
  docType: string
  language: string
  parties: Array<string | null>
  /** Party codes, or names where there is no code (for `index.json`). */
  partyKeys: string[]
  /** Where the document lies in its input. */
  source: {file: string; start: number; end: number}
  signed: DateFact | null
  place: string | null
  visit: DateFact | null
  printed: DateFact | null
  published: DateFact | null
  /** The date of entry into force when the document has one already, else where it may come from. */
  effective: DateFact | EffectiveCandidate[]
  /** The document's position, as six numbers (`Place`). */
  position: Place
  /** sha256 of the document's text without layout: the same document read twice has the same hash. */
  content: string
  citations: Array<{title: string; position: Place | undefined; dated: {fact: DateFact; place: string | null} | null}>
  /** The fullest printed form of each person in the document, and the country a signature or role gives them. */
  persons: Array<[ref: string, showAs: string]>
  countries: Array<[ref: string, country: string]>
}

/**
 * A position as six numbers: start line, column, offset, end line, column,
 * offset (-1 for an offset the position lacks). An index of a whole archive
 * keeps a few per document, for messages only; six numbers weigh a fraction of
 * three objects.
 */
export type Place = readonly [number, number, number, number, number, number]

export function placeOf(position: Position): Place {
  const {start, end} = position
  return [start.line, start.column, start.offset ?? -1, end.line, end.column, end.offset ?? -1]
}

export function positionOf(place: Place): Position {
  const point = (line: number, column: number, offset: number) => (offset === -1 ? {line, column} : {line, column, offset})
  return {start: point(place[0], place[1], place[2]), end: point(place[3], place[4], place[5])}
}

/** The start offset of a place (0 when it has none). */
const offsetOf = (place: Place): number => Math.max(0, place[2])

/** What `link` decides for one document. */
export interface Identity {
  id: string
  slug: string
  signed: DateFact | null
  place: string | null
  work: DateFact
  effective: DateFact | null
  /** The Work URI each citation points at, in tree order (null: not in the batch). */
  targets: Array<string | null>
  /** Set when the same document was read earlier in the batch: `file` and `index` of that copy. */
  duplicateOf: {file: number; index: number} | null
}

/**
 * The Work URIs an identity names, once each: the documents it cites, and the
 * citing documents its dates came from. Writers show these documents' titles
 * and link to their files.
 */
export function namedBy(identity: Identity): string[] {
  const named = new Set<string>()
  for (const target of identity.targets) if (target !== null) named.add(target)
  for (const fact of [identity.signed, identity.work, identity.effective]) if (fact?.from !== undefined) named.add(fact.from)
  return [...named]
}

export interface LinkMessage {
  file: number
  reason: string
  ruleId: string
  severity: 'info' | 'warning'
  place: Position | undefined
}

/** The result of `link` over a batch of records: one identity per record, and the batch-wide entity forms. */
export interface IdentityIndex {
  identities: Identity[]
  /** ref → canonical printed form; ref → country. */
  persons: Record<string, string>
  countries: Record<string, string>
  messages: LinkMessage[]
}

/** The record of one document (pass 1 of the batch engine). */
export function recordOf(doc: Document, file: number, index: number): IdentityRecord {
  const citations: IdentityRecord['citations'] = []
  visitInlines(doc, (children) => {
    children.forEach((node, at) => {
      if (node.type !== 'citation') return
      const dated = datedBefore(children, at)
      citations.push({
        title: node.title,
        position: node.position ? placeOf(node.position) : undefined,
        dated: dated ? {fact: {value: dated.date.iso, source: 'citation', text: toText(dated.date), start: dated.date.position.start.offset!, end: dated.date.position.end.offset!}, place: dated.place} : null
      })
    })
  })
  const persons = new Map<string, string>()
  walk(doc, (node) => {
    if (node.type !== 'person') return
    const mark = node as EntityMark
    const best = persons.get(mark.ref)
    if (best === undefined || rank(mark.showAs) > rank(best)) persons.set(mark.ref, mark.showAs)
  })
  return {
    file,
    index,
    title: doc.meta.title,
    docType: doc.meta.docType,
    language: doc.meta.language,
    parties: doc.meta.parties.map((p) => p.code),
    partyKeys: doc.meta.parties.map((p) => p.code ?? p.name),
    source: {file: doc.meta.source.file, start: doc.meta.source.start, end: doc.meta.source.end},
    signed: doc.meta.dates.signed,
    place: doc.meta.place,
    visit: visitDate(doc),
    printed: printedDate(doc),
    published: doc.meta.dates.published,
    effective: doc.meta.dates.effective ?? effectiveCandidates(doc),
    position: placeOf(doc.position),
    content: createHash('sha256').update(toText(doc as never).replace(/[\s\u3000]+/gu, '')).digest('hex'),
    citations,
    persons: [...persons],
    countries: [...personCountries(doc)]
  }
}

/** What `link` reads of a record in one streamed pass: the parts that weigh most, kept out of memory by the batch engine. */
export type RecordDetail = Pick<IdentityRecord, 'citations' | 'persons' | 'countries'>

/** The rest of a record: what `link` keeps for every document of the batch at once. */
export type RecordCore = Omit<IdentityRecord, keyof RecordDetail>

/**
 * `link` over records: citation targets, work dates, Work URIs and file stems, one
 * canonical form per person. Records are in batch order (files by name); a Work URI
 * never depends on that order: a collision is resolved by content, and a document
 * read twice is a duplicate of its first copy.
 *
 * The details (citations and persons) are read once, in record order: an
 * archive's details may stream from disk.
 */
export interface ResolveOptions {
  /** The name of an input file in messages. */
  nameOf?: (file: number) => string
  /** Each record's citations and persons, in record order (default: the records themselves). */
  details?: Iterable<RecordDetail>
  /** Make notes (info messages: unresolved citations); default true. An archive's notes outweigh its index. */
  notes?: boolean
}

/**
 * Records by position: an array, or a store that gives back a copy of each
 * (the batch engine keeps an archive's records packed). Each is read a few
 * times, in order, and seldom out of order.
 */
export interface RecordList<R extends RecordCore = RecordCore> {
  readonly length: number
  at(index: number): R | undefined
}

export function resolveIdentities(records: RecordList, options: ResolveOptions = {}): IdentityIndex {
  const {identities, persons, countries, messages} = resolveIdentitiesLazily(records, options)
  return {identities: Array.from(identities(), ({identity}) => identity), persons, countries, messages}
}

/** `resolveIdentities` for a store of records read one at a time. */
export interface LazyIdentityIndex<R extends RecordCore = RecordCore> extends Omit<IdentityIndex, 'identities'> {
  /** Each record (as read once more) with its identity, in record order, made when asked for. */
  identities: () => Iterable<{record: R; identity: Identity}>
  /** The Work URIs that the documents (duplicates aside) name, as \`namedBy\` gives them: known before any identity is made. */
  named: ReadonlySet<string>
}

/**
 * `resolveIdentities` with the identities made one at a time, in record order,
 * each time they are asked for: an archive's identities are never all held at
 * once, and each record is read three times. The messages, the persons and
 * the named documents are complete before the first.
 */
export function resolveIdentitiesLazily<R extends RecordCore>(records: RecordList<R>, options: ResolveOptions = {}): LazyIdentityIndex<R> {
  const {nameOf = (file: number) => `input ${file + 1}`, notes = true} = options
  const details = options.details ?? (records as readonly IdentityRecord[])
  const messages: LinkMessage[] = []
  const count = records.length
  const recordAt = (i: number): R => records.at(i)!

  // 0. The same document read twice (same text, same language): the later copies are duplicates (-1: none).
  // 1. Which documents do citations name? (a title index: O(1) per citation)
  const firstCopy = new Map<string, number>()
  const duplicateOf = new Int32Array(count).fill(-1)
  const byTitle = new Map<string, number[]>()
  const fileOf = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    const record = recordAt(i)
    fileOf[i] = record.file
    const key = record.language + '\u0000' + record.content
    const first = firstCopy.get(key)
    if (first === undefined) firstCopy.set(key, i)
    else duplicateOf[i] = first
    if (!record.title) continue
    const title = titleKey(record.title)
    const list = byTitle.get(title)
    if (list) list.push(i)
    else byTitle.set(title, [i])
  }
  firstCopy.clear()

  // 1. …and with what date?
  // 4. One canonical form per person across the batch: the fullest printed form; the first country found.
  // Both read the details, in one pass.
  const targets: Array<Array<number | null>> = new Array(count)
  const citedDates = new Map<number, {fact: DateFact; from: number; place: string | null}>()
  const persons: Record<string, string> = {}
  const countries: Record<string, string> = {}
  let i = 0
  for (const detail of details) {
    const file = fileOf[i]!
    const list: Array<number | null> = []
    for (const citation of detail.citations) {
      const target = byTitle.get(titleKey(citation.title))?.find((d) => d !== i) ?? null
      list.push(target)
      if (target === null) {
        if (notes) messages.push({file, reason: `Unresolved citation 《${citation.title}》: no document of the batch has this title`, ruleId: 'unresolved-citation', severity: 'info', place: citation.position ? positionOf(citation.position) : undefined})
        continue
      }
      // The first dated citation of a document dates it.
      if (citation.dated && !citedDates.has(target)) citedDates.set(target, {fact: {...citation.dated.fact}, from: i, place: citation.dated.place})
    }
    targets[i] = list
    for (const [ref, showAs] of detail.persons) if (!Object.hasOwn(persons, ref) || rank(showAs) > rank(persons[ref]!)) persons[ref] = showAs
    for (const [ref, country] of detail.countries) if (!Object.hasOwn(countries, ref)) countries[ref] = country
    i++
  }
  if (i !== count) throw new Error(`link: ${count} records but ${i} details`)
  byTitle.clear()

  // 2. The date of each work, by the order of notes/akn.md §0: the signing date printed in the text,
  // a citation elsewhere in the batch, the first day of a visit, the latest date printed in the text,
  // the page stamp, and only when nothing dates the work, the conversion (with a warning).
  // 3. Identity: one Work per (type, date, parties); a document and its translation are two
  // expressions (`zho`, `eng`) of one Work. When one language has two different documents for
  // the same (type, date, parties), each of that group is its own Work, told apart by a short
  // hash of its text (`cn-az-3f9a1c`): never by input order, so adding a file renames no other.
  // The groups are made in the same pass as the dates; what dates a work is decided again with its identity
  // (\`decide\`), so nothing of it is kept for every record meanwhile.
  // A group's members differ by language and text only; a group keeps their languages, and reads their texts
  // again only when two share a language.
  const groups = new Map<string, {subtype: string; date: string; number: string; members: number[]; languages: string[]}>()
  const undated = `No date found for the work: the text prints none, no document of the batch cites it, and the page has no stamp; the Work URI uses the release date of diptext (${RELEASE_DATE}), FRBRdate name="conversion"`
  for (let i = 0; i < count; i++) {
    const record = recordAt(i)
    const {work, undated: none} = decide(record, citedDates.get(i))
    if (none) messages.push({file: record.file, reason: undated, ruleId: 'no-work-date', severity: 'warning', place: positionOf(record.position)})
    if (duplicateOf[i] !== -1) continue
    const [subtype, number] = [statementName(record.docType), numberOf(record)]
    const key = `${subtype}\u0000${work.value}\u0000${number}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = {subtype, date: work.value, number, members: [], languages: []}))
    group.members.push(i)
    group.languages.push(languageCode(record.language))
  }

  const uriOf: string[] = new Array(count)
  const translation = new Uint8Array(count)
  for (const {subtype, date, number, members, languages} of groups.values()) {
    const collision = new Set(languages).size < members.length
    const contents = collision ? members.map((i) => recordAt(i).content) : []
    const length = collision ? distinguishingLength(contents) : 0
    for (const [at, i] of members.entries()) {
      const suffix = collision ? `-${contents[at]!.slice(0, length)}` : ''
      uriOf[i] = workUri(buildFrbrUri({country: 'cn', doctype: 'statement', subtype, date, number: number + suffix}))
      // A translation's file stem says its language; the Chinese original keeps the plain stem.
      translation[i] = !collision && members.length > 1 && languages[at] !== 'zho' ? 1 : 0
    }
  }
  groups.clear()
  for (let i = 0; i < count; i++) {
    const first = duplicateOf[i]!
    if (first === -1) continue
    uriOf[i] = uriOf[first]!
    translation[i] = translation[first]!
    const [record, original] = [recordAt(i), recordAt(first)]
    messages.push({
      file: record.file,
      reason: `Duplicate document: the same text as document ${original.index + 1} of \`${nameOf(original.file)}\`; it is written once, as ${uriOf[first]!}`,
      ruleId: 'duplicate-document',
      severity: 'warning',
      place: positionOf(record.position)
    })
  }

  // The documents named (cited, or dating a cited document), as `namedBy` finds them in the identities below.
  const named = new Set<string>()
  for (let i = 0; i < count; i++) {
    if (duplicateOf[i] !== -1) continue
    for (const target of targets[i]!) if (target !== null) named.add(uriOf[target]!)
    const cited = citedDates.get(i)
    if (cited && !recordAt(i).signed) named.add(cited.fact.from ?? uriOf[cited.from]!)
  }

  function* identities(): Generator<{record: R; identity: Identity}> {
    for (let i = 0; i < count; i++) {
      const record = recordAt(i)
      const uri = uriOf[i]!
      const {signed, place, work, citedBy} = decide(record, citedDates.get(i))
      const parsed = parseFrbrUri(uri)
      const slug = `${parsed.date}_${parsed.number}_${parsed.subtype}${translation[i] === 1 ? `_${languageCode(record.language)}` : ''}`.replace(/[^A-Za-z0-9_-]/g, '-')
      const finalSigned = signed && citedBy !== null && signed.from === undefined ? {...signed, from: uriOf[citedBy]!} : signed
      const effective = Array.isArray(record.effective) ? effectiveDate(record.effective, signed) : record.effective
      const first = duplicateOf[i]!
      const original = first === -1 ? null : recordAt(first)
      const identity: Identity = {
        id: uri,
        slug,
        signed: finalSigned,
        place,
        work: work === signed && finalSigned ? finalSigned : work,
        effective,
        targets: targets[i]!.map((target) => (target === null ? null : uriOf[target]!)),
        duplicateOf: original === null ? null : {file: original.file, index: original.index}
      }
      yield {record, identity}
    }
  }
  return {identities, named, persons, countries, messages}
}

/**
 * What dates a work, by the order of notes/akn.md §0, and where it was signed: the
 * record's own dates, or the date and place a citation elsewhere gives it.
 */
function decide(
  record: RecordCore,
  cited: {fact: DateFact; from: number; place: string | null} | undefined
): {signed: DateFact | null; place: string | null; work: DateFact; citedBy: number | null; undated: boolean} {
  let signed = record.signed
  let place = record.place
  let citedBy: number | null = null
  if (!signed && cited) {
    signed = cited.fact
    citedBy = cited.from
    if (!place && cited.place) place = cited.place
  }
  const work = signed ?? record.visit ?? record.printed ?? (record.published ? {...record.published, source: 'publication' as const} : null)
  const at = offsetOf(record.position)
  return {signed, place, work: work ?? {value: RELEASE_DATE, source: 'conversion', text: '', start: at, end: at}, citedBy, undated: work === null}
}

/** The number part of a Work URI: the parties' codes (`cn-az`), or `nn` without parties. */
function numberOf(record: RecordCore): string {
  return record.parties.length > 0 ? record.parties.map((p) => partyCode(p)).join('-') : 'nn'
}

/** The shortest prefix (at least 6 hex digits) that tells every different hash of a group apart. */
function distinguishingLength(hashes: readonly string[]): number {
  const distinct = new Set(hashes)
  for (let length = 6; length < 64; length++) if (new Set([...distinct].map((h) => h.slice(0, length))).size === distinct.size) return length
  return 64
}

/** Writes what `link` decided into the document (pass 2 of the batch engine). */
export function applyIdentity(doc: Document, identity: Identity, index: Pick<IdentityIndex, 'persons' | 'countries'>): void {
  doc.meta.id = identity.id
  doc.meta.slug = identity.slug
  doc.meta.dates.signed = identity.signed
  doc.meta.place = identity.place
  doc.meta.dates.work = identity.work
  doc.meta.dates.effective = identity.effective
  let next = 0
  visitInlines(doc, (children) => {
    for (const node of children) {
      if (node.type !== 'citation') continue
      const target = identity.targets[next++]
      if (target) node.target = target
    }
  })
  walk(doc, (node) => {
    if (node.type !== 'person') return
    const mark = node as EntityMark
    mark.showAs = index.persons[mark.ref] ?? mark.showAs
  })
  canonicalEntities(doc, index.countries)
}

/**
 * One office, one role: `中华人民共和国主席` is the office of `国家主席` (President of the PRC), so
 * both refer to `cn.president` (notes/akn.md §4). Keyed by the role href the recognition gives.
 */
const SAME_OFFICE: ReadonlyArray<{href: string; printed: RegExp; ref: string; to: string}> = [
  {href: '/akn/ontology/role/cn.chairman', printed: /^(?:中华人民共和国|中華人民共和國)主席$/u, ref: 'cnPresident', to: '/akn/ontology/role/cn.president'}
]

/** The country a signature or the role just before a mention gives each person of `doc`, first found. */
function personCountries(doc: Document): Map<string, string> {
  const personCountry = new Map<string, string>()
  walk(doc, (node) => {
    const children = (node as unknown as {children?: Array<Inline | EntityMark>}).children
    if (!children) return
    const party = node.type === 'signature' ? (node as unknown as {partyCode: string | null}).partyCode : null
    children.forEach((child, index) => {
      if (child.type !== 'person') return
      const role = children.slice(0, index).reverse().find((c) => c.type !== 'text' || c.value.trim() !== '')
      const fromRole = role?.type === 'role' ? /\/role\/([a-z]{2})\./.exec(role.href)?.[1] : undefined
      const country = (party && /^[a-z]{2}$/.test(party) ? party : undefined) ?? fromRole
      if (country && !personCountry.has(child.ref)) personCountry.set(child.ref, country)
    })
  })
  return personCountry
}

/**
 * TLC ids as in notes/akn.md §4 (NC §4.11), the same for every mention in the batch:
 * a person is `cc.name` when a signature or the role just before a mention gives the country
 * (`/akn/ontology/person/cn.jiangZemin`); an organisation of one state is `cc.name`, not
 * `unreg.ccName` (`unreg.` stays for what no state registers).
 */
function canonicalEntities(doc: Document, personCountry: Record<string, string>): void {
  walk(doc, (node) => {
    if (node.type !== 'person' && node.type !== 'role' && node.type !== 'organization') return
    const mark = node as EntityMark
    if (mark.type === 'person') {
      const bare = /^\/akn\/ontology\/person\/([A-Za-z][A-Za-z0-9]*)$/.exec(mark.href)
      const country = Object.hasOwn(personCountry, mark.ref) ? personCountry[mark.ref] : undefined
      if (bare && country) mark.href = `/akn/ontology/person/${country}.${bare[1]}`
    } else if (mark.type === 'organization') {
      const local = /^\/akn\/ontology\/organization\/unreg\.([a-z]{2})([A-Z][A-Za-z0-9]*)$/.exec(mark.href)
      if (local) mark.href = `/akn/ontology/organization/${local[1]}.${local[2]!.charAt(0).toLowerCase()}${local[2]!.slice(1)}`
    } else {
      const same = SAME_OFFICE.find((office) => office.href === mark.href && office.printed.test(mark.showAs))
      if (same) {
        mark.href = same.to
        mark.ref = same.ref
      }
    }
  })
}

function rank(name: string): number {
  return name.length + (/[·•・]/.test(name) ? 100 : 0)
}

/** Titles compare without layout and brackets. */
function titleKey(title: string): string {
  return title.replace(/[\s\u3000《》]/gu, '')
}

/** A date mark shortly before the citation at `index` (`1994年3月7日签订的《…》`, `于1995年6月26日在莫斯科签署的《…》`), with the place named between. */
function datedBefore(children: readonly Inline[], index: number): {date: DateMark; place: string | null} | null {
  let between = ''
  for (let i = index - 1; i >= 0; i--) {
    const node = children[i]!
    if (node.type === 'date') {
      const gap = CITED_DATE_GAP.exec(between)
      return gap ? {date: node, place: gap[1] ?? null} : null
    }
    if (node.type !== 'text' && node.type !== 'location') return null
    between = toText(node) + between
    if (between.length > 24) return null
  }
  return null
}

/** The first day of a visit the text reports (`于一九九四年三月七日至十日对中国进行了正式访问`), preamble first. */
function visitDate(doc: Document): DateFact | null {
  const ordered = [...doc.children].sort((a, b) => Number(b.type === 'preamble') - Number(a.type === 'preamble'))
  for (const section of ordered) {
    let found: DateFact | null = null
    walk(section, (node) => {
      if (node.type !== 'date' || found) return
      const mark = node as DateMark
      if (mark.isoEnd && isCalendarDay(mark.iso)) found = fact(mark, 'visit')
    })
    if (found) return found
  }
  return null
}

/**
 * The latest full date printed in the text: a document is dated on or after every day it
 * reports, and a printed date is better evidence than the page stamp (an English 1972
 * communiqué reposted by a 2010 blog is of 1972).
 */
function printedDate(doc: Document): DateFact | null {
  let latest: DateMark | null = null
  walk(doc, (node) => {
    if (node.type !== 'date') return
    const mark = node as DateMark
    if (isCalendarDay(mark.iso) && (latest === null || mark.iso > latest.iso)) latest = mark
  })
  return latest === null ? null : fact(latest, 'printed')
}

/** What may stand between a date and 生效 (`自一九八〇年九月二十三日起生效`). */
const BEFORE_IN_FORCE = /^[\s\u3000]*(?:起|开始|開始)?[\s\u3000]*(?:正式)?生效(?!日期|时间|時間|日)/u
const BY_SIGNATURE_IN_FORCE = /自?(?:签字|簽字|签署|簽署)之日起(?:正式)?生效/u
const ENGLISH_IN_FORCE = /^[\s,]*(?:shall )?(?:enter|come) into force|^[\s,]*(?:shall )?(?:take|become) effect/iu

/** A date printed as the entry into force, or the place where the text says 自签字之日起生效. */
export type EffectiveCandidate = {text: DateFact} | {bySignature: {text: string; start: number; end: number}}

/**
 * Where the date of entry into force may come from, paragraph by paragraph: a date printed
 * just before 生效 (or before "enter into force"), else 自签字之日起生效, which takes the signing
 * date once `link` knows it. Stops at the first printed date.
 */
function effectiveCandidates(doc: Document): EffectiveCandidate[] {
  const candidates: EffectiveCandidate[] = []
  let done = false
  visitInlines(doc, (children) => {
    if (done) return
    children.forEach((node, index) => {
      if (done || node.type !== 'date' || !isCalendarDay(node.iso)) return
      let after = ''
      for (let i = index + 1; i < children.length && after.length < 12; i++) after += toText(children[i]!)
      if (BEFORE_IN_FORCE.test(after) || ENGLISH_IN_FORCE.test(after)) {
        candidates.push({text: fact(node, 'text')})
        done = true
      }
    })
    if (done) return
    const text = children.map((child) => toText(child)).join('')
    const match = BY_SIGNATURE_IN_FORCE.exec(text)
    if (match) {
      const start = (children[0]?.position.start.offset ?? 0) + match.index
      candidates.push({bySignature: {text: match[0], start, end: start + match[0].length}})
    }
  })
  return candidates
}

/** The first candidate that gives a date: a printed one, or 自签字之日起生效 when the document has a signing date. */
function effectiveDate(candidates: readonly EffectiveCandidate[], signed: DateFact | null): DateFact | null {
  for (const candidate of candidates) {
    if ('text' in candidate) return candidate.text
    if (signed) return {...signed, ...candidate.bySignature}
  }
  return null
}

function fact(mark: DateMark, source: DateFact['source']): DateFact {
  return {value: mark.iso, source, text: toText(mark), start: mark.position.start.offset!, end: mark.position.end.offset!}
}

function visitInlines(doc: Document, callback: (children: Inline[]) => void): void {
  walk(doc, (node) => {
    if (node.type === 'paragraph' || node.type === 'signing') callback((node as unknown as {children: Inline[]}).children)
  })
}
