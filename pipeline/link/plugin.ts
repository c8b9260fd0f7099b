/**
 * Stage `link`, over the whole batch (all files at once). Reads: every
 * document's meta and citations. Writes: citation targets, work dates inferred
 * from other documents (a date the text does not print, taken from a citation
 * of the document elsewhere in the batch), Work URIs, output file stems, and the
 * canonical form of each person. An unresolved citation is an info message.
 */
import type {VFile} from 'vfile'
import {walk} from '../tree/walk.js'
import {toText} from '../tree/text.js'
import type {Citation, DateFact, DateMark, Document, EntityMark, Inline, Root} from '../tree/types.js'
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
  const fileOf = new Map<Document, VFile>()
  for (const item of batch) for (const doc of item.tree.children) fileOf.set(doc, item.file)

  // 1. Which documents do citations name, and with what date?
  const byTitle = new Map<string, Document[]>()
  for (const doc of documents) {
    if (!doc.meta.title) continue
    const key = titleKey(doc.meta.title)
    byTitle.set(key, [...(byTitle.get(key) ?? []), doc])
  }
  const links: Array<{citation: Citation; from: Document; to: Document}> = []
  const citedDates = new Map<Document, Array<{fact: DateFact; from: Document; place: string | null}>>()
  for (const doc of documents) {
    visitInlines(doc, (children) => {
      children.forEach((node, index) => {
        if (node.type !== 'citation') return
        const target = byTitle.get(titleKey(node.title))?.find((d) => d !== doc)
        if (!target) {
          fileOf.get(doc)!.info(`Unresolved citation 《${node.title}》: no document of the batch has this title`, {
            ruleId: 'unresolved-citation',
            source: 'diptext',
            place: node.position
          })
          return
        }
        links.push({citation: node, from: doc, to: target})
        const dated = datedBefore(children, index)
        if (dated) {
          const {date, place} = dated
          const list = citedDates.get(target) ?? []
          list.push({fact: {value: date.iso, source: 'citation', text: toText(date), start: date.position.start.offset!, end: date.position.end.offset!}, from: doc, place})
          citedDates.set(target, list)
        }
      })
    })
  }

  // 2. The date of each work, by the order of notes/akn.md §0: the signing date printed in the text,
  // a citation elsewhere in the batch, the first day of a visit, the latest date printed in the text,
  // the page stamp, and only when nothing dates the work, the conversion (with a warning).
  for (const doc of documents) {
    const dates = doc.meta.dates
    const cited = citedDates.get(doc)?.[0]
    if (!dates.signed && cited) {
      dates.signed = cited.fact
      if (!doc.meta.place && cited.place) doc.meta.place = cited.place
    }
    dates.work = dates.signed ?? visitDate(doc) ?? printedDate(doc) ?? (dates.published ? {...dates.published, source: 'publication'} : null)
    if (!dates.work) {
      dates.work = {value: RELEASE_DATE, source: 'conversion', text: '', start: doc.position.start.offset ?? 0, end: doc.position.start.offset ?? 0}
      fileOf.get(doc)!.message(
        `No date found for the work: the text prints none, no document of the batch cites it, and the page has no stamp; the Work URI uses the release date of diptext (${RELEASE_DATE}), FRBRdate name="conversion"`,
        {ruleId: 'no-work-date', source: 'diptext', place: doc.position}
      )
    }
  }

  for (const doc of documents) if (!doc.meta.dates.effective) doc.meta.dates.effective = effectiveDate(doc)

  // 3. Identity: one Work per (type, date, parties); a document and its translation in the batch
  // are two expressions (`zho`, `eng`) of one Work; a second document of one Work and language is
  // another Work (`cn-az-2`). File stems follow the URIs.
  interface Work {
    languages: Set<string>
    uri: string
  }
  const works = new Map<string, Work[]>()
  const placed: Array<{doc: Document; work: Work; language: string; date: string; subtype: string}> = []
  for (const doc of documents) {
    const number = doc.meta.parties.length > 0 ? doc.meta.parties.map((p) => partyCode(p.code)).join('-') : 'nn'
    const date = doc.meta.dates.work!.value
    const subtype = statementName(doc.meta.docType)
    const key = `${subtype}\u0000${date}\u0000${number}`
    const language = languageCode(doc.meta.language)
    const candidates = works.get(key) ?? []
    works.set(key, candidates)
    let work = candidates.find((candidate) => !candidate.languages.has(language))
    if (!work) {
      const suffix = candidates.length > 0 ? `-${candidates.length + 1}` : ''
      work = {languages: new Set(), uri: workUri(buildFrbrUri({country: 'cn', doctype: 'statement', subtype, date, number: number + suffix}))}
      candidates.push(work)
    }
    work.languages.add(language)
    doc.meta.id = work.uri
    placed.push({doc, work, language, date, subtype})
  }
  // A translation's file stem says its language; the Chinese original keeps the plain stem.
  for (const {doc, work, language, date, subtype} of placed) {
    const translation = work.languages.size > 1 && language !== 'zho'
    doc.meta.slug = `${date}_${parseFrbrUri(work.uri).number}_${subtype}${translation ? `_${language}` : ''}`.replace(/[^A-Za-z0-9_-]/g, '-')
  }
  for (const {from, to} of [...citedDates.entries()].flatMap(([to, list]) => list.map((l) => ({to, from: l.from})))) {
    if (to.meta.dates.signed?.source === 'citation' && to.meta.dates.signed.from === undefined) to.meta.dates.signed.from = from.meta.id
  }
  for (const {citation, to} of links) citation.target = to.meta.id

  // 4. One canonical form per person across the batch: the fullest printed form.
  const canonical = new Map<string, string>()
  for (const doc of documents) {
    walk(doc, (node) => {
      if (node.type !== 'person') return
      const mark = node as EntityMark
      const best = canonical.get(mark.ref)
      if (!best || rank(mark.showAs) > rank(best)) canonical.set(mark.ref, mark.showAs)
    })
  }
  for (const doc of documents) {
    walk(doc, (node) => {
      if (node.type !== 'person') return
      const mark = node as EntityMark
      mark.showAs = canonical.get(mark.ref) ?? mark.showAs
    })
  }
  canonicalEntities(documents)
  return documents
}

/**
 * One office, one role: `中华人民共和国主席` is the office of `国家主席` (President of the PRC), so
 * both refer to `cn.president` (notes/akn.md §4). Keyed by the role href the recognition gives.
 */
const SAME_OFFICE: ReadonlyArray<{href: string; printed: RegExp; ref: string; to: string}> = [
  {href: '/akn/ontology/role/cn.chairman', printed: /^(?:中华人民共和国|中華人民共和國)主席$/u, ref: 'cnPresident', to: '/akn/ontology/role/cn.president'}
]

/**
 * TLC ids as in notes/akn.md §4 (NC §4.11), the same for every mention in the batch:
 * a person is `cc.name` when a signature or the role just before a mention gives the country
 * (`/akn/ontology/person/cn.jiangZemin`); an organisation of one state is `cc.name`, not
 * `unreg.ccName` (`unreg.` stays for what no state registers).
 */
function canonicalEntities(documents: readonly Document[]): void {
  const personCountry = new Map<string, string>()
  const marks: EntityMark[] = []
  for (const doc of documents) {
    walk(doc, (node) => {
      const children = (node as unknown as {children?: Array<Inline | EntityMark>}).children
      if (node.type === 'person' || node.type === 'role' || node.type === 'organization') marks.push(node as EntityMark)
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
  }
  for (const mark of marks) {
    if (mark.type === 'person') {
      const bare = /^\/akn\/ontology\/person\/([A-Za-z][A-Za-z0-9]*)$/.exec(mark.href)
      const country = personCountry.get(mark.ref)
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
  }
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

/**
 * The date of entry into force: a date printed just before 生效 (or before "enter into force"),
 * else the signing date when the text says 自签字之日起生效. Null when the text says neither.
 */
function effectiveDate(doc: Document): DateFact | null {
  let found: DateFact | null = null
  visitInlines(doc, (children) => {
    if (found) return
    children.forEach((node, index) => {
      if (found || node.type !== 'date' || !isCalendarDay(node.iso)) return
      let after = ''
      for (let i = index + 1; i < children.length && after.length < 12; i++) after += toText(children[i]!)
      if (BEFORE_IN_FORCE.test(after) || ENGLISH_IN_FORCE.test(after)) found = fact(node, 'text')
    })
    if (found) return
    const signed = doc.meta.dates.signed
    const text = children.map((child) => toText(child)).join('')
    const match = BY_SIGNATURE_IN_FORCE.exec(text)
    if (match && signed) {
      const start = (children[0]?.position.start.offset ?? 0) + match.index
      found = {...signed, text: match[0], start, end: start + match[0].length}
    }
  })
  return found
}

function fact(mark: DateMark, source: DateFact['source']): DateFact {
  return {value: mark.iso, source, text: toText(mark), start: mark.position.start.offset!, end: mark.position.end.offset!}
}

function visitInlines(doc: Document, callback: (children: Inline[]) => void): void {
  walk(doc, (node) => {
    if (node.type === 'paragraph' || node.type === 'signing') callback((node as unknown as {children: Inline[]}).children)
  })
}
